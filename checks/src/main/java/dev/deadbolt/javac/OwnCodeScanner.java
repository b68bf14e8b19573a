package dev.deadbolt.javac;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;

/**
 * Scans the code of one method or lambda body: a nested lambda or class body is a body of its own (the
 * held-lock analysis treats each as a separate root), so it is not entered.
 */
public abstract class OwnCodeScanner extends TreeScanner<Void, Void> {
  /** Steps over {@link ChildlessTrees}. */
  @Override
  public Void scan(Tree tree, Void unused) {
    return ChildlessTrees.skipped(tree) ? null : super.scan(tree, unused);
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
