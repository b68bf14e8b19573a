package dev.deadbolt.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class CancellationSwallowedTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(CancellationSwallowed.class, getClass());

  @Test
  public void identification_positives() {
    helper
        .addSourceLines(
            "Report.java",
            "import java.util.concurrent.CancellationException;",
            "import java.util.concurrent.CompletableFuture;",
            "import java.util.concurrent.ExecutionException;",
            "import java.util.concurrent.Future;",
            "import java.util.logging.Logger;",
            "class Report {",
            "  private static final Logger log = Logger.getLogger(\"report\");",
            "  String total;",
            "  void publish(String s) {}",
            "  void build(Future<String> totals) throws InterruptedException, ExecutionException {",
            "    try {",
            "      total = totals.get();",
            "    // BUG: Diagnostic contains: carries on as if the cancelled work had completed",
            "    } catch (CancellationException e) {",
            "      log.info(\"totals cancelled\");",
            "    }",
            "    publish(total);",
            "  }",
            "  void join(CompletableFuture<String> totals) {",
            "    String value = null;",
            "    try {",
            "      value = totals.join();",
            "    // BUG: Diagnostic contains: CancellationSwallowed",
            "    } catch (CancellationException e) {",
            "    }",
            "    publish(value);",
            "  }",
            "  void multiCatch(Future<String> totals) throws InterruptedException {",
            "    try {",
            "      total = totals.get();",
            "    // BUG: Diagnostic contains: CancellationSwallowed",
            "    } catch (CancellationException | ExecutionException e) {",
            "      e.printStackTrace();",
            "    }",
            "    publish(total);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  public void identification_negatives() {
    helper
        .addSourceLines(
            "Report.java",
            "import java.util.List;",
            "import java.util.Optional;",
            "import java.util.concurrent.CancellationException;",
            "import java.util.concurrent.ExecutionException;",
            "import java.util.concurrent.Future;",
            "class Report {",
            "  String total;",
            "  boolean cancelled;",
            "  void publish(String s) {}",
            "  Optional<String> returnsExplicitly(Future<String> f) throws Exception {",
            "    try {",
            "      return Optional.of(f.get());",
            "    } catch (CancellationException e) {",
            "      return Optional.empty();",
            "    }",
            "  }",
            "  void rethrows(Future<String> f) throws Exception {",
            "    try {",
            "      total = f.get();",
            "    } catch (CancellationException e) {",
            "      System.err.println(\"cancelled\");",
            "      throw e;",
            "    }",
            "  }",
            "  void recordsIt(Future<String> f) throws Exception {",
            "    try {",
            "      total = f.get();",
            "    } catch (CancellationException e) {",
            "      cancelled = true;",
            "    }",
            "  }",
            "  void skipsCancelledOnes(List<Future<String>> parts) throws Exception {",
            "    for (Future<String> part : parts) {",
            "      try {",
            "        publish(part.get());",
            "      } catch (CancellationException e) {",
            "        System.err.println(\"part cancelled\");",
            "      }",
            "    }",
            "  }",
            "  void waitsForItsOwnCancel(Future<String> f) throws Exception {",
            "    f.cancel(true);",
            "    try {",
            "      f.get();",
            "    } catch (CancellationException expected) {",
            "    }",
            "  }",
            "  void broadCatchIsNotThisCheck(Future<String> f) throws Exception {",
            "    try {",
            "      total = f.get();",
            "    } catch (RuntimeException e) {",
            "      System.err.println(e);",
            "    }",
            "  }",
            "  Runnable taskStops(Future<String> f) {",
            "    return () -> {",
            "      try {",
            "        publish(f.get());",
            "      } catch (CancellationException e) {",
            "        System.err.println(\"stopping\");",
            "      } catch (InterruptedException | ExecutionException e) {",
            "        throw new IllegalStateException(e);",
            "      }",
            "    };",
            "  }",
            "  @SuppressWarnings(\"CancellationSwallowed\")",
            "  void suppressed(Future<String> f) throws Exception {",
            "    try {",
            "      total = f.get();",
            "    } catch (CancellationException e) {",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  public void getAfterCancelReturnedFalse() {
    // cancel() returned false: a CancellationException now means someone else cancelled the work
    // first, which leaves the code where its own successful cancel() would have left it.
    helper
        .addSourceLines(
            "RequestTimeout.java",
            """
            import java.util.concurrent.*;
            class RequestTimeout {
              String last;
              void close(Future<String> reply) {
                if (reply != null && !reply.cancel(true)) {
                  try {
                    last = reply.get();
                  } catch (InterruptedException | ExecutionException | CancellationException e) {
                    System.err.println("no reply: " + e);
                  }
                }
              }
              void viaLocal(CompletableFuture<String> reply) {
                boolean cancelled = reply.cancel(false);
                if (!cancelled) {
                  try {
                    last = reply.join();
                  } catch (CancellationException e) {
                  }
                }
                System.err.println(last);
              }
            }
            """)
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  public void cancelResultIgnoredOrAnotherFuture_stillReported() {
    helper
        .addSourceLines(
            "RequestTimeout.java",
            """
            import java.util.concurrent.*;
            class RequestTimeout {
              String last;
              void cancelResultIgnored(Future<String> reply) throws Exception {
                reply.cancel(true);
                try {
                  last = reply.get();
                // BUG: Diagnostic contains: so the code after it runs without the result
                } catch (CancellationException e) {
                }
                System.err.println(last);
              }
              void anotherFuture(Future<String> reply, Future<String> retry) throws Exception {
                if (!reply.cancel(true)) {
                  try {
                    last = retry.get();
                  // BUG: Diagnostic contains: CancellationSwallowed
                  } catch (CancellationException e) {
                  }
                }
                System.err.println(last);
              }
            }
            """)
        .doTest();
  }

  @Test
  public void discardedResult_saysTheWorkWasAwaited() {
    helper
        .addSourceLines(
            "Flusher.java",
            """
            import java.util.concurrent.*;
            class Flusher {
              void commit() {}
              void flushThenCommit(Future<?> flush) throws Exception {
                try {
                  flush.get();
                // BUG: Diagnostic contains: swallows CancellationException from a get() whose result is discarded, so the code after it runs as if the awaited work had finished
                } catch (CancellationException e) {
                  System.err.println("flush cancelled");
                }
                commit();
              }
              void joinThenCommit(CompletableFuture<Void> flush) {
                try {
                  flush.join();
                // BUG: Diagnostic contains: from a join() whose result is discarded
                } catch (CancellationException e) {
                }
                commit();
              }
            }
            """)
        .doTest();
  }
}
