package dev.deadbolt.interrupts;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.tree.JCTree;
import dev.deadbolt.interrupts.HandlerPaths.Exit;
import dev.deadbolt.interrupts.HandlerPaths.Leak;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ElementKind;

/**
 * Retry loops: a handler that swallows an interrupt and lets a {@code while}/{@code do}/{@code for}
 * loop go round again retries the blocking call, so the thread never stops. Not retry loops: an
 * enhanced for over a collection (it ends by itself), a loop whose condition reads the interrupt status
 * (it ends once the status is restored), and a loop whose condition reads a flag the handler sets
 * ({@code while (running)} with {@code running = false} in the handler).
 */
public final class RetryLoops {
  private RetryLoops() {}

  /**
   * The loop that {@code leak} (falling off the handler at {@code catchPath}, or a {@code continue})
   * goes back to, or null when it leaves the method first.
   */
  public static TreePath loopOf(Leak leak, TreePath catchPath) {
    if (leak.exit() == Exit.CONTINUES) {
      Tree target = ((JCTree.JCContinue) leak.at()).target;
      return target == null ? null : TreePath.getPath(catchPath.getCompilationUnit(), target);
    }
    if (leak.exit() != Exit.COMPLETES) {
      return null;
    }
    // Falling off the handler continues after the try; look for the loop around it.
    TreePath tryPath = catchPath.getParentPath();
    Tree child = tryPath.getLeaf();
    for (TreePath p = tryPath.getParentPath(); p != null; p = p.getParentPath()) {
      Tree parent = p.getLeaf();
      if (isLoop(parent)) {
        return p;
      }
      if (parent instanceof MethodTree
          || parent instanceof LambdaExpressionTree
          || parent instanceof ClassTree
          || (parent instanceof BlockTree block && leavesAfter(block.getStatements(), child))) {
        return null;
      }
      child = parent;
    }
    return null;
  }

  /** Whether {@code leak} goes round a loop that retries, found in the handler at {@code catchPath}. */
  public static boolean goesRound(Leak leak, TreePath catchPath, VisitorState state) {
    TreePath loop = loopOf(leak, catchPath);
    if (loop == null || loop.getLeaf() instanceof EnhancedForLoopTree) {
      return false;
    }
    ExpressionTree condition = condition(loop.getLeaf());
    return condition == null
        || !(BodySearch.anyMatch(
                condition,
                t -> t instanceof MethodInvocationTree call && InterruptCalls.isQuery(call, state))
            || handlerStopsLoop(catchPath, loop));
  }

  /**
   * Whether the handler at {@code catchPath} assigns (or calls a method on, as in {@code
   * stopped.set(true)}) a variable that the condition of {@code loop} reads, so the loop ends.
   */
  public static boolean handlerStopsLoop(TreePath catchPath, TreePath loop) {
    ExpressionTree condition = condition(loop.getLeaf());
    if (condition == null) {
      return false;
    }
    Set<Symbol> flags = new HashSet<>();
    for (Tree read :
        BodySearch.findAll(
            condition, t -> t instanceof IdentifierTree || t instanceof MemberSelectTree)) {
      Symbol symbol = ASTHelpers.getSymbol(read);
      if (symbol != null
          && (symbol.getKind() == ElementKind.FIELD
              || symbol.getKind() == ElementKind.LOCAL_VARIABLE)) {
        flags.add(symbol);
      }
    }
    BlockTree handler = ((CatchTree) catchPath.getLeaf()).getBlock();
    return BodySearch.anyMatch(
        handler,
        t ->
            (t instanceof AssignmentTree assignment
                    && flags.contains(ASTHelpers.getSymbol(assignment.getVariable())))
                || (t instanceof CompoundAssignmentTree compound
                    && flags.contains(ASTHelpers.getSymbol(compound.getVariable())))
                || (t instanceof MethodInvocationTree call
                    && ASTHelpers.getReceiver(call) != null
                    && flags.contains(ASTHelpers.getSymbol(ASTHelpers.getReceiver(call)))));
  }

  static ExpressionTree condition(Tree loop) {
    if (loop instanceof WhileLoopTree whileLoop) {
      return whileLoop.getCondition();
    }
    if (loop instanceof DoWhileLoopTree doLoop) {
      return doLoop.getCondition();
    }
    return loop instanceof ForLoopTree forLoop ? forLoop.getCondition() : null;
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
