package dev.deadbolt.contexts;

import com.google.errorprone.CompilationTestHelper;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/** Where the analysis decides code runs, printed by {@link NonBlockingContextsPrinter} at each checkpoint(). */
@RunWith(JUnit4.class)
public class NonBlockingContextsTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(NonBlockingContextsPrinter.class, getClass());

  @Test
  public void theInnermostFunctionDecides() {
    helper
        .addSourceLines(
            "Nested.java",
            """
            import dev.deadbolt.annotations.NonBlocking;
            import java.util.List;
            import java.util.concurrent.*;
            class Nested {
              static int checkpoint() { return 0; }
              private final Executor io = Runnable::run;
              @NonBlocking
              void handle(List<String> items) {
                // BUG: Diagnostic contains: NON_BLOCKING_METHOD: `handle()`, marked @NonBlocking
                checkpoint();
                CompletableFuture.supplyAsync(
                    () -> {
                      // BUG: Diagnostic contains: DEFAULT_ASYNC_EXECUTOR: a lambda given to `CompletableFuture.supplyAsync()` without an executor
                      items.forEach(i -> checkpoint());
                      // BUG: Diagnostic contains: none
                      io.execute(() -> checkpoint());
                      return 0;
                    });
                // BUG: Diagnostic contains: none
                CompletableFuture.supplyAsync(() -> checkpoint(), io);
                // A dependent stage runs on the thread that completes the future, not here.
                // BUG: Diagnostic contains: none
                CompletableFuture.supplyAsync(() -> 1, io).thenApply(x -> x + checkpoint());
              }
              private final Runnable stored = () -> {
                // BUG: Diagnostic contains: none
                checkpoint();
              };
            }
            """)
        .doTest();
  }

  @Test
  public void theLastParallelOrSequentialOfThePipelineDecides() {
    helper
        .addSourceLines(
            "Pipelines.java",
            """
            import java.util.List;
            import java.util.stream.*;
            class Pipelines {
              static int checkpoint() { return 0; }
              void run(List<Integer> xs, Stream<Integer> given) {
                // BUG: Diagnostic contains: PARALLEL_STREAM: a lambda given to `map()` of a parallel stream
                xs.stream().sequential().parallel().map(x -> x + checkpoint()).count();
                // BUG: Diagnostic contains: none
                xs.parallelStream().map(x -> x + checkpoint()).sequential().count();
                // BUG: Diagnostic contains: PARALLEL_STREAM: a lambda given to `filter()` of a parallel stream
                StreamSupport.stream(xs.spliterator(), true).filter(x -> x > checkpoint()).count();
                // BUG: Diagnostic contains: none
                given.map(x -> x + checkpoint()).count();
                // A new pipeline after the terminal operation: sequential.
                // BUG: Diagnostic contains: none
                xs.parallelStream().collect(Collectors.toList()).stream().map(x -> x + checkpoint()).count();
              }
            }
            """)
        .doTest();
  }

  @Test
  public void theNearestPublishOnUpstreamElseTheSubscribeOnNearestTheSource() {
    helper
        .addSourceLines(
            "Chains.java",
            """
            import reactor.core.publisher.Flux;
            import reactor.core.scheduler.Schedulers;
            class Chains {
              static int checkpoint() { return 0; }
              void run(Flux<Integer> source) {
                source
                    // BUG: Diagnostic contains: REACTIVE_OPERATOR: a lambda given to `Flux.map()`, a Reactor operator
                    .map(x -> x + checkpoint())
                    .publishOn(Schedulers.boundedElastic())
                    // BUG: Diagnostic contains: none
                    .map(x -> x + checkpoint());
                source
                    .publishOn(Schedulers.boundedElastic())
                    .publishOn(Schedulers.parallel())
                    // BUG: Diagnostic contains: NON_BLOCKING_SCHEDULER: a lambda given to `Flux.map()` on `Schedulers.parallel()`
                    .map(x -> x + checkpoint());
                Flux.just(1)
                    .subscribeOn(Schedulers.parallel())
                    // BUG: Diagnostic contains: NON_BLOCKING_SCHEDULER
                    .map(x -> x + checkpoint())
                    .subscribeOn(Schedulers.boundedElastic());
                Flux.just(1)
                    // BUG: Diagnostic contains: none
                    .map(x -> x + checkpoint())
                    .subscribeOn(Schedulers.boundedElastic());
              }
            }
            """)
        .doTest();
  }

  @Test
  public void callbacksOfAnonymousHandlersAndMethodReferences() {
    helper
        .addSourceLines(
            "Server.java",
            """
            import io.netty.channel.*;
            import java.util.concurrent.CompletableFuture;
            import java.util.function.Supplier;
            class Server {
              static int checkpoint() { return 0; }
              static Supplier<Integer> supplier(int unused) { return () -> 1; }
              ChannelHandler handler() {
                return new ChannelInboundHandlerAdapter() {
                  @Override
                  public void channelRead(ChannelHandlerContext ctx, Object msg) {
                    // BUG: Diagnostic contains: EVENT_LOOP_CALLBACK: `channelRead()`, a Netty channel handler callback
                    checkpoint();
                  }
                };
              }
              void submit() {
                // The qualifier of a method reference is evaluated here, not on the pool.
                // BUG: Diagnostic contains: none
                CompletableFuture.supplyAsync(supplier(checkpoint())::get);
              }
            }
            """)
        .doTest();
  }
}
