package dev.deadbolt.maven;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code check} and {@code analyze}: judge the findings, write SARIF and the HTML report, print the new
 * findings and count the rest, fail on new ones.
 */
abstract class AbstractCheckMojo extends AbstractReportingMojo {
  /** The SARIF 2.1.0 log to write for code scanning. */
  @Parameter(property = "deadbolt.sarif", defaultValue = "${project.build.directory}/deadbolt/deadbolt.sarif")
  protected File sarif;

  /** Whether a finding that is not in the baseline fails the build; false only reports. */
  @Parameter(property = "deadbolt.failOnNew", defaultValue = "true")
  protected boolean failOnNew;

  protected final void check() throws MojoExecutionException, MojoFailureException {
    Judgement judged = judge(readBaseline());
    if (judged == null) {
      getLog().info("Deadbolt: no Java sources in " + project.getArtifactId() + ", nothing to check");
      return;
    }
    Verdict verdict = judged.verdict();
    CheckCatalog catalog = CheckCatalog.load(getClass().getClassLoader());
    try {
      Sarif.write(
          sarif.toPath(),
          verdict,
          catalog,
          plugin.getVersion(),
          "deadbolt/" + project.getArtifactId() + "/",
          repositoryRoot());
    } catch (IOException e) {
      throw new MojoExecutionException("Deadbolt: cannot write " + sarif + ": " + e, e);
    }
    writeHtml(judged, catalog);
    summarize(verdict);
    int fresh = verdict.in(Verdict.State.NEW).size();
    if (fresh > 0 && failOnNew) {
      throw new MojoFailureException(
          "Deadbolt: "
              + count(fresh, "finding is", "findings are")
              + " not in the baseline "
              + relativeToModule(baseline)
              + " (listed above). Fix "
              + (fresh == 1 ? "it" : "them")
              + ", suppress with a reason, or accept with mvn deadbolt:baseline;"
              + " -Ddeadbolt.failOnNew=false only reports.");
    }
  }

  private void summarize(Verdict verdict) {
    Log log = getLog();
    int fresh = verdict.in(Verdict.State.NEW).size();
    String headline =
        "Deadbolt: "
            + count(verdict.results().size(), "finding", "findings")
            + " in "
            + project.getArtifactId()
            + ": "
            + fresh
            + " new, "
            + verdict.in(Verdict.State.BASELINED).size()
            + " in the baseline, "
            + verdict.in(Verdict.State.SUPPRESSED).size()
            + " suppressed";
    if (fresh > 0) {
      log.warn(headline);
    } else {
      log.info(headline);
    }
    // Only the new findings: the accepted and suppressed ones would repeat on every build.
    for (Map.Entry<String, List<Verdict.Result>> group : verdict.byCheck().entrySet()) {
      List<Verdict.Result> added =
          group.getValue().stream().filter(r -> r.state() == Verdict.State.NEW).toList();
      if (added.isEmpty()) {
        continue;
      }
      log.warn("  " + group.getKey() + " (" + added.size() + " new)");
      for (Verdict.Result r : added) {
        log.warn("    " + r.file() + ":" + r.finding().line() + " [new] " + r.finding().message());
      }
    }
    if (!verdict.stale().isEmpty()) {
      log.warn(
          "Deadbolt: "
              + count(verdict.stale().size(), "baseline entry is", "baseline entries are")
              + " stale (the finding is gone); run mvn deadbolt:baseline to drop "
              + (verdict.stale().size() == 1 ? "it" : "them")
              + ":");
      for (Baseline.Entry entry : verdict.stale()) {
        log.warn("    " + entry.file() + " " + entry.member() + " [" + entry.check() + "] " + entry.statement());
      }
    }
    log.info("Deadbolt: every finding, with its source and the lock-order graph, is in " + html);
    log.info("Deadbolt: SARIF written to " + sarif);
  }

  static String count(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
