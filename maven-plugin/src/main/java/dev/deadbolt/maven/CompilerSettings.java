package dev.deadbolt.maven;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A module's compiler configuration as its own build uses it: the parameters of maven-compiler-plugin's
 * {@code default-compile} (or {@code default-testCompile}) execution that change what javac sees, with
 * their expressions evaluated. Plain values, so that {@link JavacArguments} can be tested without Maven.
 *
 * @param release {@code <release>}, when set it wins over source and target, as in the compiler plugin
 * @param compilerArgs {@code <compilerArgs>}, then {@code <compilerArgument>} split at spaces, then
 *     {@code <compilerArguments>} as {@code -key value}
 * @param proc {@code <proc>}: none, only, full, or null for javac's default
 * @param annotationProcessors {@code <annotationProcessors>}: the processors named with {@code -processor}
 * @param processorPathConfigured whether {@code <annotationProcessorPaths>} is set: then javac looks for
 *     processors only there, else on the class path
 * @param debugLevel {@code -g} alone when null and debug is on
 */
record CompilerSettings(
    @Nullable String release,
    @Nullable String source,
    @Nullable String target,
    @Nullable String encoding,
    List<String> compilerArgs,
    boolean parameters,
    boolean enablePreview,
    boolean debug,
    @Nullable String debugLevel,
    @Nullable String proc,
    List<String> annotationProcessors,
    boolean processorPathConfigured,
    List<String> excludes) {

  CompilerSettings {
    compilerArgs = List.copyOf(compilerArgs);
    annotationProcessors = List.copyOf(annotationProcessors);
    excludes = List.copyOf(excludes);
  }

  /** What a module without any compiler configuration gets: the plugin's defaults. */
  static CompilerSettings defaults() {
    return new CompilerSettings(
        null, null, null, null, List.of(), false, false, true, null, null, List.of(), false, List.of());
  }
}
