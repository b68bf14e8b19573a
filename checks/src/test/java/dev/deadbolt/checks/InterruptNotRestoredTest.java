package dev.deadbolt.checks;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class InterruptNotRestoredTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(InterruptNotRestored.class, getClass());
  private final BugCheckerRefactoringTestHelper refactoring =
      BugCheckerRefactoringTestHelper.newInstance(InterruptNotRestored.class, getClass());

  @Test
  public void identification_positives() {
    helper
        .addSourceLines(
            "Consumer.java",
            "import java.util.concurrent.BlockingQueue;",
            "import java.util.concurrent.Callable;",
            "import java.util.concurrent.TimeUnit;",
            "import java.util.logging.Logger;",
            "class Consumer {",
            "  private static final Logger log = Logger.getLogger(\"consumer\");",
            "  BlockingQueue<String> queue;",
            "  boolean closing;",
            "  void swallows() {",
            "    try {",
            "      queue.take();",
            "    // BUG: Diagnostic contains: This handler swallows the interrupt",
            "    } catch (InterruptedException e) {",
            "    }",
            "  }",
            "  void logs() {",
            "    try {",
            "      Thread.sleep(100);",
            "    // BUG: Diagnostic contains: only logs the interrupt",
            "    } catch (InterruptedException e) {",
            "      log.warning(\"interrupted while backing off: \" + e);",
            "    }",
            "  }",
            "  String wrapsUnchecked() {",
            "    try {",
            "      return queue.poll(1, TimeUnit.SECONDS);",
            "    // BUG: Diagnostic contains: throws IllegalStateException on line 29",
            "    } catch (InterruptedException e) {",
            "      throw new IllegalStateException(\"interrupted\", e);",
            "    }",
            "  }",
            "  String returnsEarlyOnOnePath() {",
            "    try {",
            "      return queue.take();",
            "    // BUG: Diagnostic contains: returns on line 38",
            "    } catch (InterruptedException e) {",
            "      if (closing) {",
            "        return null;",
            "      }",
            "      Thread.currentThread().interrupt();",
            "      return null;",
            "    }",
            "  }",
            "  void broadCatch() {",
            "    try {",
            "      queue.put(\"x\");",
            "    // BUG: Diagnostic contains: This catch also receives InterruptedException and only logs",
            "    } catch (Exception e) {",
            "      log.severe(\"put failed: \" + e);",
            "    }",
            "  }",
            "  void heartbeat() {",
            "    try {",
            "      Thread.sleep(1_000);",
            "    // BUG: Diagnostic contains: calls Thread.interrupted(), which clears the interrupt status",
            "    } catch (InterruptedException e) {",
            "      Thread.interrupted();",
            "    }",
            "  }",
            "  String retries() {",
            "    while (true) {",
            "      try {",
            "        return queue.take();",
            "      // BUG: Diagnostic contains: inside a loop that goes round and blocks again",
            "      } catch (InterruptedException e) {",
            "        log.info(\"interrupted, retrying\");",
            "      }",
            "    }",
            "  }",
            "  Callable<String> callableReturnsAsIfDone() {",
            "    return () -> {",
            "      try {",
            "        return queue.take();",
            "      // BUG: Diagnostic contains: returns on line",
            "      } catch (InterruptedException e) {",
            "        return \"\";",
            "      }",
            "    };",
            "  }",
            "}")
        .addSourceLines(
            "Drainer.java",
            "import java.util.concurrent.BlockingQueue;",
            "class Drainer {",
            "  BlockingQueue<Runnable> tasks;",
            "  volatile boolean running = true;",
            "  void drainUntilStopped() {",
            "    while (running) {",
            "      try {",
            "        tasks.take().run();",
            "      // BUG: Diagnostic contains: can finish without restoring the interrupt status or rethrowing",
            "      } catch (InterruptedException e) {",
            "        running = false;",
            "      }",
            "    }",
            "    System.err.println(\"drained\");",
            "  }",
            "}")
        .addSourceLines(
            "Worker.java",
            "import java.util.concurrent.BlockingQueue;",
            "class Worker implements Runnable {",
            "  volatile boolean running = true;",
            "  BlockingQueue<Runnable> tasks;",
            "  @Override",
            "  public void run() {",
            "    while (running) {",
            "      try {",
            "        tasks.take().run();",
            "      // BUG: Diagnostic contains: inside a loop that goes round",
            "      } catch (Exception e) {",
            "        System.err.println(\"task failed: \" + e);",
            "      }",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  public void identification_negatives() {
    helper
        .addSourceLines(
            "Handled.java",
            "import java.io.IOException;",
            "import java.io.InterruptedIOException;",
            "import java.util.concurrent.BlockingQueue;",
            "import java.util.concurrent.CancellationException;",
            "class Handled {",
            "  BlockingQueue<String> queue;",
            "  static class PoolException extends Exception {",
            "    PoolException(Throwable cause) { super(cause); }",
            "  }",
            "  String restoresFirst() {",
            "    try {",
            "      return queue.take();",
            "    } catch (InterruptedException e) {",
            "      Thread.currentThread().interrupt();",
            "      return null;",
            "    }",
            "  }",
            "  String restoresThenThrowsChecked() throws PoolException {",
            "    try {",
            "      return queue.take();",
            "    } catch (InterruptedException e) {",
            "      Thread.currentThread().interrupt();",
            "      throw new PoolException(e);",
            "    }",
            "  }",
            "  void restoresInsideInstanceof() {",
            "    try {",
            "      queue.put(\"x\");",
            "    } catch (Exception e) {",
            "      if (e instanceof InterruptedException) {",
            "        Thread.currentThread().interrupt();",
            "      }",
            "      System.err.println(\"put failed: \" + e);",
            "    }",
            "  }",
            "  String rethrows() throws InterruptedException {",
            "    try {",
            "      return queue.take();",
            "    } catch (InterruptedException e) {",
            "      System.err.println(\"giving up\");",
            "      throw e;",
            "    }",
            "  }",
            "  String rethrowsFromBroadCatch() throws InterruptedException, IOException {",
            "    try {",
            "      return queue.take();",
            "    } catch (Exception e) {",
            "      System.err.println(\"giving up\");",
            "      throw e;",
            "    }",
            "  }",
            "  String signalsCancellation() {",
            "    try {",
            "      return queue.take();",
            "    } catch (InterruptedException e) {",
            "      throw new CancellationException(\"stopped while waiting\");",
            "    }",
            "  }",
            "  int readsInterruptibly() throws IOException {",
            "    try {",
            "      return queue.take().length();",
            "    } catch (InterruptedException e) {",
            "      throw new InterruptedIOException(\"interrupted\");",
            "    }",
            "  }",
            "  int broadCatchOfCodeThatCannotBeInterrupted(String s) {",
            "    try {",
            "      return Integer.parseInt(s);",
            "    } catch (Exception e) {",
            "      return -1;",
            "    }",
            "  }",
            "  void restoresInFinally() {",
            "    try {",
            "      queue.take();",
            "    } catch (InterruptedException e) {",
            "      try {",
            "        System.err.println(\"stopping\");",
            "      } finally {",
            "        Thread.currentThread().interrupt();",
            "      }",
            "    }",
            "  }",
            "  String takeUninterruptibly() {",
            "    boolean interrupted = false;",
            "    try {",
            "      while (true) {",
            "        try {",
            "          return queue.take();",
            "        } catch (InterruptedException e) {",
            "          interrupted = true;",
            "        }",
            "      }",
            "    } finally {",
            "      if (interrupted) {",
            "        Thread.currentThread().interrupt();",
            "      }",
            "    }",
            "  }",
            "  private static void restoreInterrupt(InterruptedException e) {",
            "    Thread.currentThread().interrupt();",
            "  }",
            "  void viaHelper() {",
            "    try {",
            "      queue.take();",
            "    } catch (InterruptedException e) {",
            "      restoreInterrupt(e);",
            "    }",
            "  }",
            "  @SuppressWarnings(\"InterruptNotRestored\")",
            "  void suppressed() {",
            "    try {",
            "      queue.take();",
            "    } catch (InterruptedException e) {",
            "    }",
            "  }",
            "}")
        .addSourceLines(
            "StoppingWorker.java",
            "import java.util.concurrent.BlockingQueue;",
            "import java.util.concurrent.ExecutorService;",
            "class StoppingWorker extends Thread {",
            "  BlockingQueue<Runnable> tasks;",
            "  ExecutorService executor;",
            "  @Override",
            "  public void run() {",
            "    try {",
            "      while (true) {",
            "        tasks.take().run();",
            "      }",
            "    } catch (InterruptedException e) {",
            "      System.err.println(\"worker stopping\");",
            "    }",
            "  }",
            "  Runnable stopsThroughItsFlag() {",
            "    java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();",
            "    return () -> {",
            "      while (!stopped.get()) {",
            "        try {",
            "          tasks.take().run();",
            "        } catch (InterruptedException e) {",
            "          stopped.set(true);",
            "        }",
            "      }",
            "    };",
            "  }",
            "  void submitLambda() {",
            "    executor.execute(",
            "        () -> {",
            "          while (true) {",
            "            try {",
            "              tasks.take().run();",
            "            } catch (InterruptedException e) {",
            "              return;",
            "            }",
            "          }",
            "        });",
            "  }",
            "}")
        .addSourceLines(
            "QueueTest.java",
            "import java.util.concurrent.ArrayBlockingQueue;",
            "import org.junit.Test;",
            "public class QueueTest {",
            "  @Test",
            "  public void takesInOrder() {",
            "    ArrayBlockingQueue<String> queue = new ArrayBlockingQueue<>(1);",
            "    try {",
            "      queue.put(\"a\");",
            "      queue.take();",
            "    } catch (InterruptedException e) {",
            "      throw new AssertionError(\"interrupted\", e);",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  public void rememberedInAFlagFieldOrAlreadySet() {
    // The JDK's own idioms (ExecutorService.close, CompletableFuture.waitingGet, Phaser): the interrupt
    // is remembered in a flag, a local or a field of a wait node, and restored after the loop.
    helper
        .addSourceLines(
            "Waits.java",
            """
            import java.util.concurrent.*;
            class Waits {
              static final class Node { volatile boolean interrupted; }
              void close(ExecutorService executor) {
                boolean terminated = false;
                boolean interrupted = false;
                while (!terminated) {
                  try {
                    terminated = executor.awaitTermination(1L, TimeUnit.DAYS);
                  } catch (InterruptedException e) {
                    if (!interrupted) {
                      executor.shutdownNow();
                      interrupted = true;
                    }
                  }
                }
                if (interrupted) {
                  Thread.currentThread().interrupt();
                }
              }
              Object await(BlockingQueue<Object> queue) {
                Node node = new Node();
                Object result = null;
                while (result == null) {
                  try {
                    result = queue.take();
                  } catch (InterruptedException ie) {
                    node.interrupted = true;
                  }
                }
                if (node.interrupted) {
                  Thread.currentThread().interrupt();
                }
                return result;
              }
            }
            """)
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  public void catchThatEndsTheThread_notReported() {
    // Once run() returns the thread dies (or, for a pooled task, the pool sets or clears the status
    // before the next task): a handler that leaves run()'s loop into code that does not wait again
    // has stopped the thread as asked.
    helper
        .addSourceLines(
            "ServiceThread.java",
            """
            abstract class ServiceThread extends Thread {
              void log(String message) {}
            }
            """)
        .addSourceLines(
            "EventDispatcher.java",
            """
            import java.util.List;
            import java.util.concurrent.BlockingQueue;
            class EventDispatcher extends ServiceThread {
              BlockingQueue<Runnable> events;
              List<AutoCloseable> listeners;
              @Override
              public void run() {
                while (true) {
                  try {
                    events.take().run();
                  } catch (InterruptedException e) {
                    break;
                  }
                }
                for (AutoCloseable listener : listeners) {
                  try {
                    listener.close();
                  } catch (Exception e) {
                    log("close failed: " + e);
                  }
                }
                log("dispatcher stopped");
              }
            }
            """)
        .addSourceLines(
            "BatchUploader.java",
            """
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.TimeUnit;
            class BatchUploader extends ServiceThread {
              BlockingQueue<byte[]> batches;
              ExecutorService executor;
              void upload(byte[] batch) {}
              @Override
              public void run() {
                try {
                  while (true) {
                    upload(batches.take());
                  }
                } catch (InterruptedException e) {
                  log("uploader interrupted");
                } finally {
                  log("uploader stopped");
                }
                batches.clear();
              }
              void submitPoller() {
                executor.execute(
                    () -> {
                      poll:
                      while (true) {
                        for (int i = 0; i < 3; i++) {
                          try {
                            byte[] batch = batches.poll(1, TimeUnit.SECONDS);
                            if (batch != null) upload(batch);
                          } catch (InterruptedException e) {
                            break poll;
                          }
                        }
                      }
                      log("poller stopped");
                    });
              }
            }
            """)
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  public void catchThatEndsTheThread_reportedWhenItWaitsOrLoopsAgain() {
    helper
        .addSourceLines(
            "ServiceThread.java",
            """
            abstract class ServiceThread extends Thread {
              void log(String message) {}
            }
            """)
        .addSourceLines(
            "Replicator.java",
            """
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.TimeUnit;
            class Replicator extends ServiceThread {
              BlockingQueue<String> changes;
              Thread flusher;
              void send(String change) {}
              @Override
              public void run() {
                while (true) {
                  try {
                    send(changes.take());
                  // BUG: Diagnostic contains: jumps out on line 14 without restoring
                  } catch (InterruptedException e) {
                    break;
                  }
                }
                while (!changes.isEmpty()) {
                  try {
                    send(changes.poll(1, TimeUnit.SECONDS));
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                  }
                }
              }
            }
            """)
        .addSourceLines(
            "Reconnector.java",
            """
            import java.util.concurrent.BlockingQueue;
            class Reconnector extends ServiceThread {
              BlockingQueue<String> changes;
              Thread flusher;
              void reconnect() {}
              @Override
              public void run() {
                while (true) {
                  while (true) {
                    try {
                      log(changes.take());
                    // BUG: Diagnostic contains: jumps out on line 14
                    } catch (InterruptedException e) {
                      break;
                    }
                  }
                  reconnect();
                }
              }
              void drain() {
                while (true) {
                  try {
                    log(changes.take());
                  // BUG: Diagnostic contains: jumps out on line 26
                  } catch (InterruptedException e) {
                    break;
                  }
                }
                log("drained");
              }
            }
            """)
        .addSourceLines(
            "Archiver.java",
            """
            import java.util.concurrent.BlockingQueue;
            class Archiver extends ServiceThread {
              BlockingQueue<String> changes;
              Thread flusher;
              @Override
              public void run() {
                try {
                  while (true) {
                    log(changes.take());
                  }
                // BUG: Diagnostic contains: swallows the interrupt
                } catch (InterruptedException e) {
                } finally {
                  try {
                    flusher.join();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void stopFlagClearedBeforeInterrupt_notReported() {
    // The stopping code clears the loop's flag, then interrupts only to wake the thread from its
    // wait: the loop tests the flag again and ends, so swallowing the interrupt loses nothing.
    helper
        .addSourceLines(
            "MessagePump.java",
            """
            import java.util.concurrent.BlockingQueue;
            class MessagePump implements Runnable {
              private volatile boolean running = true;
              private Thread worker;
              BlockingQueue<Runnable> inbox;
              @Override
              public void run() {
                while (running) {
                  try {
                    inbox.take().run();
                  } catch (InterruptedException e) {
                    System.err.println("pump woken");
                  }
                }
                System.err.println("pump stopped");
              }
              void stop() {
                running = false;
                if (worker != null) {
                  worker.interrupt();
                }
              }
            }
            """)
        .addSourceLines(
            "LeaseRenewer.java",
            """
            import java.util.concurrent.TimeUnit;
            class LeaseRenewer extends Thread {
              private boolean stopped;
              private boolean closed;
              void renew() {}
              @Override
              public void run() {
                while (!stopped && !closed) {
                  renew();
                  try {
                    TimeUnit.SECONDS.sleep(10);
                  } catch (InterruptedException e) {
                    continue;
                  }
                }
              }
              void shutdown() {
                stopped = true;
                interrupt();
              }
            }
            """)
        .addSourceLines(
            "Pollers.java",
            """
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.atomic.AtomicBoolean;
            class Pollers {
              volatile boolean polling = true;
              ExecutorService pool;
              Runnable startPoller(BlockingQueue<String> feed) {
                AtomicBoolean stopped = new AtomicBoolean();
                Thread poller =
                    new Thread(
                        () -> {
                          while (!stopped.get()) {
                            try {
                              System.out.println(feed.take());
                            } catch (InterruptedException e) {
                            }
                          }
                        });
                poller.start();
                return () -> {
                  stopped.set(true);
                  poller.interrupt();
                };
              }
              void submitPoller(BlockingQueue<String> feed) {
                pool.execute(
                    () -> {
                      while (polling) {
                        try {
                          System.out.println(feed.take());
                        } catch (InterruptedException e) {
                        }
                      }
                    });
              }
              void close() {
                polling = false;
                pool.shutdownNow();
              }
            }
            """)
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  public void stopFlag_reportedWhenTheStopperDoesNotClearItFirst() {
    helper
        .addSourceLines(
            "MessagePump.java",
            """
            import java.util.concurrent.BlockingQueue;
            class MessagePump implements Runnable {
              private volatile boolean running = true;
              private Thread worker;
              BlockingQueue<Runnable> inbox;
              @Override
              public void run() {
                while (running) {
                  try {
                    inbox.take().run();
                  // BUG: Diagnostic contains: swallows the interrupt inside a loop on running, and stop() interrupts before it clears running, so the loop can test the flag too early
                  } catch (InterruptedException e) {
                    System.err.println("pump woken");
                  }
                }
              }
              void stop() {
                worker.interrupt();
                running = false;
              }
            }
            """)
        .addSourceLines(
            "Relay.java",
            """
            import java.util.concurrent.BlockingQueue;
            class Relay implements Runnable {
              private volatile boolean running = true;
              private Thread worker;
              BlockingQueue<Runnable> inbox;
              @Override
              public void run() {
                while (running) {
                  try {
                    inbox.take().run();
                  // BUG: Diagnostic contains: inside a loop that goes round and blocks again, so this thread ignores every request to stop
                  } catch (InterruptedException e) {
                  }
                }
              }
              void stop() {
                worker.interrupt();
              }
              void pause() {
                running = false;
              }
            }
            """)
        .addSourceLines(
            "Drain.java",
            """
            import java.util.concurrent.BlockingQueue;
            class Drain implements Runnable {
              private volatile boolean running = true;
              private Thread worker;
              BlockingQueue<Runnable> inbox;
              @Override
              public void run() {
                while (running || !inbox.isEmpty()) {
                  try {
                    inbox.take().run();
                  // BUG: Diagnostic contains: ignores every request to stop
                  } catch (InterruptedException e) {
                  }
                }
              }
              void stop() {
                running = false;
                worker.interrupt();
              }
            }
            """)
        .doTest();
  }

  @Test
  public void getAfterCancelReturnedFalse_cannotBeInterrupted() {
    // cancel() returned false: the task is already done, so get() returns at once and cannot throw
    // InterruptedException.
    helper
        .addSourceLines(
            "RequestTimeout.java",
            """
            import java.util.concurrent.*;
            class RequestTimeout implements AutoCloseable {
              private Future<?> pending;
              private Future<String> reply;
              @Override
              public void close() {
                if (pending != null && !pending.cancel(true)) {
                  try {
                    pending.get();
                  } catch (Throwable t) {
                    // the outcome no longer matters
                  }
                }
              }
              String replyIfDone() {
                if (!reply.cancel(true)) {
                  try {
                    return reply.get();
                  } catch (InterruptedException | ExecutionException | CancellationException e) {
                    return null;
                  }
                }
                return null;
              }
              void viaLocal(Future<String> lookup) {
                boolean cancelled = lookup.cancel(false);
                if (!cancelled) {
                  try {
                    System.err.println(lookup.get(1, TimeUnit.SECONDS));
                  } catch (Exception e) {
                    System.err.println("lookup failed: " + e);
                  }
                }
              }
              void inElseBranch(Future<String> lookup) {
                if (lookup.cancel(true)) {
                  System.err.println("lookup cancelled");
                } else {
                  try {
                    lookup.get();
                  } catch (InterruptedException e) {
                  } catch (ExecutionException e) {
                    System.err.println("lookup failed: " + e);
                  }
                }
              }
              String afterEarlyReturn(Future<String> lookup) throws ExecutionException {
                if (lookup.cancel(true)) {
                  return null;
                }
                try {
                  return lookup.get();
                } catch (InterruptedException e) {
                  return null;
                }
              }
            }
            """)
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  public void getAfterCancelReturnedFalse_nearestBugsStillReported() {
    helper
        .addSourceLines(
            "RequestTimeout.java",
            """
            import java.util.concurrent.*;
            class RequestTimeout {
              BlockingQueue<String> replies;
              boolean timedOut;
              void cancelResultIgnored(Future<?> pending) {
                pending.cancel(true);
                try {
                  pending.get();
                // BUG: Diagnostic contains: This catch also receives InterruptedException and swallows
                } catch (Throwable t) {
                }
              }
              void anotherFutureWaits(Future<?> pending, Future<?> next) {
                if (!pending.cancel(true)) {
                  try {
                    next.get();
                  // BUG: Diagnostic contains: InterruptNotRestored
                  } catch (InterruptedException | ExecutionException e) {
                  }
                }
              }
              void alsoTakes(Future<?> pending) {
                if (!pending.cancel(true)) {
                  try {
                    pending.get();
                    replies.take();
                  // BUG: Diagnostic contains: InterruptNotRestored
                  } catch (InterruptedException | ExecutionException e) {
                  }
                }
              }
              void orGuard(Future<?> pending) {
                if (timedOut || !pending.cancel(true)) {
                  try {
                    pending.get();
                  // BUG: Diagnostic contains: InterruptNotRestored
                  } catch (InterruptedException | ExecutionException e) {
                  }
                }
              }
              void reassignedLocal(Future<?> pending) {
                boolean cancelled = pending.cancel(true);
                if (timedOut) {
                  cancelled = false;
                }
                if (!cancelled) {
                  try {
                    pending.get();
                  // BUG: Diagnostic contains: InterruptNotRestored
                  } catch (InterruptedException | ExecutionException e) {
                  }
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void replacement_emptyHandler() {
    refactoring
        .addInputLines(
            "Sleeper.java",
            "class Sleeper {",
            "  void pause() {",
            "    try {",
            "      Thread.sleep(10);",
            "    } catch (InterruptedException e) {}",
            "  }",
            "}")
        .addOutputLines(
            "Sleeper.java",
            "class Sleeper {",
            "  void pause() {",
            "    try {",
            "      Thread.sleep(10);",
            "    } catch (InterruptedException e) {",
            "      Thread.currentThread().interrupt();",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  public void replacement_restoreGoesFirst() {
    refactoring
        .addInputLines(
            "Fetcher.java",
            "import java.util.concurrent.BlockingQueue;",
            "class Fetcher {",
            "  BlockingQueue<String> queue;",
            "  String next() {",
            "    try {",
            "      return queue.take();",
            "    } catch (InterruptedException e) {",
            "      System.err.println(\"interrupted\");",
            "      throw new IllegalStateException(e);",
            "    }",
            "  }",
            "}")
        .addOutputLines(
            "Fetcher.java",
            "import java.util.concurrent.BlockingQueue;",
            "class Fetcher {",
            "  BlockingQueue<String> queue;",
            "  String next() {",
            "    try {",
            "      return queue.take();",
            "    } catch (InterruptedException e) {",
            "      Thread.currentThread().interrupt();",
            "      System.err.println(\"interrupted\");",
            "      throw new IllegalStateException(e);",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  public void replacement_broadCatchGetsInstanceofGuard() {
    refactoring
        .addInputLines(
            "Publisher.java",
            "import java.util.concurrent.BlockingQueue;",
            "class Publisher {",
            "  BlockingQueue<String> queue;",
            "  void publish(String s) {",
            "    try {",
            "      queue.put(s);",
            "    } catch (Exception failure) {",
            "      System.err.println(failure);",
            "    }",
            "  }",
            "}")
        .addOutputLines(
            "Publisher.java",
            "import java.util.concurrent.BlockingQueue;",
            "class Publisher {",
            "  BlockingQueue<String> queue;",
            "  void publish(String s) {",
            "    try {",
            "      queue.put(s);",
            "    } catch (Exception failure) {",
            "      if (failure instanceof InterruptedException) {",
            "        Thread.currentThread().interrupt();",
            "      }",
            "      System.err.println(failure);",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  public void replacement_clearingCallBecomesRestore() {
    refactoring
        .addInputLines(
            "Heartbeat.java",
            "class Heartbeat {",
            "  void beat() {",
            "    try {",
            "      Thread.sleep(1_000);",
            "    } catch (InterruptedException e) {",
            "      System.err.println(\"heartbeat interrupted\");",
            "      Thread.interrupted();",
            "    }",
            "  }",
            "}")
        .addOutputLines(
            "Heartbeat.java",
            "class Heartbeat {",
            "  void beat() {",
            "    try {",
            "      Thread.sleep(1_000);",
            "    } catch (InterruptedException e) {",
            "      Thread.currentThread().interrupt();",
            "      System.err.println(\"heartbeat interrupted\");",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  public void replacement_loopThatTestsTheStatusIsNotARetryLoop() {
    refactoring
        .addInputLines(
            "Heartbeat.java",
            "class Heartbeat implements Runnable {",
            "  void beat() {}",
            "  @Override",
            "  public void run() {",
            "    while (!Thread.currentThread().isInterrupted()) {",
            "      beat();",
            "      try {",
            "        Thread.sleep(1_000);",
            "      } catch (InterruptedException e) {",
            "        Thread.interrupted();",
            "      }",
            "    }",
            "  }",
            "}")
        .addOutputLines(
            "Heartbeat.java",
            "class Heartbeat implements Runnable {",
            "  void beat() {}",
            "  @Override",
            "  public void run() {",
            "    while (!Thread.currentThread().isInterrupted()) {",
            "      beat();",
            "      try {",
            "        Thread.sleep(1_000);",
            "      } catch (InterruptedException e) {",
            "        Thread.currentThread().interrupt();",
            "      }",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  public void replacement_noFixInsideRetryLoop() {
    refactoring
        .addInputLines(
            "Retry.java",
            "import java.util.concurrent.BlockingQueue;",
            "class Retry {",
            "  BlockingQueue<String> queue;",
            "  String next() {",
            "    while (true) {",
            "      try {",
            "        return queue.take();",
            "      } catch (InterruptedException e) {",
            "      }",
            "    }",
            "  }",
            "}")
        .expectUnchanged()
        .doTest();
  }
}
