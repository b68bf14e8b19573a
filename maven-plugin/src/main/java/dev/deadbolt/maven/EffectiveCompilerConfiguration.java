package dev.deadbolt.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.lifecycle.LifecycleExecutor;
import org.apache.maven.lifecycle.MavenExecutionPlan;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluationException;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.jspecify.annotations.Nullable;

/**
 * Reads the configuration maven-compiler-plugin's {@code default-compile} (or {@code
 * default-testCompile}) execution runs with, as Maven configures the mojo: the pom's plugin and
 * execution configuration merged with the mojo's defaults ({@code ${maven.compiler.source}} and the
 * like), every expression evaluated the way Maven evaluates it for that execution.
 *
 * <p>Why read the configuration rather than run the compiler mojo with Error Prone added: the mojo
 * would repoint the project's artifact at its output directory and rewrite its incremental state
 * under {@code target/maven-status}, which analyze must leave alone; adding Error Prone to a module
 * without {@code <annotationProcessorPaths>} would hide the processors javac finds on its class path
 * (Lombok as a provided dependency); its errors come in the plugin's log format; and which Error
 * Prone flags work would depend on each module's plugin version. Why not re-derive it from the pom:
 * properties, profiles, pluginManagement, per-execution configuration and the plugin's own defaults
 * all feed it, and Maven's execution plan already merges them exactly as the real compile sees them.
 */
final class EffectiveCompilerConfiguration {
  static final String COMPILER_PLUGIN = "org.apache.maven.plugins:maven-compiler-plugin";

  /** A {@code <path>} of {@code <annotationProcessorPaths>}; version null to take it from dependencyManagement. */
  record ProcessorCoordinate(
      String groupId,
      String artifactId,
      @Nullable String version,
      @Nullable String classifier,
      String type,
      List<String> exclusions) {}

  /**
   * What the execution runs with: the settings javac sees, the processor path still to resolve, and
   * where it writes generated sources (the module's own, which analyze regenerates elsewhere).
   */
  record Read(
      CompilerSettings settings,
      List<ProcessorCoordinate> processorPath,
      @Nullable String generatedSourcesDirectory,
      String executionId) {}

  private final MojoExecution execution;
  private final Xpp3Dom configuration;
  private final PluginParameterExpressionEvaluator evaluator;

  private EffectiveCompilerConfiguration(MojoExecution execution, MavenSession session) {
    this.execution = execution;
    this.configuration =
        execution.getConfiguration() == null ? new Xpp3Dom("configuration") : execution.getConfiguration();
    this.evaluator = new PluginParameterExpressionEvaluator(session, execution);
  }

  /**
   * The configuration of the compiler plugin's {@code executionId} ({@code default-compile} or {@code
   * default-testCompile}) in the session's current project, or null when its lifecycle up to {@code
   * phase} has no such execution (a pom module).
   */
  static @Nullable Read read(
      LifecycleExecutor lifecycle, MavenSession session, String phase, String goal, String executionId)
      throws MojoExecutionException {
    MavenExecutionPlan plan;
    try {
      plan = lifecycle.calculateExecutionPlan(session, true, phase);
    } catch (Exception e) {
      throw new MojoExecutionException(
          "Deadbolt: cannot work out how " + session.getCurrentProject().getArtifactId()
              + " compiles (its lifecycle up to " + phase + "): " + e.getMessage(), e);
    }
    MojoExecution found = null;
    for (MojoExecution candidate : plan.getMojoExecutions()) {
      boolean compiler = COMPILER_PLUGIN.equals(
          candidate.getGroupId() + ":" + candidate.getArtifactId());
      if (compiler && goal.equals(candidate.getGoal())
          && (found == null || executionId.equals(candidate.getExecutionId()))) {
        found = candidate;
      }
    }
    if (found == null) {
      return null;
    }
    return new EffectiveCompilerConfiguration(found, session).read();
  }

