package dev.deadbolt.maven;

import static com.google.common.truth.Truth.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.Rule;
import org.junit.rules.TemporaryFolder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class CompileErrorsTest {
  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  @Test
  public void anInProcessErrorReadsExactlyAsTheJavacCommandPrintsIt() throws Exception {
    Path source = temp.getRoot().toPath().resolve("A.java");
    Files.writeString(
        source, "import org.slf4j.Logger;\nclass A {\n  Logger log;\n  Result r;\n}\n", StandardCharsets.UTF_8);
    String out = temp.newFolder().toString();
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      javac.getTask(null, files, diagnostics, List.of("-d", out, "-classpath", out), null, files.getJavaFileObjects(source)).call();
    }
    List<String> inProcess = new ArrayList<>();
    diagnostics.getDiagnostics().forEach(d -> {
      String error = CompileErrors.format(d);
      if (error != null) {
        inProcess.add(error);
      }
    });
    StringWriter printed = new StringWriter();
    ToolProvider.getSystemJavaCompiler()
        .run(null, null, new WriterOutputStream(printed), "-d", out, "-classpath", out, source.toString());
    assertThat(inProcess).hasSize(3);
    assertThat(inProcess.get(0))
        .isEqualTo(source + ":1: error: package org.slf4j does not exist\nimport org.slf4j.Logger;\n                ^");
    assertThat(inProcess).containsExactlyElementsIn(CompileErrors.fromOutput(printed.toString())).inOrder();
  }

  @Test
  public void aForkedJavacsErrorsAreKeptAsPrintedWithoutWarningsFindingsOrCounts() {
    String output =
        String.join(
            "\n",
            "warning: [options] source value 8 is obsolete and will be removed in a future release",
            "/p/src/A.java:3: error: package org.slf4j does not exist",
            "import org.slf4j.Logger;",
            "                ^",
            "/p/src/A.java:9: warning: [BlockingCallUnderLock] `lock` is held across a blocking call",
            "    synchronized (lock) {",
            "    ^",
            "/p/src/A.java:12: error: [UnboundedQueue] A LinkedBlockingQueue with no capacity",
            "    new LinkedBlockingQueue<>();",
            "/p/src/A.java:14: error: cannot find symbol",
            "    Result r;",
            "    ^",
            "  symbol:   class Result",
            "  location: class A",
            "error: invalid flag: -Xfoo",
            "3 errors",
            "1 warning");
    List<String> errors = CompileErrors.fromOutput(output);
    assertThat(errors)
        .containsExactly(
            "/p/src/A.java:3: error: package org.slf4j does not exist\nimport org.slf4j.Logger;\n                ^",
            "/p/src/A.java:14: error: cannot find symbol\n    Result r;\n    ^\n  symbol:   class Result\n  location: class A",
            "error: invalid flag: -Xfoo")
        .inOrder();
  }

  /** javac's run() prints to a stream; the test reads it as text. */
  private static final class WriterOutputStream extends OutputStream {
    private final StringWriter to;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    WriterOutputStream(StringWriter to) {
      this.to = to;
    }

    @Override
    public void write(int b) {
      bytes.write(b);
    }

    @Override
    public void flush() {
      to.write(bytes.toString(StandardCharsets.UTF_8));
      bytes.reset();
    }
  }
}
