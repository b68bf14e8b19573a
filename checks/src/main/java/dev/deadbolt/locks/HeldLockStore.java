package dev.deadbolt.locks;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.checkerframework.errorprone.dataflow.analysis.Store;
import org.checkerframework.errorprone.dataflow.cfg.visualize.CFGVisualizer;
import org.checkerframework.errorprone.dataflow.expression.JavaExpression;

/**
 * The dataflow fact at one program point: the explicit locks held on every path that reaches it (a
 * must-analysis, so the join is intersection), and the boolean locals that record a {@code tryLock()}
 * result not yet tested.
 *
 * <p>Monitors are not tracked here: the CFG has no end-of-{@code synchronized} node on exceptional exits,
 * so monitors are read off the tree lexically instead (see {@link HeldLockAnalysis}).
 */
final class HeldLockStore implements Store<HeldLockStore> {
  private final ImmutableSet<LockId> held;
  private final ImmutableMap<VarSymbol, LockId> pendingTryLocks;

  HeldLockStore(ImmutableSet<LockId> held, ImmutableMap<VarSymbol, LockId> pendingTryLocks) {
    this.held = held;
    this.pendingTryLocks = pendingTryLocks;
  }

  static HeldLockStore of(ImmutableSet<LockId> held) {
    return new HeldLockStore(held, ImmutableMap.of());
  }

  ImmutableSet<LockId> held() {
    return held;
  }

  HeldLockStore acquire(Iterable<LockId> locks) {
    return new HeldLockStore(
        ImmutableSet.<LockId>builder().addAll(held).addAll(locks).build(), pendingTryLocks);
  }

  HeldLockStore release(Iterable<LockId> locks) {
    ImmutableSet<LockId> released = ImmutableSet.copyOf(locks);
    return new HeldLockStore(
        ImmutableSet.copyOf(Sets.difference(held, released)), pendingTryLocks);
  }

  /** {@code boolean ok = lock.tryLock();}: {@code ok} now tells whether {@code lock} is held. */
  HeldLockStore recordTryLock(VarSymbol variable, LockId lock) {
    Map<VarSymbol, LockId> pending = new HashMap<>(pendingTryLocks);
    pending.put(variable, lock);
    return new HeldLockStore(held, ImmutableMap.copyOf(pending));
  }

  /** Any other assignment to {@code variable} forgets what it recorded. */
  HeldLockStore forget(VarSymbol variable) {
    if (!pendingTryLocks.containsKey(variable)) {
      return this;
    }
    Map<VarSymbol, LockId> pending = new HashMap<>(pendingTryLocks);
    pending.remove(variable);
    return new HeldLockStore(held, ImmutableMap.copyOf(pending));
  }

  LockId tryLockRecordedIn(VarSymbol variable) {
    return pendingTryLocks.get(variable);
  }

  @Override
  public HeldLockStore copy() {
    return this; // immutable
  }

  @Override
  public HeldLockStore leastUpperBound(HeldLockStore other) {
    Map<VarSymbol, LockId> pending = new HashMap<>();
    pendingTryLocks.forEach(
        (variable, lock) -> {
          if (lock.equals(other.pendingTryLocks.get(variable))) {
            pending.put(variable, lock);
          }
        });
    return new HeldLockStore(
        ImmutableSet.copyOf(Sets.intersection(held, other.held)), ImmutableMap.copyOf(pending));
  }

  @Override
  public HeldLockStore widenedUpperBound(HeldLockStore previous) {
    return leastUpperBound(previous); // the lattice is finite per method
  }

  @Override
  public boolean canAlias(JavaExpression a, JavaExpression b) {
    return true;
  }

  @Override
  public String visualize(CFGVisualizer<?, HeldLockStore, ?> viz) {
    return toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HeldLockStore other
        && held.equals(other.held)
        && pendingTryLocks.equals(other.pendingTryLocks);
  }

  @Override
  public int hashCode() {
    return Objects.hash(held, pendingTryLocks);
  }

  @Override
  public String toString() {
    return "held=" + held + " pendingTryLocks=" + pendingTryLocks;
  }
}
