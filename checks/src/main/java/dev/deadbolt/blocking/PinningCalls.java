package dev.deadbolt.blocking;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import dev.deadbolt.engine.LockAnalyses;
import dev.deadbolt.javac.Suppressions;
import dev.deadbolt.locks.LockId;
import dev.deadbolt.locks.LockOperation;
import dev.deadbolt.locks.LockResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The calls in a region of code that would block a virtual thread running it: blocking calls (the
 * catalog, {@code @Blocking}, summaries), including {@code wait()}, and waiting for a {@code
 * java.util.concurrent} lock, directly or through methods of this compilation.
 */
public final class PinningCalls {
  /** Why waiting for a java.util.concurrent lock pins (what every such cause says). */
  public static final String PARKS = "waits for a java.util.concurrent lock (parks under contention)";

  private PinningCalls() {}

  /**
   * The pinning calls in the code at {@code region} that runs when it runs, in source order. Nested
   * {@code synchronized} blocks are left out when {@code region} is itself a monitor's body (they are
   * reported as regions of their own); a local declaration annotated {@code
   * @SuppressWarnings(checkName)} hides the calls in its initializer.
   */
  public static List<PinningCall> in(
      TreePath region, LockAnalyses analyses, String checkName, VisitorState state) {
    boolean monitorBody = region.getParentPath().getLeaf() instanceof SynchronizedTree
        || region.getParentPath().getLeaf() instanceof MethodTree;
    LockResolver resolver = analyses.heldLocks().resolverFor(region, state);
    BlockingCalls blocking = analyses.blockingCalls();
    List<PinningCall> found = new ArrayList<>();
    new ExecutedNowScanner(analyses.immediateMethods(), state) {
      @Override
      public Void visitSynchronized(SynchronizedTree node, Void unused) {
        scan(node.getExpression(), null);
        if (!monitorBody) {
          scan(node.getBlock(), null);
        }
        return null;
      }

      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        if (Suppressions.suppresses(ASTHelpers.getSymbol(node), checkName)) {
          return null;
        }
        return super.visitVariable(node, unused);
      }

      @Override
      protected boolean onCall(ExpressionTree call) {
        Optional<BlockingCause> cause = causeOf(call, resolver, blocking, state);
        if (cause.isPresent()) {
          found.add(new PinningCall(call, cause.get()));
        }
        return true;
      }
    }.scan(region);
    return found;
  }

  /** Whether no lock that a lock call in the method being scanned takes makes it wait long. */
  private static boolean neverWaitsLong(
      LockOperation op, BlockingCalls blocking, VisitorState state) {
    TreePath method = state.getPath();
    while (method != null && !(method.getLeaf() instanceof MethodTree)) {
      method = method.getParentPath();
    }
    if (method == null) {
      return false;
    }
    MethodSymbol symbol = ASTHelpers.getSymbol((MethodTree) method.getLeaf());
    for (LockId lock : op.locks()) {
      if (symbol == null || !blocking.neverWaitsLong(lock, symbol, method, state)) {
        return false;
      }
    }
    return true;
  }

  private static Optional<BlockingCause> causeOf(
      ExpressionTree call, LockResolver resolver, BlockingCalls blocking, VisitorState state) {
    if (call instanceof MethodInvocationTree invocation) {
      Optional<LockOperation> op = LockOperation.of(invocation, resolver, state);
      if (op.isPresent()) {
        return op.get().mayWait() && !neverWaitsLong(op.get(), blocking, state)
            ? Optional.of(
                BlockingCause.direct(
                    BlockingCause.name((MethodSymbol) ASTHelpers.getSymbol(invocation), null),
                    PARKS,
                    Optional.empty()))
            : Optional.empty();
      }
    }
    Optional<BlockingCause> blocks = blocking.causeOf(call, resolver, state);
    return blocks.isPresent() ? blocks : blocking.parksOnLockThrough(call);
  }
}
