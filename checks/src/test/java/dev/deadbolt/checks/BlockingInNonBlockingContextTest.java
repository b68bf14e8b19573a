package dev.deadbolt.checks;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class BlockingInNonBlockingContextTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(BlockingInNonBlockingContext.class, getClass());
  private final BugCheckerRefactoringTestHelper refactoring =
      BugCheckerRefactoringTestHelper.newInstance(BlockingInNonBlockingContext.class, getClass());

  // ---- identification: @NonBlocking methods and classes -----------------------------------------

  @Test
  public void blockingCallsInANonBlockingMethod() {
    helper
        .addSourceLines(
            "Router.java",
            """
            import dev.deadbolt.annotations.NonBlocking;
            import java.util.concurrent.*;
            class Router {
              private final BlockingQueue<String> inbox = new ArrayBlockingQueue<>(100);
              @NonBlocking
              String route(CompletableFuture<String> quote) throws Exception {
                // BUG: Diagnostic contains: `Thread.sleep()` sleeps the thread in `route()`, marked @NonBlocking, so a caller that relies on it never blocking (an event loop, a shared pool) stalls with it
                Thread.sleep(5);
                // BUG: Diagnostic contains: `CompletableFuture.join()` waits for the future to complete in `route()`
                quote.join();
                // BUG: Diagnostic contains: `new Socket()` connects a socket (network round trip) in `route()`
                new java.net.Socket("pricing", 443).close();
                // BUG: Diagnostic contains: `BlockingQueue.take()` waits for an element in `route()`
                return inbox.take();
              }
            }
            """)
        .doTest();
  }

  @Test
  public void throughMethodsOfTheCompilationWithTheChain() {
    helper
        .addSourceLines(
            "Cache.java",
            """
            import java.util.concurrent.TimeUnit;
            class Cache {
              @dev.deadbolt.annotations.NonBlocking
              void onEvent() {
                // BUG: Diagnostic contains: `refresh() -> backoff() -> TimeUnit.sleep()` sleeps the thread in `onEvent()`, marked @NonBlocking
                refresh();
              }
              private void refresh() {
                backoff();
              }
              private void backoff() {
                try {
                  TimeUnit.MILLISECONDS.sleep(10);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void aClassMarkedNonBlockingByAnyAnnotationOfThatName() {
    helper
        .addSourceLines(
            "NonBlocking.java",
            """
            package org.jetbrains.annotations;
            public @interface NonBlocking {}
            """)
        .addSourceLines(
            "Dispatcher.java",
            """
            import java.io.*;
            import java.util.List;
            @org.jetbrains.annotations.NonBlocking
            class Dispatcher {
              void dispatch(List<String> events, Writer log) throws IOException {
                // BUG: Diagnostic contains: `Writer.write()` writes to a writer (file or network I/O) in `dispatch()` of `Dispatcher`, a class marked @NonBlocking
                log.write("dispatching");
                events.forEach(
                    e -> {
                      try {
                        // BUG: Diagnostic contains: in `dispatch()` of `Dispatcher`
                        log.write(e);
                      } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                      }
                    });
              }
            }
            """)
        .doTest();
  }

  @Test
  public void codeRunNowInANonBlockingMethodCounts() {
    helper
        .addSourceLines(
            "Prices.java",
            """
            import dev.deadbolt.annotations.NonBlocking;
            import java.util.List;
            import java.util.concurrent.Future;
            class Prices {
              @NonBlocking
              long total(List<Future<Long>> quotes) {
                return quotes.stream()
                    // BUG: Diagnostic contains: `get() -> Future.get()` waits for the task to complete in `total()`, marked @NonBlocking
                    .mapToLong(q -> get(q))
                    .sum();
              }
              private static long get(Future<Long> quote) {
                try {
                  return quote.get();
                } catch (Exception e) {
                  return 0;
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void aNonBlockingCalleeIsTrustedAndCheckedInItsOwnBody() {
    helper
        .addSourceLines(
            "Hub.java",
            """
            import dev.deadbolt.annotations.NonBlocking;
            class Hub {
              @NonBlocking
              void publish() {
                notifyAll2();
              }
              @NonBlocking
              void notifyAll2() {
                try {
                  // BUG: Diagnostic contains: in `notifyAll2()`, marked @NonBlocking
                  Thread.sleep(1);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
            }
            """)
        .doTest();
  }

  // ---- identification: the common ForkJoinPool ----------------------------------------------------

  @Test
  public void asyncStagesWithoutAnExecutor() {
    helper
        .addSourceLines(
            "Quotes.java",
            """
            import java.io.*;
            import java.util.concurrent.*;
            class Quotes {
              private final BlockingQueue<String> replies = new LinkedBlockingQueue<>(10);
              CompletableFuture<String> quote(Future<String> upstream) {
                return CompletableFuture.supplyAsync(
                    () -> {
                      try {
                        // BUG: Diagnostic contains: `Future.get()` waits for the task to complete in a lambda given to `CompletableFuture.supplyAsync()` without an executor, which runs on the common ForkJoinPool, so it holds one of the few threads that every default async task and parallel stream in the JVM shares: pass an executor meant for blocking work
                        return upstream.get();
                      } catch (Exception e) {
                        throw new CompletionException(e);
                      }
                    });
              }
              CompletableFuture<String> next(CompletableFuture<String> request) {
                return request.thenApplyAsync(
                    r -> {
                      try {
                        // BUG: Diagnostic contains: `BlockingQueue.take()` waits for an element in a lambda given to `CompletableFuture.thenApplyAsync()` without an executor
                        return replies.take();
                      } catch (InterruptedException e) {
                        throw new CompletionException(e);
                      }
                    });
              }
              CompletableFuture<Void> pause() {
                return CompletableFuture.runAsync(
                    () -> {
                      try {
                        // BUG: Diagnostic contains: `Thread.sleep()` sleeps the thread in a lambda given to `CompletableFuture.runAsync()` without an executor
                        Thread.sleep(100);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    });
              }
            }
            """)
        .doTest();
  }

  @Test
  public void methodReferencesRunWhereTheyAreHanded() {
    helper
        .addSourceLines(
            "Loader.java",
            """
            import java.io.*;
            import java.nio.file.*;
            import java.util.concurrent.CompletableFuture;
            class Loader {
              CompletableFuture<String> load() {
                // BUG: Diagnostic contains: `read() -> Files.readString()` does file system I/O in a method reference given to `CompletableFuture.supplyAsync()` without an executor
                return CompletableFuture.supplyAsync(this::read);
              }
              private String read() {
                try {
                  return Files.readString(Path.of("prices.csv"));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void tasksGivenToTheCommonPoolByName() {
    helper
        .addSourceLines(
            "Sweeper.java",
            """
            import java.util.concurrent.*;
            class Sweeper {
              void sweep(CountDownLatch ready, Semaphore permits) {
                ForkJoinPool.commonPool()
                    .execute(
                        () -> {
                          try {
                            // BUG: Diagnostic contains: `CountDownLatch.await()` waits for the latch to count down in a lambda given to `ForkJoinPool.commonPool().execute()`, which runs on the common ForkJoinPool
                            ready.await();
                          } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                          }
                        });
                CompletableFuture.runAsync(
                    () -> {
                      try {
                        // BUG: Diagnostic contains: in a lambda given to `CompletableFuture.runAsync()` with `ForkJoinPool.commonPool()`
                        permits.acquire();
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    },
                    ForkJoinPool.commonPool());
                CompletableFuture.runAsync(
                    () -> {
                      try {
                        // BUG: Diagnostic contains: with `CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS)`
                        permits.acquire();
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    },
                    CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS));
              }
            }
            """)
        .doTest();
  }

  @Test
  public void parallelStreamOperations() {
    helper
        .addSourceLines(
            "Enricher.java",
            """
            import java.net.InetAddress;
            import java.util.List;
            import java.util.stream.Collectors;
            class Enricher {
              List<String> hosts(List<String> names) {
                return names.parallelStream()
                    // BUG: Diagnostic contains: `resolve() -> InetAddress.getByName()` resolves a host name (DNS round trip) in a lambda given to `map()` of a parallel stream, which runs on the common ForkJoinPool, so it holds one of the few threads that every default async task and parallel stream in the JVM shares: do the blocking work outside the parallel stream
                    .map(n -> resolve(n))
                    .collect(Collectors.toList());
              }
              void warm(List<String> names) {
                // BUG: Diagnostic contains: in a method reference given to `forEach()` of a parallel stream
                names.stream().parallel().forEach(this::resolve);
              }
              private String resolve(String name) {
                try {
                  return InetAddress.getByName(name).getHostAddress();
                } catch (java.io.IOException e) {
                  return name;
                }
              }
            }
            """)
        .doTest();
  }

  // ---- identification: event loops ------------------------------------------------------------------

  @Test
  public void aNettyChannelInitializerRunsOnTheEventLoop() {
    helper
        .addSourceLines(
            "Pipeline.java",
            """
            import io.netty.channel.Channel;
            import io.netty.channel.ChannelInitializer;
            import java.nio.file.Files;
            import java.nio.file.Path;
            class Pipeline extends ChannelInitializer<Channel> {
              @Override
              protected void initChannel(Channel channel) throws Exception {
                // BUG: Diagnostic contains: `Files.readAllBytes()` does file system I/O in `initChannel()`, a Netty channel initializer, called on the channel's event loop
                Files.readAllBytes(Path.of("tls.pem"));
              }
              // Not a callback: the bootstrap's own code, on the caller's thread.
              byte[] certificate() throws Exception {
                return Files.readAllBytes(Path.of("tls.pem"));
              }
            }
            """)
        .doTest();
  }

  @Test
  public void nettyHandlerCallbacks() {
    helper
        .addSourceLines(
            "OrderHandler.java",
            """
            import io.netty.channel.*;
            import java.sql.*;
            import java.util.concurrent.*;
            class OrderHandler extends ChannelInboundHandlerAdapter {
              private final DataSource db = null;
              interface DataSource { Connection get() throws SQLException; }
              private final BlockingQueue<Object> work = new ArrayBlockingQueue<>(10);
              @Override
              public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
                // BUG: Diagnostic contains: `ChannelFuture.sync()` waits for the future to complete in `channelRead()`, a Netty channel handler callback, which runs on an event loop, so every channel that loop serves stalls until it returns
                ctx.writeAndFlush(msg).sync();
                // BUG: Diagnostic contains: `BlockingQueue.put()` waits for space in the queue in `channelRead()`
                work.put(msg);
              }
              @Override
              public void channelActive(ChannelHandlerContext ctx) throws Exception {
                // BUG: Diagnostic contains: `Statement.executeQuery()` runs SQL (database round trip) in `channelActive()`, a Netty channel handler callback
                db.get().createStatement().executeQuery("select 1");
              }
            }
            """)
        .addSourceLines(
            "EchoHandler.java",
            """
            import io.netty.channel.*;
            import java.util.concurrent.Future;
            class EchoHandler extends SimpleChannelInboundHandler<Future<String>> {
              @Override
              protected void channelRead0(ChannelHandlerContext ctx, Future<String> msg) throws Exception {
                // BUG: Diagnostic contains: `Future.get()` waits for the task to complete in `channelRead0()`, a Netty channel handler callback
                ctx.writeAndFlush(msg.get());
              }
            }
            """)
        .doTest();
  }

  @Test
  public void reactiveOperatorsOnTheSignallingThread() {
    helper
        .addSourceLines(
            "OrderStream.java",
            """
            import reactor.core.publisher.*;
            import java.util.concurrent.Future;
            class OrderStream {
              Flux<String> enrich(Flux<Future<String>> orders, Mono<String> customer) {
                return orders
                    // BUG: Diagnostic contains: `OrderStream.get()` is marked @Blocking in a lambda given to `Flux.map()`, a Reactor operator, which runs on whatever thread signals the stream (an event loop in a reactive server), so everything that thread serves stalls: move the call off it with `publishOn(Schedulers.boundedElastic())`
                    .map(f -> get(f))
                    // BUG: Diagnostic contains: `Mono.block()` waits for the Mono to complete in a lambda given to `Flux.doOnNext()`, a Reactor operator
                    .doOnNext(s -> customer.block());
              }
              Mono<String> load(java.nio.file.Path file) {
                // BUG: Diagnostic contains: `Files.readString()` does file system I/O in a lambda given to `Mono.fromCallable()`, a Reactor source, which runs on whatever thread signals the stream (an event loop in a reactive server), so everything that thread serves stalls: move the call off it with `subscribeOn(Schedulers.boundedElastic())`
                return Mono.fromCallable(() -> java.nio.file.Files.readString(file));
              }
              @dev.deadbolt.annotations.Blocking
              static String get(Future<String> f) {
                return "";
              }
            }
            """)
        .doTest();
  }

  @Test
  public void reactiveOperatorsMovedToASchedulerThatMustNotBlock() {
    helper
        .addSourceLines(
            "Ticker.java",
            """
            import reactor.core.publisher.Flux;
            import reactor.core.scheduler.Schedulers;
            class Ticker {
              Flux<Long> ticks(Flux<Long> source) {
                return source
                    .publishOn(Schedulers.parallel())
                    .map(
                        t -> {
                          try {
                            // BUG: Diagnostic contains: `Thread.sleep()` sleeps the thread in a lambda given to `Flux.map()` on `Schedulers.parallel()`, whose few threads must never block, so every task scheduled there stalls: use `Schedulers.boundedElastic()` for blocking work
                            Thread.sleep(t);
                          } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                          }
                          return t;
                        });
              }
            }
            """)
        .doTest();
  }

  @Test
  public void rxJavaOperators() {
    helper
        .addSourceLines(
            "Feed.java",
            """
            import io.reactivex.rxjava3.core.Flowable;
            import io.reactivex.rxjava3.schedulers.Schedulers;
            class Feed {
              Flowable<String> titles(Flowable<String> ids, Flowable<String> details) {
                // BUG: Diagnostic contains: `Flowable.blockingFirst()` waits for the Flowable to emit in a lambda given to `Flowable.map()`, an RxJava operator, which runs on whatever thread signals the stream (an event loop in a reactive server), so everything that thread serves stalls: move the call off it with `observeOn(Schedulers.io())`
                return ids.map(id -> details.blockingFirst());
              }
              Flowable<String> scored(Flowable<String> ids, Flowable<String> details) {
                // BUG: Diagnostic contains: on `Schedulers.computation()`, whose few threads must never block, so every task scheduled there stalls: use `Schedulers.io()` for blocking work
                return ids.observeOn(Schedulers.computation()).map(id -> details.blockingFirst());
              }
            }
            """)
        .doTest();
  }

  @Test
  public void suppressedOnTheMethod() {
    helper
        .addSourceLines(
            "Legacy.java",
            """
            import java.util.concurrent.CompletableFuture;
            class Legacy {
              @SuppressWarnings("BlockingInNonBlockingContext") // startup only, before traffic
              CompletableFuture<Void> warmUp() {
                return CompletableFuture.runAsync(
                    () -> {
                      try {
                        Thread.sleep(100);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    });
              }
            }
            """)
        .doTest();
  }

  // ---- identification: negatives ----------------------------------------------------------------

  @Test
  public void anExplicitExecutorMovesTheTaskOffTheCommonPool() {
    helper
        .addSourceLines(
            "Quotes.java",
            """
            import java.util.concurrent.*;
            class Quotes {
              private final ExecutorService io = Executors.newFixedThreadPool(8);
              private final ForkJoinPool crawler = new ForkJoinPool(32);
              CompletableFuture<String> quote(Future<String> upstream) {
                return CompletableFuture.supplyAsync(() -> get(upstream), io)
                    .thenApplyAsync(q -> get(upstream), io);
              }
              void crawl(CountDownLatch ready) {
                crawler.execute(
                    () -> {
                      try {
                        ready.await();
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    });
              }
              private static String get(Future<String> f) {
                try {
                  return f.get();
                } catch (Exception e) {
                  throw new CompletionException(e);
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void nonBlockingQueueCallsAndNonAsyncStages() {
    helper
        .addSourceLines(
            "Mailbox.java",
            """
            import dev.deadbolt.annotations.NonBlocking;
            import java.util.concurrent.*;
            class Mailbox {
              private final BlockingQueue<String> inbox = new ArrayBlockingQueue<>(100);
              @NonBlocking
              boolean deliver(String message) {
                return inbox.offer(message);
              }
              @NonBlocking
              String next() {
                String m = inbox.poll();
                return m == null ? inbox.peek() : m;
              }
              CompletableFuture<String> forward(CompletableFuture<String> in) {
                return in.thenApplyAsync(m -> inbox.offer(m) ? m : inbox.poll())
                    .thenApply(m -> m.trim());
              }
            }
            """)
        .doTest();
  }

  @Test
  public void lambdasOnlyStoredOrHandedToAnExecutorRunElsewhere() {
    helper
        .addSourceLines(
            "Scheduler.java",
            """
            import dev.deadbolt.annotations.NonBlocking;
            import java.util.concurrent.*;
            class Scheduler {
              private final ExecutorService io = Executors.newFixedThreadPool(4);
              private Runnable retry;
              @NonBlocking
              void schedule(Future<String> result) {
                retry = () -> sleep(100);
                Callable<String> read = () -> result.get();
                io.submit(() -> sleep(50));
                CompletableFuture.runAsync(() -> sleep(20), io);
                io.execute(
                    new Runnable() {
                      @Override
                      public void run() {
                        sleep(10);
                      }
                    });
                new Thread(() -> sleep(5)).start();
              }
              private static void sleep(long ms) {
                try {
                  Thread.sleep(ms);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void joiningTheFuturesAStageWaitedForReturnsAtOnce() {
    helper
        .addSourceLines(
            "Totals.java",
            """
            import java.util.concurrent.CompletableFuture;
            class Totals {
              CompletableFuture<Long> total(
                  CompletableFuture<Long> a, CompletableFuture<Long> b, CompletableFuture<Long> c) {
                CompletableFuture<Long> both =
                    CompletableFuture.allOf(a, b).thenApplyAsync(v -> a.join() + b.join());
                CompletableFuture<Long> combined = a.thenCombineAsync(b, (x, y) -> a.join() + b.join());
                // BUG: Diagnostic contains: `CompletableFuture.join()` waits for the future to complete in a lambda given to `CompletableFuture.thenApplyAsync()` without an executor
                return both.thenApplyAsync(s -> s + combined.join() + c.join());
              }
            }
            """)
        .doTest();
  }

  @Test
  public void sequentialStreamsRunOnTheCallersThread() {
    helper
        .addSourceLines(
            "Importer.java",
            """
            import java.nio.file.*;
            import java.util.List;
            import java.util.stream.Stream;
            class Importer {
              long sizes(List<Path> files) {
                return files.stream().mapToLong(Importer::size).sum();
              }
              long sizesAfterAll(List<Path> files) {
                return files.parallelStream().sequential().mapToLong(Importer::size).sum();
              }
              long sizesOfAGivenStream(Stream<Path> files) {
                return files.mapToLong(f -> size(f)).sum();
              }
              static long size(Path file) {
                try {
                  return Files.size(file);
                } catch (java.io.IOException e) {
                  return 0;
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void reactiveOperatorsMovedOffTheEventLoop() {
    helper
        .addSourceLines(
            "Repository.java",
            """
            import java.nio.file.*;
            import java.util.concurrent.ExecutorService;
            import reactor.core.publisher.*;
            import reactor.core.scheduler.*;
            class Repository {
              Flux<String> read(Flux<Path> files) {
                return files.publishOn(Schedulers.boundedElastic()).map(f -> readString(f));
              }
              Mono<String> load(Path file) {
                return Mono.fromCallable(() -> Files.readString(file))
                    .subscribeOn(Schedulers.boundedElastic());
              }
              Flux<String> onTheirPool(Flux<Path> files, ExecutorService pool) {
                return files.publishOn(Schedulers.fromExecutorService(pool)).map(f -> readString(f));
              }
              Flux<String> onAGivenScheduler(Flux<Path> files, Scheduler blocking) {
                return files
                    .publishOn(Schedulers.immediate())
                    .subscribeOn(blocking)
                    .map(f -> readString(f));
              }
              Mono<String> wrapped(Path file) {
                return Mono.just(file)
                    .flatMap(f -> Mono.fromCallable(() -> readString(f)).subscribeOn(Schedulers.boundedElastic()));
              }
              static String readString(Path file) {
                try {
                  return Files.readString(file);
                } catch (java.io.IOException e) {
                  return "";
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void rxJavaOperatorsMovedToTheIoScheduler() {
    helper
        .addSourceLines(
            "Feed.java",
            """
            import io.reactivex.rxjava3.core.Flowable;
            import io.reactivex.rxjava3.schedulers.Schedulers;
            class Feed {
              Flowable<String> titles(Flowable<String> ids, Flowable<String> details) {
                return ids.observeOn(Schedulers.io()).map(id -> details.blockingFirst());
              }
              Flowable<String> fetched(Flowable<String> details) {
                return Flowable.fromCallable(() -> details.blockingFirst()).subscribeOn(Schedulers.io());
              }
            }
            """)
        .doTest();
  }

  @Test
  public void lookalikesOfBlockingCallsDoNotBlock() {
    helper
        .addSourceLines(
            "Catalog.java",
            """
            import java.util.*;
            import java.util.concurrent.*;
            import java.util.concurrent.atomic.AtomicReference;
            class Catalog {
              private final Map<String, String> prices = new ConcurrentHashMap<>();
              private final AtomicReference<String> currency = new AtomicReference<>("EUR");
              CompletableFuture<String> price(String sku, Optional<String> fallback) {
                return CompletableFuture.supplyAsync(
                    () -> prices.getOrDefault(sku, fallback.get()) + currency.get());
              }
              List<String> normalized(List<String> skus) {
                return skus.parallelStream().map(String::trim).map(s -> prices.get(s)).toList();
              }
            }
            """)
        .doTest();
  }

  @Test
  public void aBlockingSourceOfAParallelStreamRunsOnTheCaller() {
    helper
        .addSourceLines(
            "Lines.java",
            """
            import java.io.IOException;
            import java.nio.file.*;
            class Lines {
              long words(Path file) throws IOException {
                return Files.readAllLines(file).parallelStream().mapToLong(l -> l.split(" ").length).sum();
              }
            }
            """)
        .doTest();
  }

  @Test
  public void dependentStagesRunWhereTheFutureCompletes() {
    helper
        .addSourceLines(
            "Audit.java",
            """
            import dev.deadbolt.annotations.NonBlocking;
            import java.io.*;
            import java.util.concurrent.CompletableFuture;
            class Audit {
              private final Writer log;
              Audit(Writer log) {
                this.log = log;
              }
              @NonBlocking
              void record(CompletableFuture<String> payment) {
                payment
                    .thenAccept(p -> write(p))
                    .whenComplete((v, e) -> write(e == null ? "ok" : e.getMessage()));
              }
              private void write(String line) {
                try {
                  log.write(line);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void nettyHandlersThatHandBlockingWorkToAWorkerPool() {
    helper
        .addSourceLines(
            "LookupHandler.java",
            """
            import io.netty.channel.*;
            import java.net.InetAddress;
            import java.util.concurrent.*;
            class LookupHandler extends ChannelInboundHandlerAdapter {
              private final ExecutorService workers;
              LookupHandler(ExecutorService workers) {
                this.workers = workers;
              }
              @Override
              public void channelRead(ChannelHandlerContext ctx, Object msg) {
                workers.execute(
                    () -> {
                      try {
                        ctx.writeAndFlush(InetAddress.getByName(String.valueOf(msg)));
                      } catch (java.io.IOException e) {
                        ctx.fireChannelRead(e);
                      }
                    });
              }
            }
            """)
        .doTest();
  }

  @Test
  public void theAnnotationCountsWhereItIsWritten() {
    helper
        .addSourceLines(
            "Listener.java",
            """
            import dev.deadbolt.annotations.NonBlocking;
            interface Listener {
              @NonBlocking
              void onEvent(String event);
            }
            """)
        .addSourceLines(
            "SlowListener.java",
            """
            // Overriding a @NonBlocking method does not make this one a context (see the docs' Limits).
            class SlowListener implements Listener {
              @Override
              public void onEvent(String event) {
                try {
                  Thread.sleep(10);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void ordinaryMethodsAndLookalikeCallbacks() {
    helper
        .addSourceLines(
            "Worker.java",
            """
            import io.netty.channel.*;
            import java.util.concurrent.*;
            class Worker {
              private final BlockingQueue<String> jobs = new ArrayBlockingQueue<>(10);
              String next() throws InterruptedException {
                return jobs.take();
              }
              // Not a Netty handler: the name alone does not make a callback.
              void channelRead(ChannelHandlerContext ctx, Object msg) throws InterruptedException {
                jobs.take();
              }
            }
            """)
        .addSourceLines(
            "Handler.java",
            """
            import io.netty.channel.*;
            import java.util.concurrent.*;
            class Handler extends ChannelInboundHandlerAdapter {
              private final BlockingQueue<String> jobs = new ArrayBlockingQueue<>(10);
              // An overload no event loop calls.
              void channelRead(String job) throws InterruptedException {
                jobs.take();
              }
              @Override
              public void channelRead(ChannelHandlerContext ctx, Object msg) {
                jobs.offer(String.valueOf(msg));
                ctx.fireChannelRead(msg);
              }
            }
            """)
        .doTest();
  }

  // ---- replacement ------------------------------------------------------------------------------

  private static final String QUOTES_BEFORE =
      """
      import java.util.concurrent.*;
      class Quotes {
        private final Executor blockingIo;
        Quotes(Executor blockingIo) {
          this.blockingIo = blockingIo;
        }
        CompletableFuture<String> quote(Future<String> upstream) {
          return CompletableFuture.supplyAsync(() -> get(upstream))
              .thenApplyAsync(q -> q + get(upstream));
        }
        @dev.deadbolt.annotations.Blocking("waits for the upstream quote")
        static String get(Future<String> f) {
          return "";
        }
      }
      """;

  private static final String QUOTES_AFTER =
      """
      import java.util.concurrent.*;
      class Quotes {
        private final Executor blockingIo;
        Quotes(Executor blockingIo) {
          this.blockingIo = blockingIo;
        }
        CompletableFuture<String> quote(Future<String> upstream) {
          return CompletableFuture.supplyAsync(() -> get(upstream), blockingIo)
              .thenApplyAsync(q -> q + get(upstream), blockingIo);
        }
        @dev.deadbolt.annotations.Blocking("waits for the upstream quote")
        static String get(Future<String> f) {
          return "";
        }
      }
      """;

  @Test
  public void passesTheExecutorInScope() {
    refactoring
        .addInputLines("Quotes.java", QUOTES_BEFORE)
        .addOutputLines("Quotes.java", QUOTES_AFTER)
        .doTest();
  }

  @Test
  public void theFixedCodeCompilesAndIsNotReported() {
    helper.addSourceLines("Quotes.java", QUOTES_AFTER).doTest();
  }

  @Test
  public void passesAParameterExecutorOnceForSeveralCallsInOneTask() {
    refactoring
        .addInputLines(
            "Report.java",
            """
            import java.util.concurrent.*;
            class Report {
              static CompletableFuture<Void> build(ExecutorService pool, CountDownLatch a, CountDownLatch b) {
                return CompletableFuture.runAsync(
                    () -> {
                      try {
                        a.await();
                        b.await();
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    });
              }
            }
            """)
        .addOutputLines(
            "Report.java",
            """
            import java.util.concurrent.*;
            class Report {
              static CompletableFuture<Void> build(ExecutorService pool, CountDownLatch a, CountDownLatch b) {
                return CompletableFuture.runAsync(
                    () -> {
                      try {
                        a.await();
                        b.await();
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    }, pool);
              }
            }
            """)
        .doTest();
  }

  @Test
  public void noFixWithoutExactlyOneExecutorInScope() {
    refactoring
        .addInputLines(
            "Quotes.java",
            """
            import java.util.concurrent.*;
            class Quotes {
              private final Executor io;
              private final Executor cpu;
              Quotes(Executor io, Executor cpu) {
                this.io = io;
                this.cpu = cpu;
              }
              CompletableFuture<String> quote(Future<String> upstream) {
                return CompletableFuture.supplyAsync(() -> get(upstream));
              }
              @dev.deadbolt.annotations.Blocking
              static String get(Future<String> f) {
                return "";
              }
            }
            """)
        .expectUnchanged()
        .addInputLines(
            "StaticQuotes.java",
            """
            import java.util.concurrent.*;
            class StaticQuotes {
              private final Executor io = Runnable::run;
              // The instance field is out of reach here.
              static CompletableFuture<String> quote(Future<String> upstream) {
                return CompletableFuture.supplyAsync(() -> Quotes.get(upstream));
              }
            }
            """)
        .expectUnchanged()
        .doTest();
  }
}
