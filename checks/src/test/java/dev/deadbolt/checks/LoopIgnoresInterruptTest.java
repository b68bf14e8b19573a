package dev.deadbolt.checks;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class LoopIgnoresInterruptTest {
  private static final String ENABLE = "-Xep:LoopIgnoresInterrupt:WARN";

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(LoopIgnoresInterrupt.class, getClass());
  private final BugCheckerRefactoringTestHelper refactoring =
      BugCheckerRefactoringTestHelper.newInstance(LoopIgnoresInterrupt.class, getClass());

  @Test
  public void identification_positives() {
    helper
        .setArgs(ENABLE)
        .addSourceLines(
            "Dispatcher.java",
            "import java.util.Queue;",
            "import java.util.concurrent.ConcurrentLinkedQueue;",
            "import java.util.concurrent.locks.LockSupport;",
            "class Dispatcher implements Runnable {",
            "  final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();",
            "  @Override",
            "  public void run() {",
            "    // BUG: Diagnostic contains: never checks Thread.currentThread().isInterrupted()",
            "    while (true) {",
            "      Runnable next = pending.poll();",
            "      if (next == null) {",
            "        LockSupport.parkNanos(1_000_000);",
            "        continue;",
            "      }",
            "      next.run();",
            "    }",
            "  }",
            "}")
        .addSourceLines(
            "Mailbox.java",
            "import java.util.concurrent.BlockingQueue;",
            "import java.util.concurrent.TimeUnit;",
            "class Mailbox extends Thread {",
            "  BlockingQueue<String> inbox;",
            "  void handle(String message) {}",
            "  @Override",
            "  public void run() {",
            "    // BUG: Diagnostic contains: spins at full CPU instead of stopping",
            "    for (;;) {",
            "      try {",
            "        String message = inbox.poll(1, TimeUnit.SECONDS);",
            "        if (message != null) handle(message);",
            "      } catch (InterruptedException e) {",
            "        Thread.currentThread().interrupt();",
            "      }",
            "    }",
            "  }",
            "}")
        .addSourceLines(
            "Acceptor.java",
            "import java.io.IOException;",
            "import java.nio.channels.Selector;",
            "import java.util.concurrent.Callable;",
            "import java.util.concurrent.ExecutorService;",
            "class Acceptor {",
            "  ExecutorService executor;",
            "  Selector selector;",
            "  void start() {",
            "    executor.execute(",
            "        () -> {",
            "          // BUG: Diagnostic contains: LoopIgnoresInterrupt",
            "          while (true) {",
            "            try {",
            "              selector.select(1_000);",
            "            } catch (IOException e) {",
            "              System.err.println(e);",
            "            }",
            "          }",
            "        });",
            "  }",
            "  Callable<Void> poller() {",
            "    return () -> {",
            "      // BUG: Diagnostic contains: LoopIgnoresInterrupt",
            "      do {",
            "        selector.selectNow();",
            "      } while (true);",
            "    };",
            "  }",
            "}")
        .doTest();
  }

  @Test
  public void identification_negatives() {
    helper
        .setArgs(ENABLE)
        .addSourceLines(
            "Workers.java",
            "import java.util.Queue;",
            "import java.util.concurrent.BlockingQueue;",
            "import java.util.concurrent.TimeUnit;",
            "class Workers {",
            "  volatile boolean running = true;",
            "  BlockingQueue<Runnable> tasks;",
            "  Queue<Runnable> polled;",
            "  static final Runnable POISON = () -> {};",
            "  void checkCancelled() {}",
            "  Runnable checksInCondition() {",
            "    return () -> {",
            "      while (!Thread.currentThread().isInterrupted()) {",
            "        Runnable next = polled.poll();",
            "        if (next != null) next.run();",
            "      }",
            "    };",
            "  }",
            "  Runnable stopFlag() {",
            "    return () -> {",
            "      while (running) {",
            "        Runnable next = polled.poll();",
            "        if (next != null) next.run();",
            "      }",
            "    };",
            "  }",
            "  Runnable interruptEscapesTheLoop() {",
            "    return () -> {",
            "      try {",
            "        while (true) {",
            "          tasks.take().run();",
            "        }",
            "      } catch (InterruptedException e) {",
            "        Thread.currentThread().interrupt();",
            "      }",
            "    };",
            "  }",
            "  Runnable checksAndReturns() {",
            "    return () -> {",
            "      while (true) {",
            "        if (Thread.currentThread().isInterrupted()) return;",
            "        Runnable next = polled.poll();",
            "        if (next != null) next.run();",
            "      }",
            "    };",
            "  }",
            "  Runnable poisonPill() {",
            "    return () -> {",
            "      while (true) {",
            "        try {",
            "          Runnable next = tasks.poll(1, TimeUnit.SECONDS);",
            "          if (next == POISON) break;",
            "          if (next != null) next.run();",
            "        } catch (InterruptedException e) {",
            "          Thread.currentThread().interrupt();",
            "          break;",
            "        }",
            "      }",
            "    };",
            "  }",
            "  Runnable swallowedInsideIsInterruptNotRestoredsFinding() {",
            "    return () -> {",
            "      while (true) {",
            "        try {",
            "          tasks.take().run();",
            "        } catch (InterruptedException e) {",
            "          System.err.println(\"ignored\");",
            "        }",
            "      }",
            "    };",
            "  }",
            "  Runnable cancellationHook() {",
            "    return () -> {",
            "      while (true) {",
            "        checkCancelled();",
            "        Runnable next = polled.poll();",
            "        if (next != null) next.run();",
            "      }",
            "    };",
            "  }",
            "  Runnable neverWaits() {",
            "    return () -> {",
            "      long spins = 0;",
            "      while (true) {",
            "        spins++;",
            "      }",
            "    };",
            "  }",
            "  void notATask() {",
            "    while (true) {",
            "      Runnable next = polled.poll();",
            "      if (next != null) next.run();",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  public void offByDefault() {
    helper
        .addSourceLines(
            "Dispatcher.java",
            "import java.util.Queue;",
            "class Dispatcher implements Runnable {",
            "  Queue<Runnable> pending;",
            "  @Override",
            "  public void run() {",
            "    while (true) {",
            "      Runnable next = pending.poll();",
            "      if (next != null) next.run();",
            "    }",
            "  }",
            "}")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  public void replacement_whileTrue() {
    refactoring
        .setArgs(ENABLE)
        .addInputLines(
            "Dispatcher.java",
            "import java.util.Queue;",
            "class Dispatcher implements Runnable {",
            "  Queue<Runnable> pending;",
            "  @Override",
            "  public void run() {",
            "    while (true) {",
            "      Runnable next = pending.poll();",
            "      if (next != null) next.run();",
            "    }",
            "  }",
            "}")
        .addOutputLines(
            "Dispatcher.java",
            "import java.util.Queue;",
            "class Dispatcher implements Runnable {",
            "  Queue<Runnable> pending;",
            "  @Override",
            "  public void run() {",
            "    while (!Thread.currentThread().isInterrupted()) {",
            "      Runnable next = pending.poll();",
            "      if (next != null) next.run();",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  public void replacement_forEver() {
    refactoring
        .setArgs(ENABLE)
        .addInputLines(
            "Mailbox.java",
            "import java.util.concurrent.BlockingQueue;",
            "import java.util.concurrent.TimeUnit;",
            "class Mailbox extends Thread {",
            "  BlockingQueue<String> inbox;",
            "  @Override",
            "  public void run() {",
            "    for (;;) {",
            "      try {",
            "        inbox.poll(1, TimeUnit.SECONDS);",
            "      } catch (InterruptedException e) {",
            "        Thread.currentThread().interrupt();",
            "      }",
            "    }",
            "  }",
            "}")
        .addOutputLines(
            "Mailbox.java",
            "import java.util.concurrent.BlockingQueue;",
            "import java.util.concurrent.TimeUnit;",
            "class Mailbox extends Thread {",
            "  BlockingQueue<String> inbox;",
            "  @Override",
            "  public void run() {",
            "    while (!Thread.currentThread().isInterrupted()) {",
            "      try {",
            "        inbox.poll(1, TimeUnit.SECONDS);",
            "      } catch (InterruptedException e) {",
            "        Thread.currentThread().interrupt();",
            "      }",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  public void replacement_noFixWhereTheTaskMustReturnAValue() {
    refactoring
        .setArgs(ENABLE)
        .addInputLines(
            "Poller.java",
            "import java.nio.channels.Selector;",
            "import java.util.concurrent.Callable;",
            "class Poller implements Callable<Void> {",
            "  Selector selector;",
            "  @Override",
            "  public Void call() throws Exception {",
            "    while (true) {",
            "      selector.selectNow();",
            "    }",
            "  }",
            "}")
        .expectUnchanged()
        .doTest();
  }
}
