package dev.deadbolt.maven;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * For a project that has not configured Error Prone: compiles the module's main sources with javac,
 * Error Prone (Deadbolt's checks only, those on by default) and Deadbolt, on the module's class path,
 * into a scratch directory, then does what {@code check} does. No pom change:
 * {@code mvn dev.deadbolt:deadbolt-maven-plugin:<version>:analyze}.
 */
@Mojo(name = "analyze", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class AnalyzeMojo extends AbstractCheckMojo {
  /** Where the scratch compile writes its classes; the module's own output is left alone. */
  @Parameter(
      property = "deadbolt.analyzeOutput",
      defaultValue = "${project.build.directory}/deadbolt/analyze-classes")
  private File analyzeOutput;

  /** More Error Prone arguments, e.g. {@code -XepOpt:Deadbolt:RuntimeJdk=21 -Xep:LoopIgnoresInterrupt}. */
  @Parameter(property = "deadbolt.errorProneArgs", defaultValue = "")
  private String errorProneArgs;

  @Parameter(defaultValue = "${plugin.artifacts}", readonly = true, required = true)
  private List<Artifact> pluginArtifacts;

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    if (Runtime.version().feature() < 21) {
      throw new MojoExecutionException(
          "Deadbolt: analyze runs Error Prone, which needs JDK 21 or newer; Maven runs on "
              + Runtime.version());
    }
    List<Path> sources = javaSources();
    if (sources.isEmpty()) {
      getLog().info("Deadbolt: no Java sources in " + project.getArtifactId() + ", nothing to analyze");
      return;
    }
    Path reports = reportDirectory.toPath();
    Path classes = analyzeOutput.toPath();
    try {
      deleteReportFiles(reports);
      deleteTree(classes);
      Files.createDirectories(classes);
      ScratchCompiler.Outcome outcome =
          ScratchCompiler.compile(options(reports, classes), sources, reports.resolve("analyze-work"));
      getLog()
          .info(
              "Deadbolt: compiled "
                  + sources.size()
                  + " source file(s) with Error Prone "
                  + (outcome.inProcess()
                      ? "in-process"
                      : "in a forked javac (Maven's JVM lacks the --add-exports Error Prone needs;"
                          + " add them to .mvn/jvm.config to run in-process)"));
      if (!outcome.errors().isEmpty()) {
        throw new MojoFailureException(
            "Deadbolt: the sources do not compile:\n" + String.join("\n", outcome.errors()));
      }
    } catch (IOException e) {
      throw new MojoExecutionException("Deadbolt: analyze failed: " + e, e);
    }
    check();
  }

  private List<String> options(Path reports, Path classes) throws MojoExecutionException {
    List<String> options = new ArrayList<>();
    options.add("-d");
    options.add(classes.toString());
    String classPath = classPath();
    if (!classPath.isEmpty()) {
      options.add("-classpath");
      options.add(classPath);
    }
    options.add("-processorpath");
    options.add(
        pluginArtifacts.stream()
            .map(Artifact::getFile)
            .filter(f -> f != null && f.getName().endsWith(".jar"))
            .map(File::getPath)
            .collect(Collectors.joining(File.pathSeparator)));
    options.add("-proc:none");
    options.add("-XDcompilePolicy=simple");
    options.add("--should-stop=ifError=FLOW");
    options.add("-encoding");
    String encoding = project.getProperties().getProperty("project.build.sourceEncoding");
    options.add(encoding == null || encoding.isBlank() ? "UTF-8" : encoding);
    String release = release();
    if (release != null) {
      options.add("--release");
      options.add(release);
    }
    StringBuilder errorProne = new StringBuilder("-Xplugin:ErrorProne -XepDisableAllChecks");
    for (String check : CheckCatalog.load(getClass().getClassLoader()).onByDefault()) {
      errorProne.append(" -Xep:").append(check).append(":WARN");
    }
    errorProne.append(" -XepOpt:Deadbolt:ReportDir=").append(reports);
    if (errorProneArgs != null && !errorProneArgs.isBlank()) {
      errorProne.append(' ').append(errorProneArgs.trim());
    }
    options.add(errorProne.toString());
    return options;
  }

  private String classPath() throws MojoExecutionException {
    try {
      String output = project.getBuild().getOutputDirectory();
      // Summaries across modules (#19): the upstream modules' scratch output first, for their summaries.
      List<String> elements = UpstreamAnalyzeOutputs.of(session, project, analyzeOutput);
      project.getCompileClasspathElements().stream()
          .filter(e -> !e.equals(output))
          .forEach(elements::add);
      return String.join(File.pathSeparator, elements);
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("Deadbolt: the compile class path is not resolved: " + e, e);
    }
  }

  /** The Java release the module compiles for, as its compiler plugin or properties say, if they do. */
  private String release() {
    Xpp3Dom configuration = null;
    Plugin compiler = project.getPlugin("org.apache.maven.plugins:maven-compiler-plugin");
    if (compiler != null && compiler.getConfiguration() instanceof Xpp3Dom dom) {
      configuration = dom;
    }
    for (String name : List.of("release", "target", "source")) {
      String value = configuration == null || configuration.getChild(name) == null
          ? null
          : configuration.getChild(name).getValue();
      if (value == null) {
        value = project.getProperties().getProperty("maven.compiler." + name);
      }
      if (value != null && value.trim().matches("(1\\.)?\\d+")) {
        return value.trim().replaceFirst("^1\\.", "");
      }
    }
    return null;
  }

  private List<Path> javaSources() {
    List<Path> sources = new ArrayList<>();
    for (String root : project.getCompileSourceRoots()) {
      Path dir = Path.of(root);
      if (Files.isDirectory(dir)) {
        try (Stream<Path> files = Files.walk(dir)) {
          files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(sources::add);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return sources;
  }

  /** A fresh report: what earlier compiles recorded here would count twice. */
  private static void deleteReportFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.startsWith("findings-") || name.startsWith("lock-edges-")) {
          Files.delete(file);
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
