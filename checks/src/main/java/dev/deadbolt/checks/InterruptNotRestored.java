package dev.deadbolt.checks;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern.LinkType;
import com.google.errorprone.BugPattern.StandardTags;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.tree.JCTree;
import dev.deadbolt.engine.DeadboltChecker;
import dev.deadbolt.engine.DocLinks;
import dev.deadbolt.engine.Finding;
import dev.deadbolt.engine.NodeMatchers.CatchMatcher;
import dev.deadbolt.interrupts.HandlerPaths.Leak;
import dev.deadbolt.interrupts.HandlerPaths;
import dev.deadbolt.interrupts.InterruptCalls;
import dev.deadbolt.interrupts.InterruptCatch;
import dev.deadbolt.interrupts.JUnitCode;
import dev.deadbolt.interrupts.LoggingCalls;
import dev.deadbolt.interrupts.RetryLoops;
import dev.deadbolt.interrupts.StopFlags.Order;
import dev.deadbolt.interrupts.StopFlags.Protocol;
import dev.deadbolt.interrupts.StopFlags;
import dev.deadbolt.interrupts.TaskBodies;
import java.util.ArrayList;
import java.util.List;

/**
 * A catch clause that can receive an {@link InterruptedException} and can be left on some path without
 * restoring the interrupt status or propagating the interruption. The path reasoning is {@link
 * HandlerPaths}; this class decides which leaks matter and words the finding.
 */
@AutoService(BugChecker.class)
@BugPattern(
    name = "InterruptNotRestored",
    summary =
        "This handler catches InterruptedException and can finish without restoring the interrupt"
            + " status or propagating the interruption",
    severity = WARNING,
    linkType = LinkType.CUSTOM,
    link = DocLinks.BASE + "InterruptNotRestored.md",
    tags = StandardTags.CONCURRENCY)
public final class InterruptNotRestored extends DeadboltChecker implements CatchMatcher {
  private static final String RESTORE = "Thread.currentThread().interrupt();";
  private static final String CONSEQUENCE =
      "so whoever interrupted this thread (Future.cancel(true), shutdownNow()) cannot stop it";

  public InterruptNotRestored() {}

  @Override
  public Description matchCatch(CatchTree tree, VisitorState state) {
    TreePath catchPath = state.getPath();
    InterruptCatch kind = InterruptCatch.of(catchPath, state);
    if (kind == InterruptCatch.NONE || JUnitCode.contains(catchPath)) {
      return Description.NO_MATCH;
    }
    List<Leak> leaks = new ArrayList<>();
    boolean retries = false;
    Protocol lateClear = null;
    for (Leak leak : HandlerPaths.leaks(catchPath, state)) {
      if (honouredByStopping(leak, catchPath, state)) {
        continue;
      }
      if (RetryLoops.goesRound(leak, catchPath, state)) {
        // A loop on a flag that the stopping code clears before it interrupts tests the flag again
        // and ends: the interrupt only had to wake the thread.
        Protocol protocol = StopFlags.of(RetryLoops.loopOf(leak, catchPath), state);
        if (protocol.order() == Order.CLEARS_FIRST) {
          continue;
        }
        retries = true;
        if (protocol.order() == Order.INTERRUPTS_FIRST) {
          lateClear = protocol;
        }
      }
      leaks.add(leak);
    }
    if (leaks.isEmpty()) {
      return Description.NO_MATCH;
    }
    Finding finding =
        finding(tree, state).message(message(tree, kind, leaks, retries, lateClear, state));
    // Restoring and then going round a retry loop would make the next blocking call throw at once,
    // forever: that needs a decision about leaving the loop, so no automatic fix there.
    if (!retries) {
      SuggestedFix fix = restoreFirst(tree, kind, state);
      if (fix != null) {
        finding.fix(fix);
      }
    }
    return finding.report();
  }

  /**
   * A {@code Runnable}'s {@code run()} that stops when interrupted has acted on the interrupt: the task
   * is over and its thread ends, or goes back to a pool that resets the status itself ({@code
   * ThreadPoolExecutor} before each task), so the status has no reader left. It stops by returning;
   * by falling off the handler, or breaking out of the task's loop, into code that ends the task
   * without waiting again; or by setting the flag of such a loop ({@code while (running)} with {@code
   * running = false} in the handler).
   */
  private static boolean honouredByStopping(Leak leak, TreePath catchPath, VisitorState state) {
    switch (leak.exit()) {
      case RETURNS -> {
        TreePath body = TaskBodies.enclosingBody(catchPath);
        return body != null && TaskBodies.isRunnableBody(body.getLeaf(), state);
      }
      case COMPLETES -> {
        if (TaskBodies.endsTaskWithoutWaiting(
            catchPath, catchPath.getParentPath().getLeaf(), state)) {
          return true;
        }
      }
      case BREAKS -> {
        Tree target = ((JCTree.JCBreak) leak.at()).target;
        return target != null && TaskBodies.endsTaskWithoutWaiting(catchPath, target, state);
      }
      default -> {}
    }
    TreePath loop = RetryLoops.loopOf(leak, catchPath);
    return loop != null
        && RetryLoops.handlerStopsLoop(catchPath, loop)
        && TaskBodies.endsTaskWithoutWaiting(loop, loop.getLeaf(), state);
  }

