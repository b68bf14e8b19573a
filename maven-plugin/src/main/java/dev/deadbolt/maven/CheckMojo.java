package dev.deadbolt.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Judges the findings the compile recorded ({@code -XepOpt:Deadbolt:ReportDir}) against the baseline:
 * writes SARIF and the HTML report, prints the new findings grouped by check and counts the rest,
 * reports lock-order cycles that span modules, and fails the build on a finding that is not in the
 * baseline.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractCheckMojo {
  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    check();
  }
}
