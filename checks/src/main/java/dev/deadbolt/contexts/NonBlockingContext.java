package dev.deadbolt.contexts;

import static dev.deadbolt.javac.KnownMethod.instanceMethod;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;

/**
 * Code that runs on a thread that must not block, and what puts it there.
 *
 * @param kind which kind of thread it is
 * @param description the context as a message names it: {@code `route()`, marked @NonBlocking}, {@code
 *     a lambda given to `CompletableFuture.supplyAsync()` without an executor}
 * @param origin the method declaration, or the call the lambda or method reference is given to
 * @param completedFutures the futures a dependent {@code CompletableFuture} stage runs after (its
 *     receiver, the arguments of {@code allOf}, the other stage of {@code thenCombine}): they are
 *     complete when its function runs
 */
public record NonBlockingContext(
    Kind kind, String description, TreePath origin, ImmutableSet<Symbol> completedFutures) {

  private static final Matcher<ExpressionTree> FUTURE_RESULT =
      instanceMethod("java.util.concurrent.Future", "join", "get");

  NonBlockingContext(Kind kind, String description, TreePath origin) {
    this(kind, description, origin, ImmutableSet.of());
  }

  /** Whether {@code call} takes the result of a future already complete here, so it returns at once. */
  public boolean takesACompletedResult(ExpressionTree call, VisitorState state) {
    if (completedFutures.isEmpty() || !FUTURE_RESULT.matches(call, state)) {
      return false;
    }
    ExpressionTree future = ASTHelpers.getReceiver(call);
    return future != null && completedFutures.contains(ASTHelpers.getSymbol(future));
  }

  /** What makes the thread one that must not block. */
  public enum Kind {
    /** A method annotated with any {@code NonBlocking}, or a method of a class so annotated. */
    NON_BLOCKING_METHOD,
    /**
     * A task given to a {@code CompletableFuture} {@code *Async} method without an executor: it runs
     * on the common {@code ForkJoinPool}, and an executor argument would move it.
     */
    DEFAULT_ASYNC_EXECUTOR,
    /** A task given to the common {@code ForkJoinPool} by name ({@code ForkJoinPool.commonPool()}). */
    COMMON_POOL,
    /** A lambda of a parallel stream's operation: it runs on the common {@code ForkJoinPool}. */
    PARALLEL_STREAM,
    /** A framework callback that runs on an event loop, such as a Netty channel handler's. */
    EVENT_LOOP_CALLBACK,
    /** A Reactor or RxJava lambda that runs on whatever thread signals the stream. */
    REACTIVE_OPERATOR,
    /** A Reactor or RxJava lambda moved onto a scheduler whose threads must not block. */
    NON_BLOCKING_SCHEDULER
  }
}
