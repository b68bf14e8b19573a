package dev.deadbolt.locks;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.BugPattern.SeverityLevel;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import dev.deadbolt.config.DeadboltConfig;
import dev.deadbolt.engine.LockAnalyses;
import dev.deadbolt.javac.Calls;
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
    return buildDescription(tree).setMessage(held + " by=" + source(state)).build();
  }

  /**
   * How the explicit locks of the innermost method or lambda are found: {@code structure} when its
   * lock calls are block-structured ({@link StructuredLocking}), else {@code dataflow}.
   */
  private String source(VisitorState state) {
    for (TreePath p = state.getPath(); p != null; p = p.getParentPath()) {
      Tree body =
          p.getLeaf() instanceof MethodTree method
              ? method.getBody()
              : p.getLeaf() instanceof LambdaExpressionTree lambda ? lambda.getBody() : null;
      if (body != null) {
        LockResolver resolver =
            LockAnalyses.of(state, config).heldLocks().resolverFor(state.getPath(), state);
        ImmutableSet<LockId> heldOnEntry =
            p.getLeaf() instanceof MethodTree method
                ? LockContracts.heldOnEntry(ASTHelpers.getSymbol(method), state)
                : ImmutableSet.of();
        return StructuredLocking.of(body, resolver, state)
                .filter(structure -> structure.applies(heldOnEntry))
                .isPresent()
            ? "structure"
            : "dataflow";
      }
    }
    return "dataflow";
  }
}
