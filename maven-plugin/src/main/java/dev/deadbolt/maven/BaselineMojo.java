package dev.deadbolt.maven;

import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Writes the module's current findings as its baseline ({@code deadbolt-baseline.json}), so that {@code
 * check} fails only on findings added after it. Entries whose finding is gone drop out.
 */
@Mojo(name = "baseline", threadSafe = true)
public class BaselineMojo extends AbstractDeadboltMojo {
  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    Judgement judged = judge(readBaseline());
    if (judged == null) {
      getLog().info("Deadbolt: no Java sources in " + project.getArtifactId() + ", no baseline written");
      return;
    }
    Verdict previous = judged.verdict();
    Baseline current = judge(Baseline.empty()).verdict().toBaseline(project.getBasedir().toPath());
    try {
      current.write(baseline.toPath());
    } catch (IOException e) {
      throw new MojoExecutionException("Deadbolt: cannot write " + baseline + ": " + e, e);
    }
    getLog()
        .info(
            "Deadbolt: wrote "
                + relativeToModule(baseline)
                + " with "
                + AbstractCheckMojo.count(current.entries().size(), "finding", "findings")
                + (previous.stale().isEmpty()
                    ? ""
                    : "; dropped "
                        + AbstractCheckMojo.count(
                            previous.stale().size(), "stale entry", "stale entries")));
  }
}
