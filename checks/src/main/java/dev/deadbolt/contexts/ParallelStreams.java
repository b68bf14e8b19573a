package dev.deadbolt.contexts;

import static dev.deadbolt.javac.KnownMethod.instanceMethod;
import static dev.deadbolt.javac.KnownMethod.staticMethod;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import dev.deadbolt.contexts.NonBlockingContext.Kind;
import dev.deadbolt.javac.Calls;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Lambdas of a parallel stream's operations, which run on the common {@code ForkJoinPool}. A pipeline is
 * the chain of calls written as one expression, from its source ({@code list.parallelStream()}) to its
 * terminal operation; its last {@code parallel()} or {@code sequential()} decides how all of it runs. A
 * pipeline that starts from a variable is taken as sequential: its source is out of sight.
 */
final class ParallelStreams {
  private static final String BASE_STREAM = "java.util.stream.BaseStream";

  private static final Matcher<ExpressionTree> STREAM_OPERATION =
      instanceMethod(BASE_STREAM);
  private static final Matcher<ExpressionTree> PARALLEL =
      instanceMethod(BASE_STREAM, "parallel");
  private static final Matcher<ExpressionTree> SEQUENTIAL =
      instanceMethod(BASE_STREAM, "sequential");
  private static final Matcher<ExpressionTree> PARALLEL_STREAM =
      instanceMethod("java.util.Collection", "parallelStream");
  /** {@code StreamSupport.stream(spliterator, parallel)} and its variants. */
  private static final Matcher<ExpressionTree> STREAM_SUPPORT =
      staticMethod(
          "java.util.stream.StreamSupport", "stream", "intStream", "longStream", "doubleStream");

  private ParallelStreams() {}

  /**
   * The context of the lambda or method reference at {@code function}, an argument of the call at
   * {@code callPath}, when that call is an operation of a parallel stream.
   */
  static Optional<NonBlockingContext> contextOf(
      TreePath function, TreePath callPath, VisitorState state) {
    MethodInvocationTree call = (MethodInvocationTree) callPath.getLeaf();
    if (!STREAM_OPERATION.matches(call, state) || !isParallel(callPath, state)) {
      return Optional.empty();
    }
    return Optional.of(
        new NonBlockingContext(
            Kind.PARALLEL_STREAM,
            NonBlockingContexts.functionNoun(function)
                + " given to `"
                + Calls.methodName(call)
                + "()` of a parallel stream",
            callPath));
  }

  /** Whether the pipeline the stream operation at {@code operation} belongs to runs in parallel. */
  private static boolean isParallel(TreePath operation, VisitorState state) {
    boolean parallel = false;
    for (MethodInvocationTree call : pipeline(operation, state)) {
      if (PARALLEL.matches(call, state) || PARALLEL_STREAM.matches(call, state)) {
        parallel = true;
      } else if (SEQUENTIAL.matches(call, state)) {
        parallel = false;
      } else if (STREAM_SUPPORT.matches(call, state) && !call.getArguments().isEmpty()) {
        ExpressionTree last = call.getArguments().get(call.getArguments().size() - 1);
        parallel = Boolean.TRUE.equals(ASTHelpers.constValue(last, Boolean.class));
      }
    }
    return parallel;
  }

  /**
   * The calls of the pipeline, source first: the operation's receivers back to the first call that is
   * not a stream operation (the source), then the calls made on its result up to the first that does
   * not return a stream (the terminal operation).
   */
  private static Deque<MethodInvocationTree> pipeline(TreePath operation, VisitorState state) {
    Deque<MethodInvocationTree> calls = new ArrayDeque<>();
    MethodInvocationTree call = (MethodInvocationTree) operation.getLeaf();
    calls.add(call);
    ExpressionTree upstream = ASTHelpers.getReceiver(call);
    while (upstream instanceof MethodInvocationTree receiver) {
      calls.addFirst(receiver);
      if (!STREAM_OPERATION.matches(receiver, state)) {
        break;
      }
      upstream = ASTHelpers.getReceiver(receiver);
    }
    TreePath path = operation;
    while (isStream(path.getLeaf(), state)
        && path.getParentPath().getLeaf() instanceof MemberSelectTree select
        && select.getExpression() == path.getLeaf()
        && path.getParentPath().getParentPath().getLeaf() instanceof MethodInvocationTree next
        && next.getMethodSelect() == select) {
      calls.addLast(next);
      path = path.getParentPath().getParentPath();
    }
    return calls;
  }

  private static boolean isStream(Tree tree, VisitorState state) {
    return tree instanceof ExpressionTree expression
        && ASTHelpers.isSubtype(
            ASTHelpers.getType(expression), state.getTypeFromString(BASE_STREAM), state);
  }
}
