package dev.deadbolt.interrupts;

import com.google.errorprone.BugPattern.SeverityLevel;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker.CatchTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.Tree;
import dev.deadbolt.interrupts.HandlerPaths.Exit;
import dev.deadbolt.interrupts.HandlerPaths.Leak;
import java.util.stream.Collectors;

/**
 * Test-only: at every catch clause, reports what {@link InterruptCatch} and {@link HandlerPaths}
 * compute, as {@code ALWAYS leaks=[RETURNS@+2, COMPLETES]}: each leak's line counted from the line of
 * the {@code catch}. Makes the analysis testable without the check's filtering and wording.
 */
@BugPattern(summary = "Prints the interrupt leaks of each catch clause", severity = SeverityLevel.WARNING)
public final class HandlerPathsPrinter extends BugChecker implements CatchTreeMatcher {
  @Override
  public Description matchCatch(CatchTree tree, VisitorState state) {
    String leaks =
        HandlerPaths.leaks(state.getPath(), state).stream()
            .map(leak -> describe(leak, state))
            .collect(Collectors.joining(", ", "leaks=[", "]"));
    return buildDescription(tree)
        .setMessage(InterruptCatch.of(state.getPath(), state) + " " + leaks)
        .build();
  }

  private static String describe(Leak leak, VisitorState state) {
    if (leak.exit() == Exit.COMPLETES) {
      return "COMPLETES";
    }
    return leak.exit() + "@+" + (line(leak.at(), state) - line(state.getPath().getLeaf(), state));
  }

  private static long line(Tree tree, VisitorState state) {
    return state
        .getPath()
        .getCompilationUnit()
        .getLineMap()
        .getLineNumber(ASTHelpers.getStartPosition(tree));
  }
}
