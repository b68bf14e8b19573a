package dev.deadbolt.javac;

import com.google.errorprone.BugPattern.SeverityLevel;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker.MethodTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Symbol.MethodSymbol;

/**
 * Test-only: at every method declaration, compares the path {@link MethodTrees} finds for the method
 * with javac's own ({@code JavacTrees.getPath}), node by node, and reports where they differ.
 */
@BugPattern(
    summary = "Reports methods whose declaration MethodTrees finds on another path than javac",
    severity = SeverityLevel.WARNING)
public final class MethodTreesChecker extends BugChecker implements MethodTreeMatcher {
  @Override
  public Description matchMethod(MethodTree tree, VisitorState state) {
    MethodSymbol method = ASTHelpers.getSymbol(tree);
    TreePath found = new MethodTrees(state.context).pathOf(method);
    TreePath javacs = JavacTrees.instance(state.context).getPath(method);
    for (TreePath a = found, b = javacs; a != null || b != null; a = a.getParentPath(), b = b.getParentPath()) {
      if (a == null || b == null || a.getLeaf() != b.getLeaf()) {
        return buildDescription(tree)
            .setMessage("path of " + method + ": " + describe(found) + " but javac's " + describe(javacs))
            .build();
      }
    }
    return Description.NO_MATCH;
  }

  private static String describe(TreePath path) {
    StringBuilder text = new StringBuilder();
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      text.append(p.getLeaf().getKind()).append(p.getParentPath() == null ? "" : " < ");
    }
    return text.length() == 0 ? "none" : text.toString();
  }
}
