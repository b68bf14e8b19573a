package dev.deadbolt.interrupts;

import static dev.deadbolt.javac.KnownMethod.anyOf;
import static dev.deadbolt.javac.KnownMethod.instanceMethod;
import static dev.deadbolt.javac.KnownMethod.staticMethod;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers.ScanThrownTypes;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.tree.JCTree;
import java.util.List;
import java.util.Locale;

/**
 * Task loops that cannot be stopped: a {@code while (true)}/{@code for (;;)} loop directly in a task
 * body that waits or polls on every round, yet has no way out (no return, break or throw, no
 * interruption exception escaping it) and never asks whether it was interrupted or cancelled.
 *
 * <p>Requiring all of that keeps the verdict precise: a loop with any exit is assumed to use it to
 * stop, and a loop that never waits is a computation, not a worker.
 */
public final class TaskLoops {
  /** What a loop does about interruption. */
  public enum Verdict {
    /** Not an endless task loop that waits, or it has some way to stop. */
    STOPPABLE,
    /** It waits or polls but nothing in it looks at interruption. */
    IGNORES_INTERRUPT,
    /**
     * It catches the interrupt, restores it and goes round again: the next wait throws at once, so
     * the loop spins.
     */
    SPINS_AFTER_RESTORE,
    /**
     * A handler inside swallows the interrupt: InterruptNotRestored reports that handler, so the
     * loop is not reported twice.
     */
    SWALLOWED_INSIDE
  }

  /** Waits that wake up on their own or return on interrupt without throwing. */
  private static final Matcher<ExpressionTree> UNINTERRUPTIBLE_WAITS =
      anyOf(
          instanceMethod("java.util.Queue", "poll").withNoParameters(),
          instanceMethod("java.util.Deque", "pollFirst", "pollLast"),
          instanceMethod("java.nio.channels.Selector", "select", "selectNow"),
          staticMethod("java.util.concurrent.locks.LockSupport", "park", "parkNanos", "parkUntil"),
          staticMethod("java.lang.Thread", "onSpinWait", "yield"),
          instanceMethod("java.util.concurrent.locks.Condition", "awaitUninterruptibly"),
          staticMethod("com.google.common.util.concurrent.Uninterruptibles"));

  private TaskLoops() {}

  /** Judges the loop at the end of {@code loopPath}. */
  public static Verdict judge(TreePath loopPath, VisitorState state) {
    Tree loop = loopPath.getLeaf();
    StatementTree body = endlessBody(loop);
    if (body == null) {
      return Verdict.STOPPABLE;
    }
    TreePath task = TaskBodies.enclosingBody(loopPath);
    if (task == null || !TaskBodies.isTaskBody(task.getLeaf(), state)) {
      return Verdict.STOPPABLE;
    }
    if (BodySearch.anyMatch(body, tree -> leavesLoop(tree, loop, body))
        || letsInterruptionEscape(body, state)
        || BodySearch.anyMatch(body, tree -> asksAboutStopping(tree, state))
        || !BodySearch.anyMatch(body, tree -> waits(tree, state))) {
      return Verdict.STOPPABLE;
    }
    boolean restores = false;
    TreePath bodyPath = new TreePath(loopPath, body);
    for (Tree handler : BodySearch.findAll(body, tree -> tree instanceof CatchTree)) {
      TreePath handlerPath = TreePath.getPath(bodyPath, handler);
      if (handlerPath == null || InterruptCatch.of(handlerPath, state) == InterruptCatch.NONE) {
        continue;
      }
      if (!HandlerPaths.leaks(handlerPath, state).isEmpty()) {
        return Verdict.SWALLOWED_INSIDE;
      }
      restores = true;
    }
    return restores ? Verdict.SPINS_AFTER_RESTORE : Verdict.IGNORES_INTERRUPT;
  }

  /** The body of a loop whose condition is absent or constantly true; null for any other loop. */
  private static StatementTree endlessBody(Tree loop) {
    if (loop instanceof WhileLoopTree whileLoop && alwaysTrue(whileLoop.getCondition())) {
      return whileLoop.getStatement();
    }
    if (loop instanceof DoWhileLoopTree doLoop && alwaysTrue(doLoop.getCondition())) {
      return doLoop.getStatement();
    }
    if (loop instanceof ForLoopTree forLoop
        && (forLoop.getCondition() == null || alwaysTrue(forLoop.getCondition()))) {
      return forLoop.getStatement();
    }
    return null;
  }

  private static boolean alwaysTrue(ExpressionTree condition) {
    return Boolean.TRUE.equals(ASTHelpers.constValue(ASTHelpers.stripParentheses(condition), Boolean.class));
  }

  /**
   * A return or throw anywhere, a break out of the body, or a continue of an outer loop; a continue of
   * this loop goes round again.
   */
  private static boolean leavesLoop(Tree tree, Tree loop, StatementTree body) {
    if (tree instanceof ReturnTree || tree instanceof ThrowTree) {
      return true;
    }
    if (tree instanceof ContinueTree) {
      Tree target = ((JCTree.JCContinue) tree).target;
      return target != loop && !BodySearch.anyMatch(body, t -> t == target);
    }
    if (tree instanceof BreakTree) {
      Tree target = ((JCTree.JCBreak) tree).target;
      return !BodySearch.anyMatch(body, t -> t == target);
    }
    return false;
  }

  /** An InterruptedException (or another "interrupted" exception) can propagate out of the body. */
  private static boolean letsInterruptionEscape(StatementTree body, VisitorState state) {
    ScanThrownTypes scanner = new ScanThrownTypes(state);
    scanner.scan(body, null);
    for (Type thrown : scanner.getThrownTypes()) {
      if (InterruptCalls.signalsInterruption(thrown, state)) {
        return true;
      }
    }
    return false;
  }

  /** Reads the interrupt status, or a cancellation/shutdown state by a telling name. */
  private static boolean asksAboutStopping(Tree tree, VisitorState state) {
    if (!(tree instanceof MethodInvocationTree call)) {
      return false;
    }
    if (InterruptCalls.isQuery(call, state)) {
      return true;
    }
    String name = ASTHelpers.getSymbol(call).getSimpleName().toString().toLowerCase(Locale.ROOT);
    return name.contains("interrupted")
        || name.contains("cancel")
        || name.equals("isshutdown")
        || name.equals("isterminated");
  }

  /** A call that blocks for a while or polls: the points where a loop could notice a stop request. */
  private static boolean waits(Tree tree, VisitorState state) {
    if (!(tree instanceof MethodInvocationTree call)) {
      return false;
    }
    if (UNINTERRUPTIBLE_WAITS.matches(call, state)) {
      return true;
    }
    Type interrupted = InterruptCalls.interruptedException(state);
    List<Type> thrown = ASTHelpers.getSymbol(call).getThrownTypes();
    return thrown.stream().anyMatch(t -> ASTHelpers.isSubtype(t, interrupted, state));
  }
}
