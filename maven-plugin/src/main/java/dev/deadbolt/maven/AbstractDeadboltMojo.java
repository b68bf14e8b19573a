package dev.deadbolt.maven;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every Deadbolt goal shares: where the compile recorded its findings, the baseline, and judging
 * the module's findings (its own, plus lock-order cycles closed across the modules it depends on).
 */
abstract class AbstractDeadboltMojo extends AbstractMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  protected MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  protected MavenSession session;

  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  protected PluginDescriptor plugin;

  /**
   * Where the compile wrote its findings: the directory given to {@code
   * -XepOpt:Deadbolt:ReportDir}. For the lock-order graph, the modules this one depends on are read at
   * the same place under their own build directories.
   */
  @Parameter(property = "deadbolt.reportDirectory", defaultValue = "${project.build.directory}/deadbolt")
  protected File reportDirectory;

  /** The module's accepted findings. */
  @Parameter(property = "deadbolt.baseline", defaultValue = "${project.basedir}/deadbolt-baseline.json")
  protected File baseline;

  /**
   * What SARIF paths are relative to; by default the nearest directory above the build's top-level
   * project that holds {@code .git}, else that project's directory.
   */
  @Parameter(property = "deadbolt.repositoryRoot")
  protected File repositoryRoot;

  @Parameter(property = "deadbolt.skip", defaultValue = "false")
  protected boolean skip;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Deadbolt: skipped (deadbolt.skip)");
      return;
    }
    run();
  }

  /** The goal's work, unless skipped. */
  protected abstract void run() throws MojoExecutionException, MojoFailureException;

  /**
   * The module's findings judged, and the lock-acquisition edges they were judged with: the module's
   * own and those of the modules it depends on.
   */
  protected record Judgement(Verdict verdict, List<RecordedEdge> lockEdges) {}

  /** The module's findings judged against {@code against}; null when the module has no Java sources. */
  protected final Judgement judge(Baseline against) throws MojoExecutionException, MojoFailureException {
    String module = project.getArtifactId();
    try {
      Reports.Contents own = Reports.read(reportDirectory.toPath(), module);
      for (Path partial : own.partial()) {
        getLog().warn("Deadbolt: ignoring " + partial + ", left by a compile that did not finish");
      }
      if (own.findingsFiles() == 0) {
        if (!hasJavaSources()) {
          return null;
        }
        throw new MojoFailureException(
            "Deadbolt: no findings report in "
                + reportDirectory
                + ". Compile with Error Prone and -XepOpt:Deadbolt:ReportDir="
                + reportDirectory
                + " (see the Deadbolt README), or run the deadbolt:analyze goal instead.");
      }
      List<RecordedEdge> visible = new ArrayList<>(own.edges());
      for (MavenProject upstream : session.getProjectDependencyGraph().getUpstreamProjects(project, true)) {
        Path dir = reportDirectoryOf(upstream);
        if (dir != null) {
          visible.addAll(Reports.read(dir, upstream.getArtifactId()).edges());
        }
      }
      List<RecordedFinding> findings =
          LockCycles.mergeWithCompiled(own.findings(), LockCycles.find(own.edges(), visible));
      return new Judgement(
          Verdict.judge(findings, against, project.getBasedir().toPath(), repositoryRoot()), visible);
    } catch (MalformedFileException e) {
      throw new MojoFailureException("Deadbolt: malformed report file " + e.getMessage(), e);
    } catch (IOException | UncheckedIOException e) {
      throw new MojoExecutionException("Deadbolt: cannot read " + reportDirectory + ": " + e, e);
    }
  }

  protected final Baseline readBaseline() throws MojoExecutionException, MojoFailureException {
    try {
      return Baseline.read(baseline.toPath());
    } catch (MalformedFileException e) {
      throw new MojoFailureException("Deadbolt: malformed baseline " + e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoExecutionException("Deadbolt: cannot read " + baseline + ": " + e, e);
    }
  }

  /** The report directory of another module: the same place relative to its build directory. */
  private Path reportDirectoryOf(MavenProject other) {
    Path build = Path.of(project.getBuild().getDirectory()).toAbsolutePath().normalize();
    Path report = reportDirectory.toPath().toAbsolutePath().normalize();
    if (!report.startsWith(build)) {
      return null;
    }
    return Path.of(other.getBuild().getDirectory()).resolve(build.relativize(report));
  }

  protected final Path repositoryRoot() {
    if (repositoryRoot != null) {
      return repositoryRoot.toPath().toAbsolutePath().normalize();
    }
    MavenProject top = session.getTopLevelProject() != null ? session.getTopLevelProject() : project;
    Path start = top.getBasedir().toPath().toAbsolutePath().normalize();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve(".git"))) {
        return dir;
      }
    }
    return start;
  }

  protected final boolean hasJavaSources() {
    for (String root : project.getCompileSourceRoots()) {
      Path dir = Path.of(root);
      if (Files.isDirectory(dir)) {
        try (Stream<Path> files = Files.walk(dir)) {
          if (files.anyMatch(f -> f.toString().endsWith(".java"))) {
            return true;
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return false;
  }

  protected final String relativeToModule(File file) {
    return Verdict.relative(project.getBasedir().toPath(), file.toPath());
  }
}
