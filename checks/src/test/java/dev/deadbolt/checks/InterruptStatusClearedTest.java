package dev.deadbolt.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class InterruptStatusClearedTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(InterruptStatusCleared.class, getClass());

  @Test
  public void identification_positives() {
    helper
        .addSourceLines(
            "Poller.java",
            "import java.io.IOException;",
            "import java.util.concurrent.Executor;",
            "class Poller {",
            "  Executor executor;",
            "  void io() throws IOException {}",
            "  void beforeEachRound() {",
            "    // BUG: Diagnostic contains: clears the interrupt status and its result is ignored",
            "    Thread.interrupted();",
            "  }",
            "  void inAnUnrelatedCatch() {",
            "    try {",
            "      io();",
            "    } catch (IOException e) {",
            "      // BUG: Diagnostic contains: InterruptStatusCleared",
            "      Thread.interrupted();",
            "    }",
            "  }",
            "  void inFinally() {",
            "    try {",
            "      io();",
            "    } catch (IOException e) {",
            "      throw new RuntimeException(e);",
            "    } finally {",
            "      // BUG: Diagnostic contains: InterruptStatusCleared",
            "      Thread.interrupted();",
            "    }",
            "  }",
            "  void inALambda() {",
            "    // BUG: Diagnostic contains: InterruptStatusCleared",
            "    executor.execute(() -> Thread.interrupted());",
            "  }",
            "}")
        .doTest();
  }

  @Test
  public void identification_negatives() {
    helper
        .addSourceLines(
            "Checks.java",
            "import java.util.concurrent.BlockingQueue;",
            "class Checks {",
            "  BlockingQueue<String> queue;",
            "  void resultDecides() throws InterruptedException {",
            "    if (Thread.interrupted()) {",
            "      throw new InterruptedException();",
            "    }",
            "  }",
            "  boolean resultReturned() {",
            "    return Thread.interrupted();",
            "  }",
            "  void resultStored() {",
            "    boolean wasInterrupted = Thread.interrupted();",
            "    System.out.println(wasInterrupted);",
            "  }",
            "  void isInterruptedDoesNotClear() {",
            "    Thread.currentThread().isInterrupted();",
            "  }",
            "  void inInterruptHandlerIsInterruptNotRestoredsJob() {",
            "    try {",
            "      queue.take();",
            "    } catch (InterruptedException e) {",
            "      Thread.interrupted();",
            "    }",
            "  }",
            "  void inBroadHandlerAroundInterruptibleCode() {",
            "    try {",
            "      queue.put(\"x\");",
            "    } catch (Exception e) {",
            "      Thread.interrupted();",
            "    }",
            "  }",
            "  @SuppressWarnings(\"InterruptStatusCleared\")",
            "  void poolClearsBetweenTasks() {",
            "    Thread.interrupted();",
            "  }",
            "}")
        .addSourceLines(
            "CancellationTest.java",
            "import org.junit.After;",
            "import org.junit.Test;",
            "public class CancellationTest {",
            "  @After",
            "  public void clearInterruptLeftByTheTest() {",
            "    Thread.interrupted();",
            "  }",
            "  private void reset() {",
            "    Thread.interrupted();",
            "  }",
            "  @Test",
            "  public void cancels() {",
            "    Thread.currentThread().interrupt();",
            "    reset();",
            "  }",
            "}")
        .doTest();
  }
}
