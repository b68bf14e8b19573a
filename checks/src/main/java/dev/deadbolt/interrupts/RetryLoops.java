package dev.deadbolt.interrupts;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.LambdaExpressionTree;
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
 * loop go round again retries the blocking call, so the thread never stops. (An enhanced for over a
 * collection ends by itself, so it is not a retry loop.)
 */
public final class RetryLoops {
  private RetryLoops() {}

  /** Whether {@code leak}, found in the handler at {@code catchPath}, goes round a retry loop. */
  public static boolean goesRound(Leak leak, TreePath catchPath) {
    if (leak.exit() == Exit.CONTINUES) {
      Tree target = ((JCTree.JCContinue) leak.at()).target;
      return isRetryLoop(target);
    }
    if (leak.exit() != Exit.COMPLETES) {
      return false;
    }
    // Falling off the handler continues after the try; look for the loop around it.
    TreePath tryPath = catchPath.getParentPath();
    Tree child = tryPath.getLeaf();
    for (TreePath p = tryPath.getParentPath(); p != null; p = p.getParentPath()) {
      Tree parent = p.getLeaf();
      if (isRetryLoop(parent)) {
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

  private static boolean isRetryLoop(Tree tree) {
    return tree instanceof WhileLoopTree
        || tree instanceof DoWhileLoopTree
        || tree instanceof ForLoopTree;
  }

  private static boolean isLoop(Tree tree) {
    return tree instanceof EnhancedForLoopTree || isRetryLoop(tree);
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
