package dev.deadbolt.hierarchy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import dev.deadbolt.blocking.BlockingCalls;
import dev.deadbolt.locks.AcquiredLock;
import dev.deadbolt.locks.HeldLockAnalysis;
import dev.deadbolt.locks.LockId;
import dev.deadbolt.locks.LockOperation;
import dev.deadbolt.locks.LockResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@link LockEdge}s at an acquisition site: each lock held before it, paired with each lock it
 * waits for. Locks without a declaration (locals, arbitrary expressions) take no part: a hierarchy
 * cannot name them and two sites cannot be shown to take the same one.
 */
public final class LockEdges {
  private LockEdges() {}

  /** Whether a tree can be an acquisition site at all. */
  public static boolean isSite(Tree tree) {
    return tree instanceof SynchronizedTree || tree instanceof MethodInvocationTree;
  }

  /**
   * The edges at {@code site}. A lock already held when the site takes it again (a {@code synchronized}
   * method of the object whose monitor is held, {@code lock()} on a held {@code ReentrantLock}) is a
   * re-entry, not an acquisition: it makes no edge from any held lock. A conditional lock {@code c ? a
   * : b}, held or taken, stands for each of its operands.
   */
  public static List<LockEdge> at(
      TreePath site, HeldLockAnalysis heldLocks, BlockingCalls blockingCalls, VisitorState state) {
    Tree leaf = site.getLeaf();
    if (!heldLocks.mayHoldLocks(site, state)) {
      return List.of(); // nothing can be held here, so nothing acquired here makes an edge
    }
    LockResolver resolver = heldLocks.resolverFor(site, state);
    List<Acquired> acquired = new ArrayList<>();
    if (leaf instanceof SynchronizedTree sync) {
      for (LockId lock : resolver.monitor(sync.getExpression()).possibleLocks()) {
        Optional<LockNode> node = LockNode.of(lock);
        if (node.isPresent()) {
          acquired.add(new Acquired(lock, node.get(), ImmutableList.of()));
        }
      }
    } else if (leaf instanceof MethodInvocationTree call) {
      Optional<LockOperation.Effect> effect = LockOperation.effectOf(call, state);
      if (effect.isPresent()) {
        // Only what waits for a lock makes an edge; which lock is resolved only then.
        Optional<LockOperation> op =
            effect.get().mayWait() ? LockOperation.of(call, resolver, state) : Optional.empty();
        for (LockId lock : op.isPresent() ? op.get().locks() : ImmutableList.<LockId>of()) {
          Optional<LockNode> node = LockNode.of(lock);
          if (node.isPresent()) {
            acquired.add(new Acquired(lock, node.get(), ImmutableList.of()));
          }
        }
      } else {
        for (AcquiredLock a : blockingCalls.acquiredThrough(call).values()) {
          acquired.add(new Acquired(null, a.node(), a.via()));
        }
      }
    }
    if (acquired.isEmpty()) {
      return List.of();
    }
    ImmutableSet<LockId> held = heldLocks.heldAt(site, state);
    List<LockEdge> edges = new ArrayList<>();
    for (Acquired a : acquired) {
      if (isHeld(a, held, leaf, resolver, state)) {
        continue; // re-entered: the order it was first taken in is the one that counts
      }
      for (LockId h : held) {
        for (LockId possible : h.possibleLocks()) {
          Optional<LockNode> heldNode = LockNode.of(possible);
          if (heldNode.isEmpty()
              || a.lock() != null && a.lock().objectKey().equals(possible.objectKey())) {
            continue; // no declaration; or, if a conditional held this operand, a re-entry
          }
          edges.add(
              new LockEdge(
                  possible,
                  heldNode.get(),
                  a.lock() != null ? a.lock().displayName() : a.node().display(),
                  a.node(),
                  a.via()));
        }
      }
    }
    return edges;
  }

  /**
   * Whether the lock {@code a} is certainly held already at {@code site}. Taken directly, it is if a
   * held lock lives in the same object (the same lock, or the other side of one read-write lock).
   * Through a call the object is not known: a held lock of the same declaration is taken to be the same
   * one (a synchronized method calling another), and so is the monitor of any instance of a class when
   * the call's receiver is an instance of it whose monitor is held ({@code synchronized (pool) {
   * pool.drain(); }}).
   */
  private static boolean isHeld(
      Acquired a, Set<LockId> held, Tree site, LockResolver resolver, VisitorState state) {
    if (a.lock() != null) {
      for (LockId h : held) {
        if (h.objectKey().equals(a.lock().objectKey())) {
          return true;
        }
      }
      return false;
    }
    for (LockId h : held) {
      Optional<LockNode> node = LockNode.of(h);
      if (node.isPresent() && node.get().equals(a.node())) {
        return true;
      }
    }
    if (a.node().kind() != LockNode.Kind.THIS || !(site instanceof MethodInvocationTree call)) {
      return false;
    }
    String receiver = resolver.receiver(call).key();
    for (LockId h : held) {
      if (h.isMonitor() && h.objectKey().equals(receiver)) {
        Type receiverType = ASTHelpers.getReceiverType(call);
        Types types = state.getTypes();
        return receiverType != null
            && types.isSubtype(types.erasure(receiverType), types.erasure(a.node().symbol().type));
      }
    }
    return false;
  }

  /** A lock the site waits for; {@code lock} is null when it is reached through a call. */
  private record Acquired(
      @Nullable LockId lock, LockNode node, ImmutableList<MethodSymbol> via) {}
}
