package dev.deadbolt.checks;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern.LinkType;
import com.google.errorprone.BugPattern.StandardTags;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.matchers.UnusedReturnValueMatcher;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import dev.deadbolt.engine.DeadboltChecker;
import dev.deadbolt.engine.DocLinks;
import dev.deadbolt.engine.NodeMatchers.MethodInvocationMatcher;
import dev.deadbolt.interrupts.InterruptCalls;
import dev.deadbolt.interrupts.InterruptCatch;
import dev.deadbolt.interrupts.JUnitCode;
import dev.deadbolt.interrupts.TaskBodies;

/**
 * {@code Thread.interrupted();} with its result ignored: it clears the interrupt status, so a pending
 * stop request is dropped without anyone deciding to.
 */
@AutoService(BugChecker.class)
@BugPattern(
    name = "InterruptStatusCleared",
    summary =
        "Thread.interrupted() clears the interrupt status; ignoring its result drops a pending stop"
            + " request",
    severity = WARNING,
    linkType = LinkType.CUSTOM,
    link = DocLinks.BASE + "InterruptStatusCleared.md",
    tags = StandardTags.CONCURRENCY)
public final class InterruptStatusCleared extends DeadboltChecker implements MethodInvocationMatcher {

  public InterruptStatusCleared() {}

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    if (!InterruptCalls.isClear(tree, state)
        || !UnusedReturnValueMatcher.isReturnValueUnused(tree, state)
        || insideInterruptHandler(state.getPath(), state)
        // Tests clear the status on purpose, so that an interrupt one test provoked does not leak
        // into the next test run on the same thread.
        || JUnitCode.contains(state.getPath())) {
      return Description.NO_MATCH;
    }
    return finding(tree, state)
        .message(
            "Thread.interrupted() clears the interrupt status and its result is ignored, so a"
                + " pending cancel(true) or shutdownNow() is silently dropped; test it with"
                + " Thread.currentThread().isInterrupted(), or act on the result")
        .report();
  }

  /**
   * In a handler that can catch InterruptedException the status was already cleared by the throw;
   * the call there is a botched restore, which InterruptNotRestored reports (with a fix) at the catch.
   */
  private static boolean insideInterruptHandler(TreePath path, VisitorState state) {
    TreePath body = TaskBodies.enclosingBody(path);
    Tree child = path.getLeaf();
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      if (body != null && p.getLeaf() == body.getLeaf()) {
        return false;
      }
      if (p.getLeaf() instanceof CatchTree handler
          && handler.getBlock() == child
          && InterruptCatch.of(p, state) != InterruptCatch.NONE) {
        return true;
      }
      child = p.getLeaf();
    }
    return false;
  }
}
