package dev.deadbolt.maven;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class CompileErrorsTest {
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
}
