package dev.deadbolt.fixes;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.util.ASTHelpers;
import com.google.errorprone.util.FindIdentifiers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Passes an executor to a {@code CompletableFuture} {@code *Async} call that has none: {@code
 * supplyAsync(task)} becomes {@code supplyAsync(task, executor)}.
 *
 * <p>Only when exactly one variable of type {@code Executor} is in scope at the call (a field, a
 * parameter, an effectively final local), so the choice is the code's own, and the method has that
 * overload. With none or several, the finding says what to do and leaves the choice to the author.
 */
public final class ExplicitExecutorFix {
  private static final String EXECUTOR = "java.util.concurrent.Executor";

  private ExplicitExecutorFix() {}

  public static Optional<SuggestedFix> of(TreePath asyncCall, VisitorState state) {
    MethodInvocationTree call = (MethodInvocationTree) asyncCall.getLeaf();
    Type executor = state.getTypeFromString(EXECUTOR);
    MethodSymbol method = ASTHelpers.getSymbol(call);
    if (executor == null
        || method == null
        || call.getArguments().isEmpty()
        || !hasExecutorOverload(method, executor, state.getTypes())) {
      return Optional.empty();
    }
    List<VarSymbol> executors = executorsInScope(state.withPath(asyncCall), executor);
    if (executors.size() != 1) {
      return Optional.empty();
    }
    ExpressionTree last = call.getArguments().get(call.getArguments().size() - 1);
    return Optional.of(SuggestedFix.postfixWith(last, ", " + executors.get(0).getSimpleName()));
  }

  /** The same method with one more parameter, an {@code Executor}, at the end. */
  private static boolean hasExecutorOverload(MethodSymbol method, Type executor, Types types) {
    for (Symbol member : method.owner.members().getSymbolsByName(method.getSimpleName())) {
      if (!(member instanceof MethodSymbol overload)
          || overload.getParameters().size() != method.getParameters().size() + 1
          || overload.isStatic() != method.isStatic()) {
        continue;
      }
      boolean same = true;
      for (int i = 0; i < method.getParameters().size() && same; i++) {
        same =
            types.isSameType(
                types.erasure(overload.getParameters().get(i).type),
                types.erasure(method.getParameters().get(i).type));
      }
      if (same && types.isSameType(overload.getParameters().last().type, executor)) {
        return true;
      }
    }
    return false;
  }

  /** The executors a bare name reaches at the state's path, nearest first; shadowed names are left out. */
  private static List<VarSymbol> executorsInScope(VisitorState state, Type executor) {
    Set<String> seen = new HashSet<>();
    List<VarSymbol> executors = new ArrayList<>();
    for (VarSymbol variable : FindIdentifiers.findAllIdents(state)) {
      if (seen.add(variable.getSimpleName().toString())
          && ASTHelpers.isSubtype(variable.type, executor, state)) {
        executors.add(variable);
      }
    }
    return executors;
  }
}
