package dev.deadbolt.checks;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.ErrorProneJavaCompiler;
import com.google.errorprone.FileManagers;
import com.google.errorprone.FileObjects;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.scanner.ScannerSupplier;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;

/**
 * Compiles one source through Error Prone with a single checker and reports the errors javac printed,
 * including those without a source position, which CompilationTestHelper cannot match.
 */
final class ErrorProneRun {
  record Result(boolean success, List<String> errors) {}

  static Result compile(
      Class<? extends BugChecker> checker, List<String> args, String path, String source) {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> options =
        ImmutableList.<String>builder()
            .add("-XDcompilePolicy=simple", "--should-stop=ifError=FLOW", "-proc:none")
            .addAll(args)
            .build();
    boolean success =
        new ErrorProneJavaCompiler(ScannerSupplier.fromBugCheckerClasses(checker))
            .getTask(
                new StringWriter(),
                FileManagers.testFileManager(),
                diagnostics,
                options,
                /* classes= */ null,
                List.of(FileObjects.forSourceLines(path, source)))
            .call();
    List<String> errors =
        diagnostics.getDiagnostics().stream()
            .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
            .map(d -> d.getMessage(Locale.ROOT))
            .toList();
    return new Result(success, errors);
  }

  private ErrorProneRun() {}
}
