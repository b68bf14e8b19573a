package dev.deadbolt.analysis;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

  public static List<LockEdge> at(
      TreePath site, HeldLockAnalysis heldLocks, BlockingCalls blockingCalls, VisitorState state) {
    Tree leaf = site.getLeaf();
    if (!heldLocks.mayHoldLocks(site, state)) {
      return List.of(); // nothing can be held here, so nothing acquired here makes an edge
    }
    LockResolver resolver = heldLocks.resolverFor(site, state);
    List<Acquired> acquired = new ArrayList<>();
    if (leaf instanceof SynchronizedTree sync) {
      LockId lock = resolver.monitor(sync.getExpression());
      LockNode.of(lock).ifPresent(node -> acquired.add(new Acquired(lock, node, ImmutableList.of())));
    } else if (leaf instanceof MethodInvocationTree call) {
      Optional<LockOperation.Effect> effect = LockOperation.effectOf(call, state);
      if (effect.isPresent()) {
        // Only what waits for a lock makes an edge; which lock is resolved only then.
        Optional<LockOperation> op =
            effect.get().mayWait() ? LockOperation.of(call, resolver, state) : Optional.empty();
        for (LockId lock : op.map(LockOperation::locks).orElse(ImmutableList.of())) {
          LockNode.of(lock).ifPresent(node -> acquired.add(new Acquired(lock, node, ImmutableList.of())));
        }
      } else {
        blockingCalls
            .acquiredThrough(call)
            .values()
            .forEach(a -> acquired.add(new Acquired(null, a.node(), a.via())));
      }
    }
    if (acquired.isEmpty()) {
      return List.of();
    }
    ImmutableSet<LockId> held = heldLocks.heldAt(site, state);
    List<LockEdge> edges = new ArrayList<>();
    for (LockId h : held) {
      Optional<LockNode> heldNode = LockNode.of(h);
      if (heldNode.isEmpty()) {
        continue;
      }
      for (Acquired a : acquired) {
        boolean sameObject =
            a.lock() != null
                ? a.lock().objectKey().equals(h.objectKey())
                // Through a call the receiver is unknown: a lock of the same declaration is taken to be
                // the same one (a synchronized method calling another), not a second instance.
                : a.node().equals(heldNode.get());
        edges.add(
            new LockEdge(
                h,
                heldNode.get(),
                a.lock() != null ? a.lock().displayName() : a.node().display(),
                a.node(),
                sameObject,
                a.via()));
      }
    }
    return edges;
  }

  /** A lock the site waits for; {@code lock} is null when it is reached through a call. */
  private record Acquired(
      @Nullable LockId lock, LockNode node, ImmutableList<MethodSymbol> via) {}
}
