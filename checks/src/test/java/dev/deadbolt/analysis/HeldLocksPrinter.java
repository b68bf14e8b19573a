package dev.deadbolt.analysis;

import com.google.errorprone.BugPattern;
import com.google.errorprone.BugPattern.SeverityLevel;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.MethodInvocationTree;
import dev.deadbolt.config.DeadboltConfig;
import java.util.stream.Collectors;

/**
 * Test-only: at every call of a method named {@code checkpoint}, reports the held lock set the
 * analysis computes, as {@code held=[a, b]} (outermost first). Makes the analysis testable without any
 * real check.
 */
@BugPattern(summary = "Prints the held locks at checkpoint() calls", severity = SeverityLevel.WARNING)
public final class HeldLocksPrinter extends BugChecker implements MethodInvocationTreeMatcher {
  private final DeadboltConfig config = DeadboltConfig.defaults();

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    if (!Calls.methodName(tree).equals("checkpoint")) {
      return Description.NO_MATCH;
    }
    String held =
        LockAnalyses.of(state, config).heldLocks().heldAt(state.getPath(), state).stream()
            .map(LockId::displayName)
            .collect(Collectors.joining(", ", "held=[", "]"));
    return buildDescription(tree).setMessage(held).build();
  }
}
