package dev.deadbolt.contexts;

import static dev.deadbolt.javac.KnownMethod.anyOf;
import static dev.deadbolt.javac.KnownMethod.instanceMethod;
import static dev.deadbolt.javac.KnownMethod.staticMethod;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import dev.deadbolt.contexts.NonBlockingContext.Kind;
import dev.deadbolt.javac.Calls;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Tasks that run on the common {@code ForkJoinPool}: those given to a {@code CompletableFuture}
 * {@code *Async} method without an executor (or with the common pool, or a {@code delayedExecutor}
 * that hands over to it), and those submitted to {@code ForkJoinPool.commonPool()} itself.
 */
final class CommonPoolTasks {
  private static final String COMPLETABLE_FUTURE = "java.util.concurrent.CompletableFuture";
  private static final String ASYNC = "Async";

  private static final Matcher<ExpressionTree> ASYNC_METHOD =
      anyOf(
          staticMethod(COMPLETABLE_FUTURE).namedWithSuffix(ASYNC),
          instanceMethod(COMPLETABLE_FUTURE).namedWithSuffix(ASYNC));
  private static final Matcher<ExpressionTree> COMMON_POOL =
      staticMethod("java.util.concurrent.ForkJoinPool", "commonPool");
  /** {@code delayedExecutor(delay, unit)}, without an executor, runs the task on the common pool. */
  private static final Matcher<ExpressionTree> DEFAULT_DELAYED_EXECUTOR =
      staticMethod(COMPLETABLE_FUTURE, "delayedExecutor")
          .withParameters("long", "java.util.concurrent.TimeUnit");
  private static final Matcher<ExpressionTree> ALL_OF =
      staticMethod(COMPLETABLE_FUTURE, "allOf");
  /** Stages that run after both their receiver and their first argument completed. */
  private static final Matcher<ExpressionTree> BOTH =
      instanceMethod(
          COMPLETABLE_FUTURE, "thenCombineAsync", "thenAcceptBothAsync", "runAfterBothAsync");
  /** The names of the calls {@link #isCommonPool} recognizes. */
  private static final ImmutableSet<String> COMMON_POOL_WRITTEN_NAMES =
      ImmutableSet.of("commonPool", "delayedExecutor");
  private static final Matcher<ExpressionTree> POOL_SUBMIT =
      instanceMethod("java.util.concurrent.ForkJoinPool", "submit", "execute");

  private CommonPoolTasks() {}

  /**
   * The context of the lambda or method reference at {@code function}, an argument of the call at
   * {@code callPath}, when that call hands it to the common pool.
   */
  static Optional<NonBlockingContext> contextOf(
      TreePath function, TreePath callPath, VisitorState state) {
    MethodInvocationTree call = (MethodInvocationTree) callPath.getLeaf();
    String name = Calls.methodName(call);
    boolean submit = name.equals("submit") || name.equals("execute");
    if (!submit && !name.endsWith("Async")) {
      return Optional.empty(); // by name first: the matchers below name nothing else
    }
    String given = NonBlockingContexts.functionNoun(function) + " given to ";
    // The receiver first: `executor.submit(...)` is common, `ForkJoinPool.commonPool().submit` rare.
    if (submit
        && isCommonPool(ASTHelpers.getReceiver(call), state)
        && POOL_SUBMIT.matches(call, state)) {
      return Optional.of(
          new NonBlockingContext(
              Kind.COMMON_POOL,
              given + "`ForkJoinPool.commonPool()." + Calls.methodName(call) + "()`",
              callPath));
    }
    if (!ASYNC_METHOD.matches(call, state)) {
      return Optional.empty();
    }
    String method = "`CompletableFuture." + Calls.methodName(call) + "()`";
    OptionalInt executor = executorParameter(ASTHelpers.getSymbol(call), state);
    if (executor.isEmpty()) {
      return Optional.of(
          new NonBlockingContext(
              Kind.DEFAULT_ASYNC_EXECUTOR,
              given + method + " without an executor",
              callPath,
              completedBefore(call, state)));
    }
    ExpressionTree argument = call.getArguments().get(executor.getAsInt());
    if (isCommonPool(argument, state)) {
      return Optional.of(
          new NonBlockingContext(
              Kind.COMMON_POOL,
              given + method + " with `" + argument + "`",
              callPath,
              completedBefore(call, state)));
    }
    return Optional.empty();
  }

  /**
   * The futures, named by variables, that the stage {@code call} creates runs after: its receiver, the
   * arguments of an {@code allOf} receiver, and the other stage of a {@code thenCombine}-like call.
   * Their {@code join()} in the stage's function returns at once.
   */
  private static ImmutableSet<Symbol> completedBefore(MethodInvocationTree call, VisitorState state) {
    ImmutableSet.Builder<Symbol> completed = ImmutableSet.builder();
    ExpressionTree receiver = ASTHelpers.getReceiver(call); // for supplyAsync, a type: no variable
    if (receiver != null) {
      receiver = ASTHelpers.stripParentheses(receiver);
      if (ALL_OF.matches(receiver, state)) {
        ((MethodInvocationTree) receiver).getArguments().forEach(f -> addVariable(f, completed));
      } else {
        addVariable(receiver, completed);
      }
    }
    if (BOTH.matches(call, state) && !call.getArguments().isEmpty()) {
      addVariable(call.getArguments().get(0), completed);
    }
    return completed.build();
  }

  private static void addVariable(ExpressionTree future, ImmutableSet.Builder<Symbol> into) {
    if (ASTHelpers.getSymbol(ASTHelpers.stripParentheses(future)) instanceof VarSymbol variable) {
      into.add(variable);
    }
  }

  /** {@code ForkJoinPool.commonPool()}, or a {@code delayedExecutor} that hands over to it. */
  private static boolean isCommonPool(ExpressionTree executor, VisitorState state) {
    executor = executor == null ? null : ASTHelpers.stripParentheses(executor);
    // By the name as written first: most executors are variables or fields.
    return executor instanceof MethodInvocationTree invocation
        && COMMON_POOL_WRITTEN_NAMES.contains(Calls.methodName(invocation))
        && (COMMON_POOL.matches(executor, state)
            || DEFAULT_DELAYED_EXECUTOR.matches(executor, state));
  }

  /** The index of the parameter of type {@code Executor}, if the method has one. */
  private static OptionalInt executorParameter(MethodSymbol method, VisitorState state) {
    Type executor = state.getTypeFromString("java.util.concurrent.Executor");
    List<VarSymbol> parameters = method.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      if (executor != null && state.getTypes().isSameType(parameters.get(i).type, executor)) {
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.empty();
  }
}
