package dev.deadbolt.checks;

import static com.google.common.truth.Truth.assertThat;
import static dev.deadbolt.JavaFeatures.assumeJdk;

import com.google.errorprone.BugCheckerRefactoringTestHelper.FixChoosers;
import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class UnboundedExecutorTest {
  private static final String STRICT = "-XepOpt:Deadbolt:StrictExecutorBounds=true";

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(UnboundedExecutor.class, getClass());

  private final BugCheckerRefactoringTestHelper refactoring =
      BugCheckerRefactoringTestHelper.newInstance(UnboundedExecutor.class, getClass());

  // --- identification -------------------------------------------------------------------------

  @Test
  public void executorsFactoriesWithUnboundedQueues() {
    helper
        .addSourceLines(
            "Workers.java",
            """
            import static java.util.concurrent.Executors.newFixedThreadPool;

            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;
            import java.util.concurrent.ThreadFactory;

            class Workers {
              // BUG: Diagnostic contains: Executors.newFixedThreadPool queues tasks in a LinkedBlockingQueue with no capacity: when its threads fall behind
              ExecutorService io = Executors.newFixedThreadPool(4);
              // BUG: Diagnostic contains: Executors.newFixedThreadPool
              ExecutorService cpu = newFixedThreadPool(8);
              // BUG: Diagnostic contains: when its thread falls behind, submitted tasks pile up
              ExecutorService audit = Executors.newSingleThreadExecutor();

              ExecutorService named(int threads, ThreadFactory factory) {
                // BUG: Diagnostic contains: Executors.newFixedThreadPool
                return Executors.newFixedThreadPool(threads, factory);
              }

              ExecutorService namedSingle(ThreadFactory factory) {
                // BUG: Diagnostic contains: Executors.newSingleThreadExecutor
                return Executors.newSingleThreadExecutor(factory);
              }
            }
            """)
        .doTest();
  }

  @Test
  public void cachedPoolHasUnboundedThreads() {
    helper
        .addSourceLines(
            "Callbacks.java",
            """
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;
            import java.util.concurrent.ThreadFactory;

            class Callbacks {
              // BUG: Diagnostic contains: Executors.newCachedThreadPool starts a new thread for every task no idle thread can take: when tasks arrive faster than they finish, threads pile up
              ExecutorService callbacks = Executors.newCachedThreadPool();

              ExecutorService named(ThreadFactory factory) {
                // BUG: Diagnostic contains: newCachedThreadPool
                return Executors.newCachedThreadPool(factory);
              }
            }
            """)
        .doTest();
  }

  @Test
  public void threadPoolExecutorGivenAnUnboundedQueue() {
    helper
        .addSourceLines(
            "Pools.java",
            """
            import com.google.common.collect.Queues;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.LinkedBlockingQueue;
            import java.util.concurrent.PriorityBlockingQueue;
            import java.util.concurrent.ThreadPoolExecutor;
            import java.util.concurrent.TimeUnit;

            class Pools {
              // BUG: Diagnostic contains: work queue, a LinkedBlockingQueue with no capacity, grows without bound: when its threads fall behind, submitted tasks pile up until the heap runs out (and no thread beyond corePoolSize ever starts)
              ExecutorService a = new ThreadPoolExecutor(2, 16, 60L, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
              ExecutorService b =
                  // BUG: Diagnostic contains: work queue, a PriorityBlockingQueue (no capacity can be given)
                  new ThreadPoolExecutor(
                      2,
                      2,
                      0L,
                      TimeUnit.SECONDS,
                      new PriorityBlockingQueue<>(),
                      new ThreadPoolExecutor.CallerRunsPolicy());
              // BUG: Diagnostic contains: work queue, Queues.newLinkedBlockingQueue() with no capacity
              ExecutorService c = new ThreadPoolExecutor(1, 1, 0L, TimeUnit.SECONDS, Queues.newLinkedBlockingQueue());
              // BUG: Diagnostic contains: with capacity Integer.MAX_VALUE
              ExecutorService d = new ThreadPoolExecutor(1, 1, 0L, TimeUnit.SECONDS, new LinkedBlockingQueue<>(Integer.MAX_VALUE));

              static class MetricsPool extends ThreadPoolExecutor {
                MetricsPool() {
                  // BUG: Diagnostic contains: work queue, a LinkedBlockingQueue with no capacity
                  super(4, 4, 0L, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void threadPoolExecutorWithUnboundedThreads() {
    helper
        .addSourceLines(
            "HandRolledCache.java",
            """
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.SynchronousQueue;
            import java.util.concurrent.ThreadPoolExecutor;
            import java.util.concurrent.TimeUnit;

            class HandRolledCache {
              // BUG: Diagnostic contains: maximumPoolSize of Integer.MAX_VALUE is no bound: when tasks arrive faster than they finish, threads pile up
              ExecutorService pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60L, TimeUnit.SECONDS, new SynchronousQueue<>());
            }
            """)
        .doTest();
  }

  @Test
  public void boundedThreadPoolsAndQueuesDefinedElsewhere() {
    helper
        .addSourceLines(
            "Bounded.java",
            """
            import java.util.concurrent.ArrayBlockingQueue;
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.ForkJoinPool;
            import java.util.concurrent.LinkedBlockingQueue;
            import java.util.concurrent.SynchronousQueue;
            import java.util.concurrent.ThreadPoolExecutor;
            import java.util.concurrent.TimeUnit;

            class Bounded {
              ExecutorService a =
                  new ThreadPoolExecutor(
                      4, 4, 0L, TimeUnit.SECONDS, new ArrayBlockingQueue<>(100),
                      new ThreadPoolExecutor.CallerRunsPolicy());
              ExecutorService b = new ThreadPoolExecutor(2, 8, 30L, TimeUnit.SECONDS, new LinkedBlockingQueue<>(1_000));
              ExecutorService c = new ThreadPoolExecutor(0, 16, 60L, TimeUnit.SECONDS, new SynchronousQueue<>());

              // The queue is reported where it is created (UnboundedQueue), not again here.
              private final BlockingQueue<Runnable> work = new LinkedBlockingQueue<>();
              ExecutorService d = new ThreadPoolExecutor(4, 4, 0L, TimeUnit.SECONDS, work);

              ExecutorService sized(int capacity, int maxThreads) {
                return new ThreadPoolExecutor(1, maxThreads, 0L, TimeUnit.SECONDS, new LinkedBlockingQueue<>(capacity));
              }

              ExecutorService common = ForkJoinPool.commonPool();
            }
            """)
        .addSourceLines(
            "Executors.java",
            """
            package com.example.concurrent;

            import java.util.concurrent.ExecutorService;

            /** A project's own factory that happens to share the JDK's names. */
            public final class Executors {
              public static ExecutorService newFixedThreadPool(int threads) {
                throw new UnsupportedOperationException();
              }
            }
            """)
        .addSourceLines(
            "UsesOwnFactory.java",
            """
            import com.example.concurrent.Executors;
            import java.util.concurrent.ExecutorService;

            class UsesOwnFactory {
              ExecutorService pool = Executors.newFixedThreadPool(4);
            }
            """)
        .doTest();
  }

  @Test
  public void executorShutDownByTheMethodThatCreatesIt() {
    helper
        .addSourceLines(
            "ThumbnailBatch.java",
            """
            import java.util.List;
            import java.util.concurrent.Callable;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;
            import java.util.concurrent.LinkedBlockingQueue;
            import java.util.concurrent.ThreadPoolExecutor;
            import java.util.concurrent.TimeUnit;

            class ThumbnailBatch {
              void render(List<String> images) throws InterruptedException {
                ExecutorService pool = Executors.newFixedThreadPool(4);
                for (String image : images) {
                  if (image.isEmpty()) {
                    continue;
                  }
                  pool.submit(() -> resize(image));
                }
                pool.shutdown();
                pool.awaitTermination(1, TimeUnit.MINUTES);
              }

              void renderOrStop(List<String> images) {
                ExecutorService pool = (Executors.newSingleThreadExecutor());
                try {
                  for (String image : images) {
                    if (image.isEmpty()) {
                      return;
                    }
                    pool.execute(() -> resize(image));
                  }
                } finally {
                  pool.shutdownNow();
                }
              }

              List<String> renderAll(List<Callable<String>> jobs) throws Exception {
                ThreadPoolExecutor pool =
                    new ThreadPoolExecutor(2, 2, 0L, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
                var done = pool.invokeAll(jobs);
                pool.shutdown();
                return List.of(String.valueOf(done.size()));
              }

              private String resize(String image) {
                return image;
              }
            }
            """)
        .doTest();
  }

  @Test
  public void executorClosedByTryWithResources() {
    assumeJdk(19); // ExecutorService is AutoCloseable
    helper
        .setArgs(STRICT)
        .addSourceLines(
            "ReportExport.java",
            """
            import java.util.List;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;

            class ReportExport {
              void export(List<Runnable> sections, int threads) {
                try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
                  for (Runnable section : sections) {
                    pool.execute(section);
                  }
                }
                try (var perSection = Executors.newVirtualThreadPerTaskExecutor()) {
                  for (Runnable section : sections) {
                    if (section == null) {
                      return; // close() still runs
                    }
                    perSection.execute(section);
                  }
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void executorThatOutlivesOrEscapesItsMethodIsStillReported() {
    helper
        .addSourceLines(
            "Ingest.java",
            """
            import java.util.List;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;
            import java.util.function.Consumer;

            class Ingest {
              private ExecutorService kept;

              ExecutorService make() {
                // BUG: Diagnostic contains: Executors.newFixedThreadPool queues tasks
                ExecutorService pool = Executors.newFixedThreadPool(4);
                pool.shutdown();
                return pool;
              }

              void store() {
                // BUG: Diagnostic contains: Executors.newFixedThreadPool queues tasks
                ExecutorService pool = Executors.newFixedThreadPool(4);
                kept = pool;
                pool.shutdown();
              }

              void handOver(Consumer<ExecutorService> server) {
                // BUG: Diagnostic contains: Executors.newSingleThreadExecutor queues tasks
                ExecutorService pool = Executors.newSingleThreadExecutor();
                server.accept(pool);
                pool.shutdown();
              }

              void captured(List<Runnable> listeners) {
                // BUG: Diagnostic contains: Executors.newSingleThreadExecutor queues tasks
                ExecutorService pool = Executors.newSingleThreadExecutor();
                listeners.add(() -> pool.execute(() -> {}));
                pool.shutdown();
              }

              void neverShutDown(List<Runnable> work) {
                // BUG: Diagnostic contains: Executors.newFixedThreadPool queues tasks
                ExecutorService pool = Executors.newFixedThreadPool(4);
                work.forEach(pool::execute);
              }

              void earlyReturn(List<Runnable> work) {
                // BUG: Diagnostic contains: Executors.newFixedThreadPool queues tasks
                ExecutorService pool = Executors.newFixedThreadPool(4);
                for (Runnable r : work) {
                  if (r == null) {
                    return;
                  }
                  pool.execute(r);
                }
                pool.shutdown();
              }

              void shutDownOnlySometimes(List<Runnable> work, boolean done) {
                // BUG: Diagnostic contains: Executors.newFixedThreadPool queues tasks
                ExecutorService pool = Executors.newFixedThreadPool(4);
                work.forEach(r -> pool.execute(r));
                if (done) {
                  pool.shutdown();
                }
              }

              void cachedThreadsStillPileUp(List<Runnable> work) {
                // BUG: Diagnostic contains: Executors.newCachedThreadPool starts a new thread
                ExecutorService pool = Executors.newCachedThreadPool();
                for (Runnable r : work) {
                  pool.execute(r);
                }
                pool.shutdown();
              }
            }
            """)
        .doTest();
  }

  // Unbounded by design, reported only in strict mode; the markers hold for the strict run.
  private static final String DELIBERATE =
      """
      import java.util.concurrent.ExecutorService;
      import java.util.concurrent.Executors;
      import java.util.concurrent.ScheduledExecutorService;
      import java.util.concurrent.ScheduledThreadPoolExecutor;
      
      class Background {
        // BUG: Diagnostic contains: Executors.newScheduledThreadPool keeps tasks in an unbounded delay queue: when tasks are scheduled faster than they run
        ScheduledExecutorService heartbeat = Executors.newScheduledThreadPool(1);
        // BUG: Diagnostic contains: Executors.newSingleThreadScheduledExecutor keeps tasks
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        // BUG: Diagnostic contains: ScheduledThreadPoolExecutor keeps tasks in an unbounded delay queue
        ScheduledExecutorService timers = new ScheduledThreadPoolExecutor(2);
        // BUG: Diagnostic contains: Executors.newWorkStealingPool queues tasks in unbounded ForkJoinPool queues: when its workers fall behind
        ExecutorService parallel = Executors.newWorkStealingPool();
        // BUG: Diagnostic contains: Executors.newVirtualThreadPerTaskExecutor starts a thread for every task
        ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
        // BUG: Diagnostic contains: Executors.newThreadPerTaskExecutor starts a thread for every task
        ExecutorService perTask = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().factory());

        static class Timers extends ScheduledThreadPoolExecutor {
          Timers() {
            // BUG: Diagnostic contains: ScheduledThreadPoolExecutor keeps tasks
            super(1);
          }
        }
      }
      """;

  @Test
  public void deliberateUnboundedExecutorsAreNotReportedByDefault() {
    assumeJdk(21); // the input uses newVirtualThreadPerTaskExecutor
    helper.addSourceLines("Background.java", DELIBERATE).expectNoDiagnostics().doTest();
  }

  @Test
  public void strictModeReportsDeliberateUnboundedExecutors() {
    assumeJdk(21); // the input uses newVirtualThreadPerTaskExecutor
    helper.setArgs(STRICT).addSourceLines("Background.java", DELIBERATE).doTest();
  }

  @Test
  public void suppressedWithAReasonOrSuppressWarnings() {
    helper
        .setArgs(STRICT)
        .addSourceLines(
            "Jobs.java",
            """
            import dev.deadbolt.annotations.BoundedBy;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;
            import java.util.concurrent.LinkedBlockingQueue;
            import java.util.concurrent.ThreadPoolExecutor;
            import java.util.concurrent.TimeUnit;

            class Jobs {
              @BoundedBy("the nightly batch submits exactly one task per tenant, 40 tenants")
              ExecutorService nightly = Executors.newFixedThreadPool(4);

              @BoundedBy("the only caller holds a Semaphore of 64 permits around submit")
              ExecutorService permits() {
                return new ThreadPoolExecutor(4, 4, 0L, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
              }

              @SuppressWarnings("UnboundedExecutor")
              ExecutorService legacy = Executors.newCachedThreadPool();

              @BoundedBy("")
              // BUG: Diagnostic contains: UnboundedExecutor
              ExecutorService unexplained = Executors.newSingleThreadExecutor();
            }

            @BoundedBy("one scheduled refresh per configured feed; feeds are fixed at startup")
            class Feeds {
              ExecutorService refresh = Executors.newScheduledThreadPool(2);
            }
            """)
        .doTest();
  }

  // --- replacement ----------------------------------------------------------------------------

  @Test
  public void fixedPoolBecomesABoundedThreadPoolExecutor() {
    refactoring
        .addInputLines(
            "Workers.java",
            """
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;

            class Workers {
              private static final int THREADS = 4;
              ExecutorService io = Executors.newFixedThreadPool(THREADS);
            }
            """)
        .addOutputLines(
            "Workers.java",
            """
            import java.util.concurrent.ArrayBlockingQueue;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.ThreadPoolExecutor;
            import java.util.concurrent.TimeUnit;

            class Workers {
              private static final int THREADS = 4;
              ExecutorService io =
                  new ThreadPoolExecutor(
                      THREADS,
                      THREADS,
                      0L,
                      TimeUnit.MILLISECONDS,
                      new ArrayBlockingQueue<>(1000),
                      new ThreadPoolExecutor.AbortPolicy());
            }
            """)
        .doTest();
  }

  @Test
  public void secondFixRunsOverflowOnTheCaller() {
    refactoring
        .setFixChooser(FixChoosers.SECOND)
        .setArgs("-XepOpt:Deadbolt:DefaultQueueCapacity=250")
        .addInputLines(
            "Workers.java",
            """
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;
            import java.util.concurrent.ThreadFactory;

            class Workers {
              private final ExecutorService io;
              private final ExecutorService spare = Executors.newCachedThreadPool();

              Workers(Config config, ThreadFactory factory) {
                var pool = Executors.newFixedThreadPool(config.threads, factory);
                io = pool;
              }

              static class Config {
                int threads = 4;
              }
            }
            """)
        .addOutputLines(
            "Workers.java",
            """
            import java.util.concurrent.ArrayBlockingQueue;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;
            import java.util.concurrent.ThreadFactory;
            import java.util.concurrent.ThreadPoolExecutor;
            import java.util.concurrent.TimeUnit;

            class Workers {
              private final ExecutorService io;
              private final ExecutorService spare = Executors.newCachedThreadPool();

              Workers(Config config, ThreadFactory factory) {
                var pool =
                    new ThreadPoolExecutor(
                        config.threads,
                        config.threads,
                        0L,
                        TimeUnit.MILLISECONDS,
                        new ArrayBlockingQueue<>(250),
                        factory,
                        new ThreadPoolExecutor.CallerRunsPolicy());
                io = pool;
              }

              static class Config {
                int threads = 4;
              }
            }
            """)
        .doTest();
  }

  @Test
  public void singleThreadExecutorKeepsOneThreadAndAborts() {
    refactoring
        .addInputLines(
            "Audit.java",
            """
            import static java.util.concurrent.Executors.newSingleThreadExecutor;

            import java.util.concurrent.ExecutorService;

            class Audit {
              ExecutorService writer = newSingleThreadExecutor(r -> new Thread(r, "audit"));
            }
            """)
        .addOutputLines(
            "Audit.java",
            """
            import java.util.concurrent.ArrayBlockingQueue;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.ThreadPoolExecutor;
            import java.util.concurrent.TimeUnit;

            class Audit {
              ExecutorService writer =
                  new ThreadPoolExecutor(
                      1,
                      1,
                      0L,
                      TimeUnit.MILLISECONDS,
                      new ArrayBlockingQueue<>(1000),
                      r -> new Thread(r, "audit"),
                      new ThreadPoolExecutor.AbortPolicy());
            }
            """)
        .doTest();
  }

  @Test
  public void threadPoolExecutorQueueGetsTheDefaultCapacity() {
    refactoring
        .addInputLines(
            "Pools.java",
            """
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.LinkedBlockingQueue;
            import java.util.concurrent.ThreadPoolExecutor;
            import java.util.concurrent.TimeUnit;

            class Pools {
              ExecutorService a = new ThreadPoolExecutor(2, 16, 60L, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
            }
            """)
        .addOutputLines(
            "Pools.java",
            """
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.LinkedBlockingQueue;
            import java.util.concurrent.ThreadPoolExecutor;
            import java.util.concurrent.TimeUnit;

            class Pools {
              ExecutorService a =
                  new ThreadPoolExecutor(2, 16, 60L, TimeUnit.SECONDS, new LinkedBlockingQueue<>(1000));
            }
            """)
        .doTest();
  }

  @Test
  public void noFixWhereBoundingIsNotMechanical() {
    refactoring
        .addInputLines(
            "Unfixable.java",
            """
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;
            import java.util.concurrent.PriorityBlockingQueue;
            import java.util.concurrent.SynchronousQueue;
            import java.util.concurrent.ThreadPoolExecutor;
            import java.util.concurrent.TimeUnit;

            class Unfixable {
              // Writing the thread count twice would call availableProcessors() twice.
              ExecutorService cpu = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
              // How many threads is a decision, not a mechanical edit.
              ExecutorService callbacks = Executors.newCachedThreadPool();
              ExecutorService hand = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60L, TimeUnit.SECONDS, new SynchronousQueue<>());
              ExecutorService ordered = new ThreadPoolExecutor(1, 1, 0L, TimeUnit.SECONDS, new PriorityBlockingQueue<>());
            }
            """)
        .expectUnchanged()
        .doTest();
  }

  // --- configuration --------------------------------------------------------------------------

  @Test
  public void malformedStrictFlagFailsTheCompileNamingTheFlag() {
    JavacWithPlugin.Result result =
        JavacWithPlugin.compile(
            "Any",
            "class Any {}",
            "-Xep:UnboundedExecutor:WARN -XepOpt:Deadbolt:StrictExecutorBounds=yes");
    assertThat(result.succeeded()).isFalse();
    assertThat(result.diagnostics())
        .containsExactly(
            "ERROR: Deadbolt: bad -XepOpt:Deadbolt:StrictExecutorBounds: 'yes' is neither true nor"
                + " false");
  }

  @Test
  public void malformedDefaultCapacityFailsTheCompileNamingTheFlag() {
    JavacWithPlugin.Result result =
        JavacWithPlugin.compile(
            "Any",
            "class Any {}",
            "-Xep:UnboundedExecutor:WARN -XepOpt:Deadbolt:DefaultQueueCapacity=1k");
    assertThat(result.succeeded()).isFalse();
    assertThat(result.diagnostics())
        .containsExactly(
            "ERROR: Deadbolt: bad -XepOpt:Deadbolt:DefaultQueueCapacity: '1k' is not a whole number");
  }

  @Test
  public void bareStrictFlagTurnsStrictModeOnThroughARealPluginRun() {
    JavacWithPlugin.Result result =
        JavacWithPlugin.compile(
            "Heartbeat",
            """
            import java.util.concurrent.Executors;
            import java.util.concurrent.ScheduledExecutorService;

            class Heartbeat {
              ScheduledExecutorService timer = Executors.newScheduledThreadPool(1);
            }
            """,
            "-Xep:UnboundedExecutor:WARN -XepOpt:Deadbolt:StrictExecutorBounds");
    assertThat(result.succeeded()).isTrue();
    assertThat(String.join("\n", result.diagnostics()))
        .contains("[UnboundedExecutor] Executors.newScheduledThreadPool keeps tasks");
  }
}
