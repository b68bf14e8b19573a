package dev.deadbolt.maven;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/**
 * For {@code deadbolt:analyze} in a multi-module build: the scratch class directories that analyze
 * wrote for the modules this one depends on. Each holds its module's method summaries
 * (META-INF/deadbolt/summaries/, docs/report-format.md), which the module's own output lacks when
 * its compile does not run Deadbolt. Put before the class path, they let this module's scratch compile
 * follow calls into those modules as a compile with Error Prone configured would (their classes are the
 * same ones, compiled from the same sources).
 */
final class UpstreamAnalyzeOutputs {
  private UpstreamAnalyzeOutputs() {}

  /**
   * The existing directories at {@code analyzeOutput}'s place (relative to the build directory) in
   * each module of the build that {@code project} depends on, nearest first.
   */
  static List<String> of(MavenSession session, MavenProject project, File analyzeOutput) {
    Path build = Path.of(project.getBuild().getDirectory()).toAbsolutePath().normalize();
    Path output = analyzeOutput.toPath().toAbsolutePath().normalize();
    List<String> found = new ArrayList<>();
    if (!output.startsWith(build) || session.getProjectDependencyGraph() == null) {
      return found;
    }
    Path relative = build.relativize(output);
    for (MavenProject upstream :
        session.getProjectDependencyGraph().getUpstreamProjects(project, true)) {
      Path dir = Path.of(upstream.getBuild().getDirectory()).resolve(relative);
      if (Files.isDirectory(dir)) {
        found.add(dir.toString());
      }
    }
    return found;
  }
}
