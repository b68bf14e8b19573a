package dev.deadbolt.hierarchy;

import com.google.common.collect.ImmutableList;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import dev.deadbolt.locks.LockId;

/**
 * One lock waited for while another is held, at one acquisition site: a {@code synchronized}
 * statement, a {@code lock()}-like call, or a call of a method of this compilation that acquires
 * locks (then {@code via} is the chain). Never a lock already held: re-entering one is no edge.
 *
 * @param held the lock held, as written at the site
 * @param heldNode its declaration
 * @param acquired how the acquired lock reads in a message ({@code accounts}, {@code Account.lock})
 * @param acquiredNode its declaration
 * @param via the methods of this compilation through which the site acquires, outermost first
 */
public record LockEdge(
    LockId held,
    LockNode heldNode,
    String acquired,
    LockNode acquiredNode,
    ImmutableList<MethodSymbol> via) {}
