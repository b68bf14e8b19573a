package dev.deadbolt.maven;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.jspecify.annotations.Nullable;

/**
 * Runs javac with Error Prone for {@code analyze}: in-process when this JVM lets Error Prone reach
 * javac's internals (Maven started with the {@code --add-exports}/{@code --add-opens} of {@code
 * .mvn/jvm.config}) and no toolchain's javac is asked for, else in a forked javac (this JDK's or the
 * toolchain's) started with those flags as {@code -J} options. Either way only compile errors come
 * back, worded as javac prints them ({@link CompileErrors}): Deadbolt's findings go to the report
 * directory.
 */
final class ScratchCompiler {
  static final List<String> EXPORTED =
      List.of("api", "file", "main", "model", "parser", "processing", "tree", "util");
  static final List<String> OPENED = List.of("code", "comp");

  /** How the compile went: javac's errors other than Error Prone findings. */
  record Outcome(List<String> errors) {}

  private ScratchCompiler() {}

  /** Whether Error Prone can run inside this JVM. */
  static boolean canRunInProcess() {
    Module compiler = ModuleLayer.boot().findModule("jdk.compiler").orElse(null);
    if (compiler == null) {
      return false;
    }
    Module unnamed = ScratchCompiler.class.getClassLoader().getUnnamedModule();
    return EXPORTED.stream().allMatch(p -> compiler.isExported("com.sun.tools.javac." + p, unnamed))
        && OPENED.stream().allMatch(p -> compiler.isOpen("com.sun.tools.javac." + p, unnamed));
  }

  /**
   * Compiles in-process when this JVM allows it and no other JDK's javac is asked for ({@code javac}
   * null), else with {@code javac} or this JDK's.
   */
  static Outcome compile(List<String> options, List<Path> sources, Path workDir, @Nullable Path javac)
      throws IOException {
    return javac == null && canRunInProcess()
        ? new Outcome(inProcess(options, sources))
        : new Outcome(
            forked(
                options,
                sources,
                workDir,
                javac != null ? javac : Path.of(System.getProperty("java.home"), "bin", "javac")));
  }

  private static List<String> inProcess(List<String> options, List<Path> sources) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      javac
          .getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources))
          .call();
    }
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      String error = CompileErrors.format(d);
      if (error != null) {
        errors.add(error);
      }
    }
    return errors;
  }

  private static List<String> forked(
      List<String> options, List<Path> sources, Path workDir, Path javac) throws IOException {
    Files.createDirectories(workDir);
    Path argFile = workDir.resolve("javac.args");
    List<String> args = new ArrayList<>(options);
    sources.forEach(s -> args.add(s.toString()));
    Files.write(argFile, args.stream().map(ScratchCompiler::quote).toList(), StandardCharsets.UTF_8);
    List<String> command = new ArrayList<>();
    command.add(javac.toString());
    EXPORTED.forEach(p -> command.add("-J--add-exports=jdk.compiler/com.sun.tools.javac." + p + "=ALL-UNNAMED"));
    OPENED.forEach(p -> command.add("-J--add-opens=jdk.compiler/com.sun.tools.javac." + p + "=ALL-UNNAMED"));
    command.add("@" + argFile);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output;
    try (InputStream in = process.getInputStream()) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      in.transferTo(bytes);
      output = bytes.toString(StandardCharsets.UTF_8);
    }
    int exit;
    try {
      exit = process.waitFor();
    } catch (InterruptedException e) {
      process.destroy();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while javac ran", e);
    }
    List<String> errors = CompileErrors.fromOutput(output);
    // Exit 1 is compile errors (Error Prone findings set to ERROR among them); anything else a crash.
    if (exit != 0 && exit != 1 && errors.isEmpty()) {
      errors.add(javac + " exited with " + exit + ":\n" + output);
    }
    return errors;
  }

  /** An argument as javac's {@code @file} reads it. */
  private static String quote(String arg) {
    return "\"" + arg.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
