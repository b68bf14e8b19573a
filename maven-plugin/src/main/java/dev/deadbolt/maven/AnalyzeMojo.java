package dev.deadbolt.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.lifecycle.DefaultLifecycles;
import org.apache.maven.lifecycle.Lifecycle;
import org.apache.maven.lifecycle.LifecycleExecutor;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.DefaultDependencyResolutionRequest;
import org.apache.maven.project.DependencyResolutionException;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.apache.maven.toolchain.Toolchain;
import org.apache.maven.toolchain.ToolchainManager;
import org.eclipse.aether.RepositorySystem;
import org.jspecify.annotations.Nullable;

/**
 * For a project that has not configured Error Prone: compiles the module's main sources the way its
 * own {@code default-compile} does (its levels, encoding, compiler arguments, annotation processors,
 * module path, generated source roots, toolchain), with Error Prone (Deadbolt's checks only, those on
 * by default) and Deadbolt added, into a scratch directory, then does what {@code check} does. No pom
 * change: {@code mvn compile dev.deadbolt:deadbolt-maven-plugin:<version>:analyze}.
 */
@Mojo(name = "analyze", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class AnalyzeMojo extends AbstractCheckMojo {
  /** How many of a failed compile's errors are shown; javac's first errors are the telling ones. */
  private static final int ERRORS_SHOWN = 20;

  /** Where the scratch compile writes its classes; the module's own output is left alone. */
  @Parameter(
      property = "deadbolt.analyzeOutput",
      defaultValue = "${project.build.directory}/deadbolt/analyze-classes")
  private File analyzeOutput;

  /** More Error Prone arguments, e.g. {@code -XepOpt:Deadbolt:RuntimeJdk=21 -Xep:LoopIgnoresInterrupt}. */
  @Parameter(property = ErrorProneArguments.PROPERTY, defaultValue = "")
  private String errorProneArgs;

  /**
   * Also analyze the test sources, compiled as the module's {@code default-testCompile} does, against
   * the analyzed main classes. Off by default: a team adopting Deadbolt starts with production code.
   */
  @Parameter(property = "deadbolt.includeTests", defaultValue = "false")
  private boolean includeTests;

  @Parameter(defaultValue = "${plugin.artifacts}", readonly = true, required = true)
  private List<Artifact> pluginArtifacts;

  @Component private LifecycleExecutor lifecycle;

  @Component private DefaultLifecycles lifecycles;

  @Component private RepositorySystem repositories;

  @Component private ToolchainManager toolchains;

  @Component private ProjectDependenciesResolver dependencies;

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    if (Runtime.version().feature() < 21) {
      throw new MojoExecutionException(
          "Deadbolt: analyze runs Error Prone, which needs JDK 21 or newer; Maven runs on "
              + Runtime.version());
    }
    CheckCatalog catalog = CheckCatalog.load(getClass().getClassLoader());
    List<String> extraArgs = ErrorProneArguments.parse(errorProneArgs, catalog);
    Path reports = reportDirectory.toPath();
    Path classes = analyzeOutput.toPath();
    try {
      deleteReportFiles(reports);
      deleteTree(classes);
      boolean compiled =
          compile(Scope.MAIN, catalog, extraArgs, reports, classes, classPath(Scope.MAIN, classes));
      if (!compiled) {
        getLog().info("Deadbolt: no Java sources in " + project.getArtifactId() + ", nothing to analyze");
        return;
      }
      if (includeTests) {
        Path testClasses = classes.resolveSibling(classes.getFileName() + "-test");
        deleteTree(testClasses);
        compile(Scope.TEST, catalog, extraArgs, reports, testClasses, classPath(Scope.TEST, classes));
      }
    } catch (IOException e) {
      throw new MojoExecutionException("Deadbolt: analyze failed: " + e, e);
    }
    check();
  }

  /** Main or test sources: which compiler execution they follow and where they are. */
  private enum Scope {
    MAIN("compile", "compile", "default-compile"),
    TEST("test-compile", "testCompile", "default-testCompile");

    final String phase;
    final String goal;
    final String executionId;

    Scope(String phase, String goal, String executionId) {
      this.phase = phase;
      this.goal = goal;
      this.executionId = executionId;
    }
  }

  /** Compiles one scope into {@code classes}; false when it has no sources. */
  private boolean compile(
      Scope scope,
      CheckCatalog catalog,
      List<String> extraArgs,
      Path reports,
      Path classes,
      List<String> dependencyFiles)
      throws IOException, MojoExecutionException, MojoFailureException {
    EffectiveCompilerConfiguration.Read config =
        EffectiveCompilerConfiguration.read(lifecycle, session, scope.phase, scope.goal, scope.executionId);
    CompilerSettings settings = config == null ? CompilerSettings.defaults() : config.settings();
    SourceFiles sources =
        SourceFiles.of(
            scope == Scope.MAIN ? project.getCompileSourceRoots() : project.getTestCompileSourceRoots(),
            config == null ? null : config.generatedSourcesDirectory(),
            settings.excludes());
    if (sources.files().isEmpty()) {
      return false;
    }
    Files.createDirectories(classes);
    Path generated = classes.resolveSibling(classes.getFileName() + "-generated-sources");
    deleteTree(generated);
    Files.createDirectories(generated);
    DependencyLayout layout = DependencyLayout.of(dependencyFiles, sources.moduleDescriptor());
    List<String> processorPath =
        config == null
            ? List.of()
            : new ProcessorPathResolver(repositories, session.getRepositorySession(), project)
                .resolve(config.processorPath());
    Javac javac = javac();
    JavacArguments.Result args =
        JavacArguments.assemble(
            settings,
            new JavacArguments.Layout(
                classes.toString(),
                generated.toString(),
                layout.classPath(),
                layout.modulePath(),
                processorPath,
                errorPronePath(),
                javac.feature()),
            errorProne(catalog, extraArgs, reports));
    for (String adjustment : args.adjustments()) {
      getLog().info("Deadbolt: " + adjustment);
    }
    getLog()
        .info(
            "Deadbolt: compiling "
                + sources.files().size()
                + (scope == Scope.MAIN ? " main" : " test")
                + " source file(s) as "
                + (config == null ? "the compiler plugin's defaults" : config.executionId())
                + (sources.moduleDescriptor() == null ? "" : " (a named module)")
                + " with Error Prone "
                + (javac.executable() == null && ScratchCompiler.canRunInProcess()
                    ? "in-process"
                    : "in a forked javac" + (javac.executable() == null
                        ? " (Maven's JVM lacks the --add-exports Error Prone needs;"
                            + " add them to .mvn/jvm.config to run in-process)"
                        : " of the toolchain's JDK")));
    ScratchCompiler.Outcome outcome;
    try {
      outcome =
          ScratchCompiler.compile(
              args.options(), sources.files(), reports.resolve("analyze-work"), javac.executable());
    } catch (RuntimeException e) {
      throw new MojoExecutionException(
          "Deadbolt: javac with Error Prone failed on " + project.getArtifactId() + ": " + e, e);
    }
    if (!outcome.errors().isEmpty()) {
      throw new MojoFailureException(notCompiling(scope, config, outcome.errors()));
    }
    return true;
  }

  /**
   * The first line says whether the module's own compile succeeded, which this build can tell: Maven
   * runs analyze after the module's compile phase only when that succeeded.
   */
  private String notCompiling(
      Scope scope, EffectiveCompilerConfiguration.Read config, List<String> errors) {
    String execution = config == null ? "the compiler plugin's defaults" : config.executionId();
    boolean ownCompileRan = phaseRan(scope.phase);
    StringBuilder message =
        new StringBuilder("Deadbolt: ")
            .append(project.getArtifactId())
            .append(scope == Scope.MAIN ? "" : " (tests)")
            .append(" does not compile under analyze (javac with Error Prone, configured as its ")
            .append(execution)
            .append(")")
            .append(
                ownCompileRan
                    ? "; its own `mvn " + scope.phase + "` succeeded in this build, so this is analyze's"
                        + " problem: please report it with these errors"
                    : "; its own `mvn " + scope.phase + "` did not run in this build, so run `mvn "
                        + scope.phase + " ...:analyze` to tell whether the module compiles on its own")
            .append(". ")
            .append(errors.size())
            .append(errors.size() == 1 ? " error:" : " errors:");
    errors.stream().limit(ERRORS_SHOWN).forEach(e -> message.append('\n').append(e));
    if (errors.size() > ERRORS_SHOWN) {
      message.append("\n... and ").append(errors.size() - ERRORS_SHOWN).append(" more");
    }
    return message.toString();
  }

  /**
   * Whether this build ran {@code phase} of the module before analyze: a phase at or after it was
   * asked for ahead of analyze on the command line (all of them count when analyze is bound in the pom).
   */
  private boolean phaseRan(String phase) {
    Lifecycle owner = lifecycles.get(phase);
    if (owner == null) {
      return false;
    }
    int wanted = owner.getPhases().indexOf(phase);
    List<String> goals = session.getGoals();
    int analyze = 0;
    while (analyze < goals.size() && !goals.get(analyze).endsWith(":analyze")) {
      analyze++;
    }
    return goals.subList(0, analyze).stream().anyMatch(goal -> owner.getPhases().indexOf(goal) >= wanted);
  }

  /** The javac to run: the toolchain's when one is selected and can run Error Prone, else Maven's JDK's. */
  private record Javac(@Nullable Path executable, int feature) {}

  private Javac javac() {
    Javac own = new Javac(null, Runtime.version().feature());
    Toolchain toolchain = toolchains.getToolchainFromBuildContext("jdk", session);
    if (toolchain == null || toolchain.findTool("javac") == null) {
      return own;
    }
    Path executable = Path.of(toolchain.findTool("javac"));
    int feature = JdkRelease.feature(executable.getParent().getParent());
    if (feature < 21) {
      getLog()
          .info(
              "Deadbolt: the toolchain's JDK ("
                  + (feature > 0 ? feature : "version unknown")
                  + ") cannot run Error Prone, which needs 21 or newer: compiling with Maven's JDK "
                  + own.feature()
                  + " at the module's source and target levels");
      return own;
    }
    return new Javac(executable, feature);
  }

  private String errorProne(CheckCatalog catalog, List<String> extraArgs, Path reports) {
    StringBuilder errorProne = new StringBuilder("-Xplugin:ErrorProne -XepDisableAllChecks");
    for (String check : catalog.onByDefault()) {
      errorProne.append(" -Xep:").append(check).append(":WARN");
    }
    errorProne.append(" -XepOpt:Deadbolt:ReportDir=").append(reports);
    extraArgs.forEach(arg -> errorProne.append(' ').append(arg));
    return errorProne.toString();
  }

  /**
   * Error Prone, Deadbolt's checks and what they need: the jars this plugin depends on through them,
   * not the report's own libraries (Gson, ELK, plexus-java), which would only crowd the module's
   * processors. All of the plugin's jars if Maven did not record how each was reached.
   */
  private List<String> errorPronePath() {
    List<Artifact> jars =
        pluginArtifacts.stream()
            .filter(a -> a.getFile() != null && a.getFile().getName().endsWith(".jar"))
            .toList();
    List<Artifact> needed =
        jars.stream()
            .filter(a -> a.getDependencyTrail() != null
                && a.getDependencyTrail().stream()
                    .anyMatch(t -> t.startsWith("dev.deadbolt:deadbolt-checks:")
                        || t.startsWith("com.google.errorprone:error_prone_core:")))
            .toList();
    return (needed.isEmpty() ? jars : needed).stream().map(a -> a.getFile().getPath()).toList();
  }

  /**
   * The dependencies the scope compiles against, without the module's own output directories (their
   * classes may be stale; the tests compile against the analyzed main classes instead). Test
   * dependencies are resolved here, only when asked for: analyze itself resolves the compile scope,
   * which {@code mvn compile} in a reactor can always provide.
   */
  private List<String> classPath(Scope scope, Path mainClasses) throws MojoExecutionException {
    String output = project.getBuild().getOutputDirectory();
    if (scope == Scope.MAIN) {
      try {
        // Summaries across modules (#19): the upstream modules' scratch output first, for their
        // summaries.
        List<String> elements = UpstreamAnalyzeOutputs.of(session, project, analyzeOutput);
        for (String element : project.getCompileClasspathElements()) {
          if (!element.equals(output)) {
            elements.add(element);
          }
        }
        return elements;
      } catch (DependencyResolutionRequiredException e) {
        throw new MojoExecutionException("Deadbolt: the compile class path is not resolved: " + e, e);
      }
    }
    List<String> elements = new ArrayList<>();
    elements.add(mainClasses.toString());
    try {
      DefaultDependencyResolutionRequest request =
          new DefaultDependencyResolutionRequest(project, session.getRepositorySession());
      for (org.eclipse.aether.graph.Dependency dependency :
          dependencies.resolve(request).getDependencies()) {
        if (dependency.getArtifact().getFile() != null) {
          elements.add(dependency.getArtifact().getFile().getPath());
        }
      }
    } catch (DependencyResolutionException e) {
      throw new MojoExecutionException(
          "Deadbolt: cannot resolve the test dependencies of " + project.getArtifactId() + ": " + e.getMessage(), e);
    }
    return elements;
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
