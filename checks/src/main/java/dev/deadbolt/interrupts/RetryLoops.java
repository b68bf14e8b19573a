package dev.deadbolt.interrupts;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.tree.JCTree;
import dev.deadbolt.interrupts.HandlerPaths.Exit;
import dev.deadbolt.interrupts.HandlerPaths.Leak;
import java.util.List;

/**
 * Retry loops: a handler that swallows an interrupt and lets a {@code while}/{@code do}/{@code for}
 * loop go round again retries the blocking call, so the thread never stops. An enhanced for over a
 * collection ends by itself, and a loop whose condition reads the interrupt status ends once the
 * status is restored, so neither is a retry loop.
 */
public final class RetryLoops {
  private RetryLoops() {}

  /** Whether {@code leak}, found in the handler at {@code catchPath}, goes round a retry loop. */
  public static boolean goesRound(Leak leak, TreePath catchPath, VisitorState state) {
    if (leak.exit() == Exit.CONTINUES) {
      Tree target = ((JCTree.JCContinue) leak.at()).target;
      return isRetryLoop(target, state);
    }
    if (leak.exit() != Exit.COMPLETES) {
      return false;
    }
    // Falling off the handler continues after the try; look for the loop around it.
    TreePath tryPath = catchPath.getParentPath();
    Tree child = tryPath.getLeaf();
    for (TreePath p = tryPath.getParentPath(); p != null; p = p.getParentPath()) {
      Tree parent = p.getLeaf();
      if (isRetryLoop(parent, state)) {
        return true;
      }
      if (parent instanceof MethodTree
          || parent instanceof LambdaExpressionTree
          || parent instanceof ClassTree
          || isLoop(parent)) {
        return false;
      }
      if (parent instanceof BlockTree block && leavesAfter(block.getStatements(), child)) {
        return false;
      }
      child = parent;
    }
    return false;
  }

  private static boolean isRetryLoop(Tree tree, VisitorState state) {
    ExpressionTree condition =
        tree instanceof WhileLoopTree whileLoop
            ? whileLoop.getCondition()
            : tree instanceof DoWhileLoopTree doLoop
                ? doLoop.getCondition()
                : tree instanceof ForLoopTree forLoop ? forLoop.getCondition() : null;
    boolean loop =
        tree instanceof WhileLoopTree || tree instanceof DoWhileLoopTree || tree instanceof ForLoopTree;
    return loop
        && (condition == null
            || !BodySearch.anyMatch(
                condition,
                t -> t instanceof MethodInvocationTree call && InterruptCalls.isQuery(call, state)));
  }

  private static boolean isLoop(Tree tree) {
    return tree instanceof EnhancedForLoopTree
        || tree instanceof WhileLoopTree
        || tree instanceof DoWhileLoopTree
        || tree instanceof ForLoopTree;
  }

  /** Whether a statement after {@code child} in {@code statements} always leaves. */
  private static boolean leavesAfter(List<? extends StatementTree> statements, Tree child) {
    boolean after = false;
    for (StatementTree statement : statements) {
      if (after
          && (statement instanceof BreakTree
              || statement instanceof ReturnTree
              || statement instanceof ThrowTree)) {
        return true;
      }
      after |= statement == child;
    }
    return false;
  }
}
