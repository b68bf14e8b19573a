package dev.deadbolt.locks;

import com.google.common.collect.ImmutableList;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import dev.deadbolt.hierarchy.LockNode;

/**
 * A lock a method of this compilation waits for when it runs, directly or through the methods it
 * calls (an untimed {@code tryLock()} never waits and is not one).
 *
 * @param node the lock, by declaration
 * @param via the methods between the call and the acquisition, outermost first
 * @param how the acquisition as written, e.g. {@code synchronized (lock)} or {@code lock.lock()}
 */
public record AcquiredLock(LockNode node, ImmutableList<MethodSymbol> via, String how) {

  public AcquiredLock through(MethodSymbol method) {
    return new AcquiredLock(
        node, ImmutableList.<MethodSymbol>builder().add(method).addAll(via).build(), how);
  }
}
