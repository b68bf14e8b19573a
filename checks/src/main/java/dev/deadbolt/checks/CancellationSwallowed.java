package dev.deadbolt.checks;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern.LinkType;
import com.google.errorprone.BugPattern.StandardTags;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.TryTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Type;
import dev.deadbolt.engine.DeadboltChecker;
import dev.deadbolt.engine.DocLinks;
import dev.deadbolt.engine.NodeMatchers.CatchMatcher;
import dev.deadbolt.interrupts.CaughtTypes;
import dev.deadbolt.interrupts.FutureWaits;
import dev.deadbolt.interrupts.LoggingCalls;
import dev.deadbolt.interrupts.TaskBodies;
import dev.deadbolt.javac.Calls;
import java.util.List;
import java.util.Set;

/**
 * A {@code catch (CancellationException e)} that does nothing but log, and falls through to the code
 * after the try as if the cancelled work had produced its result.
 */
@AutoService(BugChecker.class)
@BugPattern(
    name = "CancellationSwallowed",
    summary =
        "This handler swallows CancellationException and carries on as if the cancelled work had"
            + " completed",
    severity = WARNING,
    linkType = LinkType.CUSTOM,
    link = DocLinks.BASE + "CancellationSwallowed.md",
    tags = StandardTags.CONCURRENCY)
public final class CancellationSwallowed extends DeadboltChecker implements CatchMatcher {
  /** Parameter names that say "ignoring this is the point" (Error Prone's own convention). */
  private static final Set<String> DELIBERATE_NAMES = Set.of("expected", "ignored", "ignore", "_");

  public CancellationSwallowed() {}

  @Override
  public Description matchCatch(CatchTree tree, VisitorState state) {
    if (!catchesCancellation(tree, state)
        || DELIBERATE_NAMES.contains(tree.getParameter().getName().toString())
        || !LoggingCalls.onlyReports(tree.getBlock(), state)) {
      return Description.NO_MATCH;
    }
    TreePath tryPath = state.getPath().getParentPath();
    // Falling through ends a task (it stopped, as asked) or moves on to the next element of a
    // collection (skipping the cancelled one): both are what cancellation should do.
    if (TaskBodies.endsTask(tryPath, state) || nextElementFollows(tryPath)) {
      return Description.NO_MATCH;
    }
    BlockTree tried = ((TryTree) tryPath.getLeaf()).getBlock();
    List<MethodInvocationTree> waits = FutureWaits.in(tried, state);
    // Where this code's own cancel() returned false, a CancellationException means someone else
    // cancelled the work first: the code after is left where a successful cancel() would leave it.
    if (FutureWaits.allOnDoneFutures(waits, tryPath, state)) {
      return Description.NO_MATCH;
    }
    String consequence =
        !waits.isEmpty() && FutureWaits.resultsDiscarded(tried, waits)
            ? " from a " + Calls.methodName(waits.get(0)) + "() whose result is discarded, so the"
                + " code after it runs as if the awaited work had finished"
            : " and carries on as if the cancelled work had completed, so the code after it runs"
                + " without the result";
    return finding(tree, state)
        .message(
            "This handler swallows CancellationException"
                + consequence
                + "; rethrow it, or return or skip explicitly where cancellation is expected")
        .report();
  }

  private static boolean catchesCancellation(CatchTree tree, VisitorState state) {
    Type cancellation = state.getTypeFromString("java.util.concurrent.CancellationException");
    for (Type caught : CaughtTypes.of(tree)) {
      if (ASTHelpers.isSubtype(caught, cancellation, state)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the try is the last statement of an enhanced for's body. */
  private static boolean nextElementFollows(TreePath tryPath) {
    TreePath parent = tryPath.getParentPath();
    if (parent.getLeaf() instanceof BlockTree block) {
      List<? extends StatementTree> statements = block.getStatements();
      return statements.get(statements.size() - 1) == tryPath.getLeaf()
          && parent.getParentPath().getLeaf() instanceof EnhancedForLoopTree;
    }
    return parent.getLeaf() instanceof EnhancedForLoopTree;
  }
}
