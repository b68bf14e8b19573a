package dev.deadbolt.interrupts;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.TypeTag;
import javax.lang.model.element.ElementKind;

/**
 * The "remember and restore later" idiom of uninterruptible waits:
 *
 * <pre>{@code
 * boolean interrupted = false;
 * try {
 *   while (true) {
 *     try { return queue.take(); } catch (InterruptedException e) { interrupted = true; }
 *   }
 * } finally {
 *   if (interrupted) { Thread.currentThread().interrupt(); }
 * }
 * }</pre>
 *
 * Assigning {@code true} to such a flag restores the status, only later. The flag may be a field of a
 * waiting node, as in the JDK's {@code CompletableFuture} and {@code Phaser}.
 */
final class DeferredRestores {
  private DeferredRestores() {}

  /**
   * Whether {@code assignment} sets to {@code true} a boolean flag (a local, or a field reached
   * through any receiver: {@code q.interrupted = true}) that {@code scope} (the enclosing method or
   * lambda) tests in an {@code if} whose then-branch restores the interrupt status.
   */
  static boolean isDeferredRestore(AssignmentTree assignment, Tree scope, VisitorState state) {
    return Boolean.TRUE.equals(ASTHelpers.constValue(assignment.getExpression(), Boolean.class))
        && isFlagRead(assignment.getVariable(), scope, state);
  }

  /**
   * Whether {@code expression} reads such a flag: where it is true, the interrupt is already
   * remembered for a later restore ({@code if (!interrupted) { shutdownNow(); interrupted = true; }}).
   */
  static boolean isFlagRead(Tree expression, Tree scope, VisitorState state) {
    if (!(expression instanceof IdentifierTree) && !(expression instanceof MemberSelectTree)) {
      return false;
    }
    Symbol flag = ASTHelpers.getSymbol(expression);
    if (flag == null
        || (flag.getKind() != ElementKind.LOCAL_VARIABLE && flag.getKind() != ElementKind.FIELD)
        || flag.type.getTag() != TypeTag.BOOLEAN) {
      return false;
    }
    return BodySearch.anyMatch(
        scope,
        tree ->
            tree instanceof IfTree ifTree
                && BodySearch.anyMatch(
                    ifTree.getCondition(),
                    t ->
                        (t instanceof IdentifierTree || t instanceof MemberSelectTree)
                            && flag.equals(ASTHelpers.getSymbol(t)))
                && BodySearch.anyMatch(
                    ifTree.getThenStatement(),
                    t -> t instanceof MethodInvocationTree call && InterruptCalls.isRestore(call, state)));
  }
}
