package dev.deadbolt.locks;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.type.TypeMirror;
import org.checkerframework.errorprone.dataflow.analysis.ConditionalTransferResult;
import org.checkerframework.errorprone.dataflow.analysis.ForwardTransferFunction;
import org.checkerframework.errorprone.dataflow.analysis.RegularTransferResult;
import org.checkerframework.errorprone.dataflow.analysis.TransferInput;
import org.checkerframework.errorprone.dataflow.analysis.TransferResult;
import org.checkerframework.errorprone.dataflow.analysis.UnusedAbstractValue;
import org.checkerframework.errorprone.dataflow.cfg.UnderlyingAST;
import org.checkerframework.errorprone.dataflow.cfg.block.Block;
import org.checkerframework.errorprone.dataflow.cfg.block.ExceptionBlock;
import org.checkerframework.errorprone.dataflow.cfg.node.AbstractNodeVisitor;
import org.checkerframework.errorprone.dataflow.cfg.node.AssignmentNode;
import org.checkerframework.errorprone.dataflow.cfg.node.ConditionalNotNode;
import org.checkerframework.errorprone.dataflow.cfg.node.LocalVariableNode;
import org.checkerframework.errorprone.dataflow.cfg.node.MethodInvocationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;

/**
 * How each CFG node changes the set of explicitly held locks.
 *
 * <ul>
 *   <li>{@code lock()} adds the lock after the call; if the call throws, the lock was never taken.
 *   <li>{@code unlock()} removes it on every edge, exceptional ones included, so a failed unlock does not
 *       leak the lock into an outer {@code catch}.
 *   <li>{@code tryLock()} adds it only on the true branch, directly in a condition or through a boolean
 *       local tested later; {@code !} swaps the branches.
 * </ul>
 */
final class HeldLockTransfer extends AbstractNodeVisitor<
        TransferResult<UnusedAbstractValue, HeldLockStore>,
        TransferInput<UnusedAbstractValue, HeldLockStore>>
    implements ForwardTransferFunction<UnusedAbstractValue, HeldLockStore> {

  private final HeldLockStore initial;
  private final LockResolver resolver;
  private final VisitorState state;

  HeldLockTransfer(HeldLockStore initial, LockResolver resolver, VisitorState state) {
    this.initial = initial;
    this.resolver = resolver;
    this.state = state;
  }

  @Override
  public HeldLockStore initialStore(UnderlyingAST underlyingAST, List<LocalVariableNode> parameters) {
    return initial;
  }

  @Override
  public TransferResult<UnusedAbstractValue, HeldLockStore> visitNode(
      Node node, TransferInput<UnusedAbstractValue, HeldLockStore> in) {
    // Keep then/else apart through nodes that do not touch locks: `ready && lock.tryLock()`.
    return in.containsTwoStores()
        ? new ConditionalTransferResult<>(null, in.getThenStore(), in.getElseStore())
        : new RegularTransferResult<>(null, in.getRegularStore());
  }

  @Override
  public TransferResult<UnusedAbstractValue, HeldLockStore> visitMethodInvocation(
      MethodInvocationNode node, TransferInput<UnusedAbstractValue, HeldLockStore> in) {
    Optional<LockOperation> op = operation(node);
    if (op.isEmpty()) {
      return visitNode(node, in);
    }
    HeldLockStore before = in.getRegularStore();
    LockOperation operation = op.get();
    switch (operation.effect()) {
      case ACQUIRE:
        return new RegularTransferResult<>(null, before.acquire(operation.locks()));
      case TRY_ACQUIRE:
      case TRY_ACQUIRE_TIMED:
        return new ConditionalTransferResult<>(
            null, before.acquire(operation.locks()), before);
      case RELEASE:
        HeldLockStore after = before.release(operation.locks());
        return new RegularTransferResult<>(null, after, onEveryExceptionalEdge(node, after));
    }
    throw new AssertionError(operation.effect());
  }

  @Override
  public TransferResult<UnusedAbstractValue, HeldLockStore> visitAssignment(
      AssignmentNode node, TransferInput<UnusedAbstractValue, HeldLockStore> in) {
    if (!(node.getTarget() instanceof LocalVariableNode target)
        || !(target.getElement() instanceof VarSymbol variable)) {
      return visitNode(node, in);
    }
    if (node.getExpression() instanceof MethodInvocationNode call) {
      Optional<LockOperation> op = operation(call);
      if (op.isPresent()
          && (op.get().effect() == LockOperation.Effect.TRY_ACQUIRE
              || op.get().effect() == LockOperation.Effect.TRY_ACQUIRE_TIMED)) {
        // `boolean ok = lock.tryLock();` -- not held yet; held where `ok` is later tested true.
        return new RegularTransferResult<>(
            null, in.getElseStore().recordTryLock(variable, op.get().lock()));
      }
    }
    return new RegularTransferResult<>(null, in.getRegularStore().forget(variable));
  }

  @Override
  public TransferResult<UnusedAbstractValue, HeldLockStore> visitLocalVariable(
      LocalVariableNode node, TransferInput<UnusedAbstractValue, HeldLockStore> in) {
    HeldLockStore store = in.getRegularStore();
    if (node.getElement() instanceof VarSymbol variable) {
      LockId recorded = store.tryLockRecordedIn(variable);
      if (recorded != null) {
        return new ConditionalTransferResult<>(null, store.acquire(List.of(recorded)), store);
      }
    }
    return visitNode(node, in);
  }

  @Override
  public TransferResult<UnusedAbstractValue, HeldLockStore> visitConditionalNot(
      ConditionalNotNode node, TransferInput<UnusedAbstractValue, HeldLockStore> in) {
    return new ConditionalTransferResult<>(null, in.getElseStore(), in.getThenStore());
  }

  private Optional<LockOperation> operation(MethodInvocationNode node) {
    MethodInvocationTree tree = node.getTree();
    return tree == null ? Optional.empty() : LockOperation.of(tree, resolver, state);
  }

  /** The same store on every exceptional edge out of {@code node}. */
  private static Map<TypeMirror, HeldLockStore> onEveryExceptionalEdge(
      Node node, HeldLockStore store) {
    Map<TypeMirror, HeldLockStore> stores = new HashMap<>();
    Block block = node.getBlock();
    if (block instanceof ExceptionBlock exceptionBlock) {
      for (TypeMirror cause : exceptionBlock.getExceptionalSuccessors().keySet()) {
        stores.put(cause, store);
      }
    }
    return stores;
  }
}
