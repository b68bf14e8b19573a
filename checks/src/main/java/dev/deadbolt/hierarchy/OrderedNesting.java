package dev.deadbolt.hierarchy;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.tree.JCTree;
import dev.deadbolt.javac.Calls;
import java.util.Set;

/**
 * Whether code that takes two locks of the same declaration nested (two {@code Account.lock}s) orders
 * them. The rule, documented in LockOrderInversion.md: the method (or lambda) compares something
 * before the inner acquisition — {@code <}, {@code >}, {@code <=}, {@code >=}, {@code compareTo},
 * {@code Integer/Long.compare}, {@code System.identityHashCode} — the idiom of locking the lower id
 * first. It is a heuristic in the user's favour: it asks for evidence of an order, not proof.
 */
public final class OrderedNesting {
  private static final Set<String> COMPARING_METHODS =
      Set.of("compareTo", "compare", "identityHashCode");

  private OrderedNesting() {}

  public static boolean isOrdered(TreePath innerAcquisition) {
    Tree body = null;
    for (TreePath p = innerAcquisition; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof MethodTree || p.getLeaf() instanceof LambdaExpressionTree) {
        body = p.getLeaf();
        break;
      }
    }
    if (body == null) {
      return false;
    }
    int site = ((JCTree) innerAcquisition.getLeaf()).getStartPosition();
    boolean[] compares = new boolean[1];
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitBinary(BinaryTree node, Void unused) {
        if (before(node)) {
          switch (node.getKind()) {
            case LESS_THAN, GREATER_THAN, LESS_THAN_EQUAL, GREATER_THAN_EQUAL -> compares[0] = true;
            default -> {}
          }
        }
        return super.visitBinary(node, unused);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        if (before(node) && COMPARING_METHODS.contains(Calls.methodName(node))) {
          compares[0] = true;
        }
        return super.visitMethodInvocation(node, unused);
      }

      private boolean before(Tree node) {
        return ((JCTree) node).getStartPosition() < site;
      }
    }.scan(body, null);
    return compares[0];
  }
}
