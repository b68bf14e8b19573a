package dev.deadbolt.checks;

import com.google.errorprone.ErrorProneJavaCompiler;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.scanner.ScannerSupplier;
import com.sun.source.util.JavacTask;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Runs javac in-process with {@code -Xplugin:ErrorProne} and the test class path as the processor path,
 * so checks are found through {@code ServiceLoader} and flags are parsed as in a real build. For what
 * {@code CompilationTestHelper} cannot show: errors without a source position, such as bad flags.
 */
final class JavacWithPlugin {
  private JavacWithPlugin() {}

  /** Compiles one source with the given Error Prone arguments; returns every diagnostic's text. */
  static Result compile(String className, String source, String errorProneArgs) {
    File out;
    try {
      out = java.nio.file.Files.createTempDirectory("deadbolt-javac").toFile();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return compile(className, source, errorProneArgs, out);
  }

  /** As {@link #compile(String, String, String)}, writing classes to {@code out}. */
  static Result compile(String className, String source, String errorProneArgs, File out) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    String classPath = System.getProperty("java.class.path");
    List<String> options =
        List.of(
            "-XDcompilePolicy=simple",
            "--should-stop=ifError=FLOW",
            "-proc:none",
            "-d",
            out.getPath(),
            "-classpath",
            classPath,
            "-processorpath",
            classPath,
            "-Xplugin:ErrorProne -XepDisableAllChecks " + errorProneArgs);
    JavaFileObject file =
        new SimpleJavaFileObject(URI.create("string:///" + className + ".java"), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
          }
        };
    JavacTask task =
        (JavacTask) javac.getTask(Writer.nullWriter(), null, diagnostics, options, null, List.of(file));
    boolean ok = task.call();
    List<String> messages = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      messages.add(d.getKind() + ": " + d.getMessage(Locale.ROOT));
      lines.add(d.getLineNumber());
    }
    return new Result(ok, messages, lines);
  }

  /**
   * Compiles one source with Error Prone running only {@code check}, a test-only check that no service
   * file registers, plus the given {@code -Xep...} arguments (space separated).
   */
  static Result compileWith(
      Class<? extends BugChecker> check, String className, String source, String errorProneArgs) {
    File out;
    try {
      out = java.nio.file.Files.createTempDirectory("deadbolt-javac").toFile();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> options = new ArrayList<>(List.of("-proc:none", "-d", out.getPath()));
    options.addAll(List.of(errorProneArgs.trim().split("\\s+")));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    JavaCompiler javac =
        new ErrorProneJavaCompiler(ScannerSupplier.fromBugCheckerClasses(List.of(check)));
    boolean ok =
        javac
            .getTask(Writer.nullWriter(), null, diagnostics, options, null, List.of(source(className, source)))
            .call();
    List<String> messages = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      messages.add(d.getKind() + ": " + d.getMessage(Locale.ROOT));
      lines.add(d.getLineNumber());
    }
    return new Result(ok, messages, lines);
  }

  private static JavaFileObject source(String className, String source) {
    return new SimpleJavaFileObject(
        URI.create("string:///" + className + ".java"), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return source;
      }
    };
  }

  /** The compile's outcome, and its diagnostics in the order javac gave them, with their lines. */
  record Result(boolean succeeded, List<String> diagnostics, List<Long> lines) {
    Result(boolean succeeded, List<String> diagnostics) {
      this(succeeded, diagnostics, List.of());
    }
  }
}
