package dev.deadbolt.blocking;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import dev.deadbolt.javac.ChildlessTrees;
import org.jspecify.annotations.Nullable;

/**
 * Visits the code that runs when a body runs: it enters the lambdas and method references given to an
 * {@link ImmediateMethods immediate} call, and skips every other lambda and every class body
 * (anonymous or local), whose code runs later. Subclasses see each call through {@link #onCall}.
 */
public abstract class ExecutedNowScanner extends TreeScanner<Void, Void> {
  private final ImmediateMethods immediate;
  protected final VisitorState state;
  /**
   * The tree being visited and its parent: all a lambda or method reference needs to know whether it
   * is a call's argument. (A {@code TreePathScanner} would allocate a path for every node of every
   * body summarized.)
   */
  @Nullable private Tree current;

  @Nullable private Tree parent;

  protected ExecutedNowScanner(ImmediateMethods immediate, VisitorState state) {
    this.immediate = immediate;
    this.state = state;
  }

  /**
   * Called for each method invocation, constructor call and immediately-run method reference, after
   * its receiver and arguments were scanned. Return false to stop scanning altogether.
   */
  protected abstract boolean onCall(ExpressionTree call);

  private boolean stopped;

  protected final boolean stopped() {
    return stopped;
  }

  /** Scans the code at {@code root}, whose parent decides, as for any node, whether a lambda runs now. */
  public final void scan(TreePath root) {
    current = root.getParentPath() == null ? null : root.getParentPath().getLeaf();
    scan(root.getLeaf(), null);
  }

  @Override
  public Void scan(Tree tree, Void unused) {
    if (stopped || tree == null || ChildlessTrees.skipped(tree)) { // (no call in those)
      return null;
    }
    Tree outerCurrent = current;
    Tree outerParent = parent;
    parent = current;
    current = tree;
    tree.accept(this, unused);
    // (An exception ends the scan: the scanner is not used again.)
    current = outerCurrent;
    parent = outerParent;
    return null;
  }

  @Override
  public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
    scan(node.getMethodSelect(), null);
    // Whether the call runs its functional arguments now is asked only when it has one.
    Boolean now = null;
    for (ExpressionTree argument : node.getArguments()) {
      if (argument instanceof LambdaExpressionTree || argument instanceof MemberReferenceTree) {
        if (now == null) {
          now = immediate.runsArgumentsNow(node, state);
        }
        if (!now) {
          continue;
        }
      }
      scan(argument, null);
    }
    if (!stopped && !onCall(node)) {
      stopped = true;
    }
    return null;
  }

  @Override
  public Void visitNewClass(NewClassTree node, Void unused) {
    scan(node.getEnclosingExpression(), null);
    scan(node.getArguments(), null);
    // The class body, if any, runs later.
    if (!stopped && !onCall(node)) {
      stopped = true;
    }
    return null;
  }

  @Override
  public Void visitMemberReference(MemberReferenceTree node, Void unused) {
    scan(node.getQualifierExpression(), null);
    // An argument of a call is reached only when the call is immediate: the referenced method runs
    // now. Stored or passed to a constructor, it runs later.
    if (parent instanceof MethodInvocationTree
        && !stopped
        && !onCall(node)) {
      stopped = true;
    }
    return null;
  }

  @Override
  public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
    // Reached only as the argument of an immediate call (others are skipped above), or when the
    // lambda is stored or returned: then it runs later.
    if (parent instanceof MethodInvocationTree) {
      return super.visitLambdaExpression(node, unused);
    }
    return null;
  }

  @Override
  public Void visitClass(ClassTree node, Void unused) {
    return null;
  }
}
