package dev.deadbolt.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Writes the HTML report ({@code target/deadbolt/index.html}) from what the compile recorded, judged
 * against the baseline, and never fails the build for a finding: for a look at the findings where
 * {@code check} runs only in CI ({@code mvn compile deadbolt:report}).
 */
@Mojo(name = "report", threadSafe = true)
public class ReportMojo extends AbstractReportingMojo {
  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    Judgement judged = judge(readBaseline());
    if (judged == null) {
      getLog().info("Deadbolt: no Java sources in " + project.getArtifactId() + ", no report written");
      return;
    }
    writeHtml(judged, CheckCatalog.load(getClass().getClassLoader()));
    Verdict verdict = judged.verdict();
    getLog()
        .info(
            "Deadbolt: "
                + AbstractCheckMojo.count(verdict.results().size(), "finding", "findings")
                + " in "
                + project.getArtifactId()
                + " ("
                + verdict.in(Verdict.State.NEW).size()
                + " new); report written to "
                + html);
  }
}