  private Read read() throws MojoExecutionException {
    List<String> compilerArgs = new ArrayList<>(list("compilerArgs"));
    String compilerArgument = string("compilerArgument");
    if (compilerArgument != null && !compilerArgument.isBlank()) {
      compilerArgs.addAll(List.of(compilerArgument.trim().split("\\s+")));
    }
    Xpp3Dom map = configuration.getChild("compilerArguments");
    if (map != null) {
      for (Xpp3Dom entry : map.getChildren()) {
        String key = entry.getName().startsWith("-") ? entry.getName() : "-" + entry.getName();
        compilerArgs.add(key);
        String value = evaluate(entry.getValue());
        if (value != null && !value.isBlank()) {
          compilerArgs.add(value);
        }
      }
    }
    Xpp3Dom paths = configuration.getChild("annotationProcessorPaths");
    List<ProcessorCoordinate> processorPath = new ArrayList<>();
    if (paths != null) {
      for (Xpp3Dom path : paths.getChildren()) {
        processorPath.add(coordinate(path));
      }
    }
    boolean test = execution.getGoal().equals("testCompile");
    CompilerSettings settings =
        new CompilerSettings(
            level(test, "release"),
            level(test, "source"),
            level(test, "target"),
            string("encoding"),
            compilerArgs,
            bool("parameters", false),
            bool("enablePreview", false),
            bool("debug", true),
            string("debuglevel"),
            string("proc"),
            list("annotationProcessors"),
            paths != null,
            list(test ? "testExcludes" : "excludes"));
    return new Read(
        settings,
        processorPath,
        string(test ? "generatedTestSourcesDirectory" : "generatedSourcesDirectory"),
        execution.getExecutionId());
  }

  /** testCompile's {@code testRelease} and the like win over the main ones when set. */
  private @Nullable String level(boolean test, String name) throws MojoExecutionException {
    String testLevel = test ? string("test" + Character.toUpperCase(name.charAt(0)) + name.substring(1)) : null;
    return testLevel != null ? testLevel : string(name);
  }

  private ProcessorCoordinate coordinate(Xpp3Dom path) throws MojoExecutionException {
    String groupId = childValue(path, "groupId");
    String artifactId = childValue(path, "artifactId");
    if (groupId == null || artifactId == null) {
      throw new MojoExecutionException(
          "Deadbolt: an <annotationProcessorPaths> entry of the compiler plugin has no groupId or artifactId");
    }
    String type = childValue(path, "type");
    List<String> exclusions = new ArrayList<>();
    Xpp3Dom excluded = path.getChild("exclusions");
    if (excluded != null) {
      for (Xpp3Dom exclusion : excluded.getChildren()) {
        exclusions.add(childValue(exclusion, "groupId") + ":" + childValue(exclusion, "artifactId"));
      }
    }
    return new ProcessorCoordinate(
        groupId,
        artifactId,
        childValue(path, "version"),
        childValue(path, "classifier"),
        type == null ? "jar" : type,
        exclusions);
  }

  private @Nullable String childValue(Xpp3Dom parent, String name) throws MojoExecutionException {
    Xpp3Dom child = parent.getChild(name);
    return child == null ? null : evaluate(child.getValue());
  }

  /** A parameter as Maven sets it: the configured value, else the mojo's default value. */
  private @Nullable String string(String name) throws MojoExecutionException {
    Xpp3Dom child = configuration.getChild(name);
    if (child == null) {
      return null;
    }
    String value = evaluate(child.getValue());
    if (value == null) {
      value = evaluate(child.getAttribute("default-value"));
    }
    return value == null || value.isBlank() ? null : value.trim();
  }

  private boolean bool(String name, boolean otherwise) throws MojoExecutionException {
    String value = string(name);
    return value == null ? otherwise : Boolean.parseBoolean(value);
  }

  private List<String> list(String name) throws MojoExecutionException {
    List<String> values = new ArrayList<>();
    Xpp3Dom parent = configuration.getChild(name);
    if (parent != null && parent.getChildCount() == 0) {
      // Text instead of children, as HikariCP's <compilerArgs>-Xlint</compilerArgs>: one element.
      String value = evaluate(parent.getValue());
      if (value != null && !value.isBlank()) {
        values.add(value.trim());
      }
    } else if (parent != null) {
      for (Xpp3Dom child : parent.getChildren()) {
        String value = evaluate(child.getValue());
        if (value != null && !value.isBlank()) {
          values.add(value.trim());
        }
      }
    }
    return values;
  }

  private @Nullable String evaluate(@Nullable String expression) throws MojoExecutionException {
    if (expression == null) {
      return null;
    }
    try {
      Object value = evaluator.evaluate(expression);
      return value == null ? null : value.toString();
    } catch (ExpressionEvaluationException e) {
      throw new MojoExecutionException(
          "Deadbolt: cannot evaluate " + expression + " in the compiler plugin's "
              + execution.getExecutionId() + " configuration: " + e.getMessage(), e);
    }
  }
}