  private static String message(
      CatchTree tree,
      InterruptCatch kind,
      List<Leak> leaks,
      boolean retries,
      Protocol lateClear,
      VisitorState state) {
    String subject =
        kind == InterruptCatch.ALWAYS
            ? "This handler"
            : "This catch also receives InterruptedException and";
    if (lateClear != null) {
      return subject
          + " swallows the interrupt inside a loop on "
          + lateClear.flag()
          + ", and "
          + lateClear.stopper()
          + " interrupts before it clears "
          + lateClear.flag()
          + ", so the loop can test the flag too early and wait again with no interrupt left to wake"
          + " it; clear the flag before interrupting";
    }
    if (retries) {
      return subject
          + " swallows the interrupt inside a loop that goes round and blocks again, so this thread"
          + " ignores every request to stop; restore the status with "
          + "Thread.currentThread().interrupt() and leave the loop, or record it and restore it after"
          + " the loop";
    }
    if (!InterruptCalls.bareClears(tree.getBlock(), state).isEmpty()) {
      return subject
          + " calls Thread.interrupted(), which clears the interrupt status instead of restoring it, "
          + CONSEQUENCE
          + "; call Thread.currentThread().interrupt() instead";
    }
    Leak first = leaks.get(0);
    String what =
        switch (first.exit()) {
          case THROWS ->
              " throws "
                  + thrownName((ThrowTree) first.at())
                  + " on line "
                  + line(first.at(), state)
                  + " without restoring the interrupt status, so callers cannot tell the work was"
                  + " interrupted and "
                  + CONSEQUENCE.substring("so ".length());
          case RETURNS ->
              " returns on line "
                  + line(first.at(), state)
                  + " without restoring the interrupt status, "
                  + CONSEQUENCE;
          case BREAKS, CONTINUES ->
              " jumps out on line "
                  + line(first.at(), state)
                  + " without restoring the interrupt status, "
                  + CONSEQUENCE;
          case COMPLETES ->
              LoggingCalls.onlyReports(tree.getBlock(), state)
                  ? (tree.getBlock().getStatements().isEmpty()
                          ? " swallows the interrupt"
                          : " only logs the interrupt")
                      + ": the status stays cleared, "
                      + CONSEQUENCE
                  : " can finish without restoring the interrupt status or rethrowing, " + CONSEQUENCE;
        };
    return subject + what + "; call Thread.currentThread().interrupt() first";
  }

  private static String thrownName(ThrowTree throwTree) {
    Type type = ASTHelpers.getType(throwTree.getExpression());
    return type == null ? "an exception" : type.tsym.getSimpleName().toString();
  }

  private static long line(Tree tree, VisitorState state) {
    return state
        .getPath()
        .getCompilationUnit()
        .getLineMap()
        .getLineNumber(ASTHelpers.getStartPosition(tree));
  }

  /**
   * Restores the status as the handler's first statement, guarded by {@code instanceof} when the
   * catch also receives other exceptions, and drops bare {@code Thread.interrupted()} calls that would
   * clear it again.
   */
  private static SuggestedFix restoreFirst(CatchTree tree, InterruptCatch kind, VisitorState state) {
    String name = tree.getParameter().getName().toString();
    String restore;
    if (kind == InterruptCatch.ALWAYS) {
      restore = RESTORE;
    } else if (name.equals("_")) {
      return null; // an unnamed catch parameter cannot be tested
    } else {
      restore = "if (" + name + " instanceof InterruptedException) { " + RESTORE + " }";
    }
    BlockTree block = tree.getBlock();
    List<StatementTree> clears = InterruptCalls.bareClears(block, state);
    SuggestedFix.Builder fix = SuggestedFix.builder();
    List<? extends StatementTree> statements = block.getStatements();
    if (statements.isEmpty()) {
      return fix.replace(block, "{ " + restore + " }").build();
    }
    StatementTree first = statements.get(0);
    if (clears.contains(first)) {
      fix.replace(first, restore);
    } else {
      fix.prefixWith(first, restore + "\n");
    }
    for (StatementTree clear : clears) {
      if (clear != first) {
        fix.delete(clear);
      }
    }
    return fix.build();
  }
}
