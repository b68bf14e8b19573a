package dev.deadbolt.analysis;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.tree.JCTree.JCIdent;
import com.sun.tools.javac.tree.JCTree.JCLiteral;

/**
 * Scans the code of one method or lambda body: a nested lambda or class body is a body of its own (the
 * held-lock analysis treats each as a separate root), so it is not entered.
 */
public abstract class OwnCodeScanner extends TreeScanner<Void, Void> {
  /**
   * An identifier or a literal has no children: most of a body's nodes, so not visited ({@code
   * visitIdentifier} and {@code visitLiteral} are never called).
   */
  @Override
  public Void scan(Tree tree, Void unused) {
    return tree instanceof JCIdent || tree instanceof JCLiteral ? null : super.scan(tree, unused);
  }

  @Override
  public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
    return null;
  }

  @Override
  public Void visitClass(ClassTree node, Void unused) {
    return null;
  }
}
