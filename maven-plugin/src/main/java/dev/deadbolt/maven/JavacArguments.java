package dev.deadbolt.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The javac options of {@code analyze}: the module's own compiler settings, as maven-compiler-plugin
 * would pass them, with Error Prone and Deadbolt added on the processor path and the output sent to a
 * scratch directory. Pure: every input is a value, so the assembly is tested without Maven or javac.
 */
final class JavacArguments {
  /**
   * The oldest {@code -source}/{@code --release} javac 21 to 25 accept ("Source option 7 is no longer
   * supported. Use 8 or later."). Error Prone needs javac 21+, so an older level cannot be compiled
   * as written; it is raised to this, which reads the same code for everything but the removed
   * language features of 7 (none Deadbolt looks at).
   */
  static final int OLDEST_SOURCE = 8;

  /** javac 23 stopped running the class path's annotation processors unless processing is asked for. */
  static final int NO_IMPLICIT_PROCESSING_FROM = 23;

  /** Where the module's sources and dependencies are, and where the scratch compile writes. */
  record Layout(
      String outputDirectory,
      String generatedSourcesDirectory,
      List<String> classPath,
      List<String> modulePath,
      List<String> processorPath,
      List<String> errorPronePath,
      int javacFeature) {}

  /** The options, and each change to the module's own settings with why, for the log. */
  record Result(List<String> options, List<String> adjustments) {}

  private static final Pattern LEVEL = Pattern.compile("(?:1\\.)?(\\d+)");

  private JavacArguments() {}

  static Result assemble(CompilerSettings settings, Layout layout, String errorProne) {
    List<String> options = new ArrayList<>();
    List<String> adjustments = new ArrayList<>();
    options.add("-d");
    options.add(layout.outputDirectory());
    options.add("-s");
    options.add(layout.generatedSourcesDirectory());
    if (!layout.modulePath().isEmpty()) {
      options.add("--module-path");
      options.add(String.join(File.pathSeparator, layout.modulePath()));
    }
    // Always given: without it an in-process javac would read the class path of Maven's own JVM.
    options.add("-classpath");
    options.add(
        layout.classPath().isEmpty()
            ? layout.outputDirectory()
            : String.join(File.pathSeparator, layout.classPath()));
    levels(settings, options, adjustments);
    if (settings.encoding() != null && !settings.encoding().isBlank()) {
      options.add("-encoding");
      options.add(settings.encoding().trim());
    }
    if (settings.debug()) {
      options.add(settings.debugLevel() == null || settings.debugLevel().isBlank()
          ? "-g"
          : "-g:" + settings.debugLevel().trim());
    }
    if (settings.parameters()) {
      options.add("-parameters");
    }
    if (settings.enablePreview()) {
      options.add("--enable-preview");
    }
    processors(settings, layout, options);
    for (String arg : settings.compilerArgs()) {
      String dropped = whyDropped(arg);
      if (dropped == null) {
        options.add(arg);
      } else {
        String shown = arg.length() > 60 ? arg.substring(0, 60) + "..." : arg;
        adjustments.add("left out the module's compiler argument " + shown + ": " + dropped);
      }
    }
    // Error Prone's own requirements come last, so that nothing of the module's overrides them.
    options.add("-XDcompilePolicy=simple");
    options.add("--should-stop=ifError=FLOW");
    options.add(errorProne);
    return new Result(options, adjustments);
  }

  /**
   * {@code --release} when the module sets it, else {@code -source}/{@code -target}, as the compiler
   * plugin passes them: {@code -source 8} on a newer javac still sees the whole running JDK (the
   * {@code jdk.*} modules among it), which {@code --release 8} would hide.
   */
  private static void levels(CompilerSettings settings, List<String> options, List<String> adjustments) {
    String release = level(settings.release(), "release", adjustments);
    if (release != null) {
      options.add("--release");
      options.add(release);
      return;
    }
    String source = level(settings.source(), "source", adjustments);
    if (source != null) {
      options.add("-source");
      options.add(source);
    }
    String target = level(settings.target(), "target", adjustments);
    if (target != null) {
      options.add("-target");
      options.add(target);
    }
  }

  private static @Nullable String level(@Nullable String value, String name, List<String> adjustments) {
    if (value == null || value.isBlank()) {
      return null;
    }
    Matcher m = LEVEL.matcher(value.trim());
    if (!m.matches()) {
      return value.trim();
    }
    int level = Integer.parseInt(m.group(1));
    if (level < OLDEST_SOURCE) {
      adjustments.add(
          name + " " + value.trim() + " raised to " + OLDEST_SOURCE + ": the javac that runs Error Prone"
              + " (21 or newer) accepts nothing older");
      return String.valueOf(OLDEST_SOURCE);
    }
    return String.valueOf(level);
  }

  /**
   * One processor path for the module's processors and Error Prone, which javac loads as a plugin
   * from that path. Without {@code <annotationProcessorPaths>} the module's processors come from its
   * class path, and only when its javac would run them: javac 23+ does so only when processing is
   * asked for, so a processor path given for Error Prone alone must not turn processing on.
   */
  private static void processors(CompilerSettings settings, Layout layout, List<String> options) {
    List<String> path = new ArrayList<>();
    boolean processing;
    if (settings.processorPathConfigured()) {
      path.addAll(layout.processorPath());
      processing = !"none".equals(settings.proc());
    } else {
      processing = "full".equals(settings.proc())
          || "only".equals(settings.proc())
          || !settings.annotationProcessors().isEmpty()
          || (layout.javacFeature() < NO_IMPLICIT_PROCESSING_FROM && !"none".equals(settings.proc()));
      if (processing) {
        path.addAll(layout.modulePath());
        path.addAll(layout.classPath());
      }
    }
    path.addAll(layout.errorPronePath());
    options.add("-processorpath");
    options.add(String.join(File.pathSeparator, path));
    if (!processing) {
      options.add("-proc:none");
    } else if (settings.proc() != null && !settings.proc().isBlank()) {
      options.add("-proc:" + settings.proc().trim());
    }
    if (!settings.annotationProcessors().isEmpty()) {
      options.add("-processor");
      options.add(String.join(",", settings.annotationProcessors()));
    }
  }

  /** Why a compiler argument of the module is not passed on, or null when it is. */
  private static @Nullable String whyDropped(String arg) {
    if (arg.equals("-Werror") || arg.startsWith("-Werror:")) {
      return "Deadbolt's findings are warnings, which it would turn into errors";
    }
    if (arg.startsWith("-Xplugin:ErrorProne")) {
      return "analyze runs Error Prone with Deadbolt's checks itself";
    }
    if (arg.startsWith("-XDcompilePolicy=") || arg.startsWith("--should-stop=")) {
      return "Error Prone needs its own value";
    }
    if (arg.startsWith("-J")) {
      return "a javac launcher option; analyze runs javac itself";
    }
    return null;
  }
}
