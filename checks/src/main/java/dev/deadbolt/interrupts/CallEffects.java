package dev.deadbolt.interrupts;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol;
import dev.deadbolt.javac.OwnCodeScanner;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What evaluating an expression inside a handler does to the interrupt status: restore it, clear it,
 * end the process, restore it later through a flag ({@link DeferredRestores}), or call a helper in the
 * same compilation that restores it on every way it returns ({@code restoreInterrupt(e)}).
 */
final class CallEffects {
  /** How deep to follow helpers that call helpers. */
  private static final int MAX_HELPER_DEPTH = 2;

  private final VisitorState state;
  private final int depth;
  private final Map<String, Boolean> helperVerdicts = new HashMap<>();

  CallEffects(VisitorState state, int depth) {
    this.state = state;
    this.depth = depth;
  }

  /** The facts after evaluating {@code expression}, in evaluation order, from {@code in}. */
  PathFacts apply(ExpressionTree expression, PathFacts in, Set<Symbol> subjects, TreePath scope) {
    PathFacts[] facts = {in};
    // Code written in a lambda or class body here runs later, if at all.
    new OwnCodeScanner() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        super.visitMethodInvocation(call, null);
        facts[0] = call(call, facts[0], subjects);
        return null;
      }

      @Override
      public Void visitAssignment(AssignmentTree assignment, Void unused) {
        super.visitAssignment(assignment, null);
        if (scope != null
            && DeferredRestores.isDeferredRestore(assignment, scope.getLeaf(), state)) {
          facts[0] = facts[0].restore();
        }
        return null;
      }
    }.scan(expression, null);
    return facts[0];
  }

  private PathFacts call(MethodInvocationTree call, PathFacts in, Set<Symbol> subjects) {
    if (InterruptCalls.isRestore(call, state)) {
      return in.restore();
    }
    if (InterruptCalls.isClear(call, state)) {
      return in.clear();
    }
    if (InterruptCalls.endsProcess(call, state)) {
      return PathFacts.NONE;
    }
    return helperHandles(call, subjects) ? in.restore() : in;
  }

  /** Whether {@code call} goes to a helper whose body restores or propagates on every return. */
  private boolean helperHandles(MethodInvocationTree call, Set<Symbol> subjects) {
    if (depth >= MAX_HELPER_DEPTH) {
      return false;
    }
    MethodSymbol callee = ASTHelpers.getSymbol(call);
    // Only calls that cannot dispatch elsewhere: the body we read is the body that runs.
    if (ASTHelpers.methodCanBeOverridden(callee)) {
      return false;
    }
    int subjectArgument = indexOfSubject(call.getArguments(), subjects);
    String key = callee.owner.getQualifiedName() + "#" + callee + "@" + subjectArgument;
    Boolean known = helperVerdicts.get(key);
    if (known != null) {
      return known;
    }
    helperVerdicts.put(key, false); // a recursive helper proves nothing
    TreePath calleePath = JavacTrees.instance(state.context).getPath(callee);
    boolean handles =
        calleePath != null
            && calleePath.getLeaf() instanceof MethodTree method
            && HandlerPaths.handlesOnEveryReturn(
                method, calleePath, subjectArgument, new CallEffects(state, depth + 1), state);
    helperVerdicts.put(key, handles);
    return handles;
  }

  private static int indexOfSubject(List<? extends ExpressionTree> arguments, Set<Symbol> subjects) {
    for (int i = 0; i < arguments.size(); i++) {
      if (subjects.contains(ASTHelpers.getSymbol(HandlerPaths.stripCasts(arguments.get(i))))) {
        return i;
      }
    }
    return -1;
  }
}
