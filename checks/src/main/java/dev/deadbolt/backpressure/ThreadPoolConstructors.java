package dev.deadbolt.backpressure;

import static dev.deadbolt.javac.KnownMethod.constructor;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import java.util.List;

/**
 * Constructions of {@code ThreadPoolExecutor} ({@code new} or a subclass's {@code super(...)}) and
 * where its bounds sit among their arguments.
 */
public final class ThreadPoolConstructors {
  // Exactly ThreadPoolExecutor: a subclass's own constructor may order its parameters differently.
  private static final Matcher<ExpressionTree> CONSTRUCTOR =
      constructor("java.util.concurrent.ThreadPoolExecutor");

  // Every constructor starts (corePoolSize, maximumPoolSize, keepAliveTime, unit, workQueue, ...).
  public static final int MAXIMUM_POOL_SIZE = 1;
  public static final int WORK_QUEUE = 4;

  private ThreadPoolConstructors() {}

  /** The arguments of a ThreadPoolExecutor construction, or an empty list for anything else. */
  public static List<? extends ExpressionTree> arguments(Tree tree, VisitorState state) {
    List<? extends ExpressionTree> args;
    if (tree instanceof NewClassTree newClass) {
      args = newClass.getArguments();
    } else if (tree instanceof MethodInvocationTree invocation) {
      args = invocation.getArguments();
    } else {
      return List.of();
    }
    return args.size() > WORK_QUEUE && CONSTRUCTOR.matches((ExpressionTree) tree, state)
        ? args
        : List.of();
  }

  /**
   * Whether the current node is passed directly as the work queue of a ThreadPoolExecutor, where
   * UnboundedExecutor reports it (one finding per unbounded buffer, not two).
   */
  public static boolean isWorkQueueArgument(VisitorState state) {
    TreePath path = state.getPath();
    Tree argument = path.getLeaf();
    TreePath parent = path.getParentPath();
    while (parent != null && parent.getLeaf() instanceof ParenthesizedTree) {
      argument = parent.getLeaf();
      parent = parent.getParentPath();
    }
    if (parent == null) {
      return false;
    }
    List<? extends ExpressionTree> args = arguments(parent.getLeaf(), state);
    return !args.isEmpty() && args.get(WORK_QUEUE) == argument;
  }
}
