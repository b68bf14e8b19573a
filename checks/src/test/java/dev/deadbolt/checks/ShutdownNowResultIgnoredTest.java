package dev.deadbolt.checks;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class ShutdownNowResultIgnoredTest {
  private static final String ENABLE = "-Xep:ShutdownNowResultIgnored:WARN";

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(ShutdownNowResultIgnored.class, getClass());
  private final BugCheckerRefactoringTestHelper refactoring =
      BugCheckerRefactoringTestHelper.newInstance(ShutdownNowResultIgnored.class, getClass());

  @Test
  public void identification_positives() {
    helper
        .setArgs(ENABLE)
        .addSourceLines(
            "Service.java",
            "import java.util.concurrent.ExecutorService;",
            "import java.util.concurrent.ScheduledExecutorService;",
            "import java.util.concurrent.ThreadPoolExecutor;",
            "import java.util.concurrent.TimeUnit;",
            "class Service {",
            "  ExecutorService workers;",
            "  ScheduledExecutorService timers;",
            "  ThreadPoolExecutor pool;",
            "  void stop() throws InterruptedException {",
            "    workers.shutdown();",
            "    if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {",
            "      // BUG: Diagnostic contains: the Futures of submitted ones never complete",
            "      workers.shutdownNow();",
            "    }",
            "    // BUG: Diagnostic contains: ShutdownNowResultIgnored",
            "    timers.shutdownNow();",
            "    // BUG: Diagnostic contains: ShutdownNowResultIgnored",
            "    pool.shutdownNow();",
            "  }",
            "  Runnable stopper() {",
            "    // BUG: Diagnostic contains: ShutdownNowResultIgnored",
            "    return () -> workers.shutdownNow();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  public void identification_negatives() {
    helper
        .setArgs(ENABLE)
        .addSourceLines(
            "Service.java",
            "import java.util.List;",
            "import java.util.concurrent.ExecutorService;",
            "import java.util.concurrent.ForkJoinPool;",
            "import java.util.concurrent.Future;",
            "class Service {",
            "  ExecutorService workers;",
            "  ForkJoinPool forkJoin;",
            "  List<Runnable> stopReturningTasks() {",
            "    return workers.shutdownNow();",
            "  }",
            "  void stopAndCancel() {",
            "    for (Runnable task : workers.shutdownNow()) {",
            "      if (task instanceof Future) ((Future<?>) task).cancel(false);",
            "    }",
            "  }",
            "  void stopAndCount() {",
            "    int dropped = workers.shutdownNow().size();",
            "    System.err.println(dropped + \" tasks never ran\");",
            "  }",
            "  void forkJoinReturnsNothing() {",
            "    forkJoin.shutdownNow();",
            "  }",
            "  @SuppressWarnings(\"ShutdownNowResultIgnored\")",
            "  void suppressed() {",
            "    workers.shutdownNow();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  public void offByDefault() {
    helper
        .addSourceLines(
            "Service.java",
            "import java.util.concurrent.ExecutorService;",
            "class Service {",
            "  ExecutorService workers;",
            "  void stop() {",
            "    workers.shutdownNow();",
            "  }",
            "}")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  public void enabledByAllDisabledChecksAsWarnings() {
    helper
        .setArgs("-XepAllDisabledChecksAsWarnings")
        .addSourceLines(
            "Service.java",
            "import java.util.concurrent.ExecutorService;",
            "class Service {",
            "  ExecutorService workers;",
            "  void stop() {",
            "    // BUG: Diagnostic contains: ShutdownNowResultIgnored",
            "    workers.shutdownNow();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  public void replacement_cancelsTheFuturesThatNeverRan() {
    refactoring
        .setArgs(ENABLE)
        .addInputLines(
            "Service.java",
            "import java.util.concurrent.ExecutorService;",
            "class Service {",
            "  ExecutorService workers;",
            "  void stop(Runnable neverRan) {",
            "    workers.shutdownNow();",
            "  }",
            "}")
        .addOutputLines(
            "Service.java",
            "import java.util.concurrent.ExecutorService;",
            "import java.util.concurrent.Future;",
            "class Service {",
            "  ExecutorService workers;",
            "  void stop(Runnable neverRan) {",
            "    for (Runnable neverRan2 : workers.shutdownNow()) {",
            "      if (neverRan2 instanceof Future) {",
            "        ((Future<?>) neverRan2).cancel(false);",
            "      }",
            "    }",
            "  }",
            "}")
        .doTest();
  }
}
