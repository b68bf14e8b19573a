package dev.deadbolt.contexts;

import com.google.errorprone.BugPattern.SeverityLevel;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.MethodInvocationTree;
import dev.deadbolt.config.DeadboltConfig;
import dev.deadbolt.engine.LockAnalyses;
import dev.deadbolt.javac.Calls;

/**
 * Test-only: at every call of a method named {@code checkpoint}, reports the non-blocking context the
 * analysis finds there, as {@code KIND: description}, or {@code none}. Makes the analysis testable
 * without any blocking call.
 */
@BugPattern(
    summary = "Prints the non-blocking context at checkpoint() calls",
    severity = SeverityLevel.WARNING)
public final class NonBlockingContextsPrinter extends BugChecker
    implements MethodInvocationTreeMatcher {
  private final DeadboltConfig config = DeadboltConfig.defaults();

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    if (!Calls.methodName(tree).equals("checkpoint")) {
      return Description.NO_MATCH;
    }
    String context =
        LockAnalyses.of(state, config)
            .nonBlockingContexts()
            .contextOf(state.getPath(), state)
            .map(c -> c.kind() + ": " + c.description())
            .orElse("none");
    return buildDescription(tree).setMessage(context).build();
  }
}
