package dev.deadbolt.maven;

import java.io.File;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code check}, {@code analyze} and {@code report}: the goals that write the HTML report. */
abstract class AbstractReportingMojo extends AbstractDeadboltMojo {
  /** The HTML report: findings, their source and the lock-order graph, in one page. */
  @Parameter(property = "deadbolt.html", defaultValue = "${project.build.directory}/deadbolt/index.html")
  protected File html;

  protected final void writeHtml(Judgement judged, CheckCatalog catalog) throws MojoExecutionException {
    LockGraph graph =
        LockGraph.of(judged.lockEdges(), judged.verdict(), HtmlReport::anchor, repositoryRoot());
    try {
      HtmlReport.write(
          html.toPath(), judged.verdict(), graph, catalog, project.getArtifactId(), plugin.getVersion());
    } catch (IOException e) {
      throw new MojoExecutionException("Deadbolt: cannot write " + html + ": " + e, e);
    }
  }
}
