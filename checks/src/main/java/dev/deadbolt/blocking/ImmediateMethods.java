package dev.deadbolt.blocking;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import dev.deadbolt.catalog.CatalogEntry;
import dev.deadbolt.catalog.MethodCatalog;
import java.util.List;

/**
 * Which calls run the lambdas passed to them before returning ({@code forEach}, {@code
 * computeIfAbsent}, {@code Optional.ifPresent}): only their lambdas run under the caller's locks. Any
 * other lambda or anonymous class is assumed to run later, on whatever thread calls it.
 */
public final class ImmediateMethods {
  private final MethodCatalog catalog;

  public ImmediateMethods(List<CatalogEntry> entries) {
    this.catalog = new MethodCatalog(entries);
  }

  /** Whether {@code call} runs the functional arguments it is given before it returns. */
  public boolean runsArgumentsNow(MethodInvocationTree call, VisitorState state) {
    MethodSymbol method = ASTHelpers.getSymbol(call);
    if (method == null) {
      return false;
    }
    return catalog.lookup(method, ASTHelpers.getReceiverType(call), state.getTypes()).isPresent();
  }

  /** Whether the lambda or method reference at {@code path} runs now, as an argument of such a call. */
  public boolean runsNow(TreePath path, VisitorState state) {
    Tree leaf = path.getLeaf();
    if (!(leaf instanceof LambdaExpressionTree) && !(leaf instanceof MemberReferenceTree)) {
      return false;
    }
    TreePath parent = path.getParentPath();
    return parent != null
        && parent.getLeaf() instanceof MethodInvocationTree call
        && isArgument(call, (ExpressionTree) leaf)
        && runsArgumentsNow(call, state);
  }

  private static boolean isArgument(MethodInvocationTree call, ExpressionTree tree) {
    for (ExpressionTree argument : call.getArguments()) {
      if (argument == tree) {
        return true;
      }
    }
    return false;
  }
}
