package dev.deadbolt.locks;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import dev.deadbolt.javac.OwnCodeScanner;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * The held explicit locks of a body that takes them only in the block-structured shapes, read off
 * the tree instead of computed by dataflow:
 *
 * <pre>
 *   lock.lock();                     try {
 *   try {                              lock.lock();
 *     ...held...                       ...held...
 *   } catch (...) {                  } finally {
 *     ...held...                       lock.unlock();
 *   } finally {                      }
 *     lock.unlock();
 *   }
 * </pre>
 *
 * <p>(or {@code long stamp = sl.writeLock(); try {...} finally { sl.unlockWrite(stamp); }}); a lock
 * helper's resource, {@code try (Guard held = guard.acquire()) { ...held... }} ({@link LockHelpers});
 * and the {@code tryLock} idiom that keeps the outcome in a local:
 *
 * <pre>
 *   boolean locked = lock.tryLock();
 *   ...                              (held only inside {@code if (locked) {...}}, or the else of
 *   if (locked) { lock.unlock(); }    {@code if (!locked)}: what the dataflow records for the local)
 * </pre>
 *
 * <p>where the local is only ever read as the whole condition of an {@code if}, and every release of the
 * lock is such an {@code if (locked)} holding only the release. Nearly
 * every method that uses {@code java.util.concurrent} locks is written this way, and there the answer
 * equals the must-analysis's: the lock is held exactly inside the {@code try} up to the release that
 * opens its {@code finally}. Anything else in the body ({@code tryLock}, an unlock elsewhere, two
 * regions of one lock object, a lock the method already holds on entry) and the body is not
 * structured: its caller runs the dataflow. Nested lambdas and classes are bodies of their own.
 */
final class StructuredLocking {
  /** Where the lock is taken relative to the {@code try} it guards. */
  private enum Shape {
    /** {@code lock(); try {...} finally { unlock(); }}. */
    BEFORE_TRY,
    /** {@code try { lock(); ... } finally { unlock(); }}. */
    FIRST_IN_TRY,
    /**
     * {@code try (Held held = lock.acquire()) { ... }}, with a helper of the lock's own class that takes
     * it and a {@code close()} that gives it up ({@link LockHelpers}).
     */
    RESOURCE,
  }

  /**
   * One locked region: the acquisition, the {@code try} it guards, and the release in its finally (none
   * written for a resource: its {@code close()}).
   */
  private record Region(
      MethodInvocationTree acquire, @Nullable MethodInvocationTree release, Shape shape) {}

  /** An {@code if} testing the local a {@code tryLock} call initialized. */
  private record TestedTry(MethodInvocationTree tryLock, boolean heldInElse) {}

  private final Map<TryTree, Region> regions;
  /**
   * The {@code if}s that test a {@code tryLock} local, with that {@code tryLock} call and whether the lock
   * is held in the else branch ({@code if (!locked)}) rather than the then branch.
   */
  private final Map<IfTree, TestedTry> tested;
  /** Each release in an {@code if (locked)}, with the {@code tryLock} call whose local it tests. */
  private final Map<MethodInvocationTree, MethodInvocationTree> conditionalReleases;
  private final LockResolver resolver;
  private final VisitorState state;
  /** Each region's lock, resolved on first query; null until then, or if they are not distinct. */
  @Nullable private Map<TryTree, LockId> locks;
  /** Each tested {@code tryLock} call's lock, resolved with {@link #locks}. */
  @Nullable private Map<MethodInvocationTree, LockId> tryLocks;
  private boolean resolved;

  private StructuredLocking(
      Map<TryTree, Region> regions,
      Map<IfTree, TestedTry> tested,
      Map<MethodInvocationTree, MethodInvocationTree> conditionalReleases,
      LockResolver resolver,
      VisitorState state) {
    this.regions = regions;
    this.tested = tested;
    this.conditionalReleases = conditionalReleases;
    this.resolver = resolver;
    this.state = state;
  }

  /**
   * The structure of {@code body}'s lock calls (not those of nested lambdas and classes), or empty if
   * some lock call lies outside the two shapes.
   */
  static Optional<StructuredLocking> of(Tree body, LockResolver resolver, VisitorState state) {
    Map<TryTree, Region> regions = new IdentityHashMap<>();
    Map<IfTree, TestedTry> tested = new IdentityHashMap<>();
    Map<MethodInvocationTree, MethodInvocationTree> conditionalReleases = new IdentityHashMap<>();
    // The tryLock call each `boolean locked = lock.tryLock()` local holds the outcome of, and the reads
    // of those locals that are the whole condition of an `if` (any other read: not structured).
    Map<Symbol, MethodInvocationTree> tryLocals = new IdentityHashMap<>();
    Set<Tree> testReads = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<Tree> inRegions = new HashSet<>();
    int[] lockCalls = new int[1];
    boolean[] unstructured = new boolean[1];
    new OwnCodeScanner() {
      @Override
      public Void scan(Tree tree, Void unused) {
        // (Identifiers are stepped over by the walk: a tryLock local's other reads are caught here.)
        if (!tryLocals.isEmpty()
            && tree instanceof IdentifierTree identifier
            && !testReads.contains(identifier)
            && tryLocals.containsKey(ASTHelpers.getSymbol(identifier))) {
          unstructured[0] = true;
        }
        return super.scan(tree, unused);
      }

      @Override
      public Void visitVariable(VariableTree variable, Void unused) {
        Symbol local = ASTHelpers.getSymbol(variable);
        if (variable.getInitializer() instanceof MethodInvocationTree call
            && isTryLock(call)
            && local != null
            && local.getKind() == ElementKind.LOCAL_VARIABLE) {
          tryLocals.put(local, call);
          inRegions.add(call);
        }
        return super.visitVariable(variable, unused);
      }

      @Override
      public Void visitAssignment(AssignmentTree assignment, Void unused) {
        assigns(assignment.getVariable());
        return super.visitAssignment(assignment, unused);
      }

      @Override
      public Void visitCompoundAssignment(CompoundAssignmentTree assignment, Void unused) {
        assigns(assignment.getVariable());
        return super.visitCompoundAssignment(assignment, unused);
      }

      // Assigned again, a local no longer tells whether the lock is held. (Not javac's effectively-final
      // flag: a file the lock order reads early may not have been through flow analysis yet.)
      private void assigns(ExpressionTree variable) {
        if (!tryLocals.isEmpty() && tryLocals.containsKey(ASTHelpers.getSymbol(variable))) {
          unstructured[0] = true;
        }
      }

      @Override
      public Void visitIf(IfTree ifTree, Void unused) {
        ExpressionTree condition = ASTHelpers.stripParentheses(ifTree.getCondition());
        boolean negated = condition.getKind() == Tree.Kind.LOGICAL_COMPLEMENT;
        if (negated) {
          condition = ASTHelpers.stripParentheses(((UnaryTree) condition).getExpression());
        }
        MethodInvocationTree tryLock =
            condition instanceof IdentifierTree identifier
                ? tryLocals.get(ASTHelpers.getSymbol(identifier))
                : null;
        if (tryLock != null) {
          testReads.add(condition);
          tested.put(ifTree, new TestedTry(tryLock, negated));
          MethodInvocationTree release = negated ? null : onlyRelease(ifTree);
          if (release != null) {
            conditionalReleases.put(release, tryLock);
            inRegions.add(release);
          }
        }
        return super.visitIf(ifTree, unused);
      }

      /** {@code if (locked) lock.unlock();}, braced or not, without an else: the release. */
      @Nullable
      private MethodInvocationTree onlyRelease(IfTree ifTree) {
        if (ifTree.getElseStatement() != null) {
          return null;
        }
        StatementTree then = ifTree.getThenStatement();
        if (then instanceof BlockTree block) {
          if (block.getStatements().size() != 1) {
            return null;
          }
          then = block.getStatements().get(0);
        }
        return then instanceof ExpressionStatementTree statement
                && statement.getExpression() instanceof MethodInvocationTree call
                && LockOperation.effectOf(call, state).orElse(null) == LockOperation.Effect.RELEASE
            ? call
            : null;
      }

      private boolean isTryLock(MethodInvocationTree call) {
        LockOperation.Effect effect = LockOperation.effectOf(call, state).orElse(null);
        return effect == LockOperation.Effect.TRY_ACQUIRE
            || effect == LockOperation.Effect.TRY_ACQUIRE_TIMED;
      }

      @Override
      public Void visitBlock(BlockTree block, Void unused) {
        // Each statement with the one before it (javac's lists are linked: no get(i)).
        StatementTree previous = null;
        for (StatementTree statement : block.getStatements()) {
          StatementTree preceding = previous;
          previous = statement;
          if (!(statement instanceof TryTree tryTree) || regions.containsKey(tryTree)) {
            continue;
          }
          MethodInvocationTree release = release(tryTree);
          if (release == null) {
            continue;
          }
          MethodInvocationTree before = preceding != null ? acquisition(preceding) : null;
          List<? extends StatementTree> guarded = tryTree.getBlock().getStatements();
          MethodInvocationTree first = guarded.isEmpty() ? null : acquisition(guarded.get(0));
          // With both, the one in the try opens a region of its own or leaves the body unstructured.
          if (before != null) {
            regions.put(tryTree, new Region(before, release, Shape.BEFORE_TRY));
          } else if (first != null && tryTree.getCatches().isEmpty()) {
            // (With catches, whether one runs with the lock held depends on what lock() can throw.)
            regions.put(tryTree, new Region(first, release, Shape.FIRST_IN_TRY));
          } else {
            continue;
          }
          inRegions.add(regions.get(tryTree).acquire());
          inRegions.add(release);
        }
        return super.visitBlock(block, unused);
      }

      @Override
      public Void visitTry(TryTree tryTree, Void unused) {
        if (!tryTree.getResources().isEmpty() && !regions.containsKey(tryTree)) {
          MethodInvocationTree acquire = lockingResource(tryTree);
          if (acquire != null) {
            regions.put(tryTree, new Region(acquire, null, Shape.RESOURCE));
            inRegions.add(acquire);
          }
        }
        return super.visitTry(tryTree, unused);
      }

      /** The one resource that takes a lock its own {@code close()} gives up: its acquiring call. */
      @Nullable
      private MethodInvocationTree lockingResource(TryTree tryTree) {
        MethodInvocationTree found = null;
        for (Tree resource : tryTree.getResources()) {
          if (resource instanceof VariableTree variable
              && variable.getInitializer() instanceof MethodInvocationTree call
              && LockOperation.effectOf(call, state).orElse(null) == LockOperation.Effect.ACQUIRE) {
            MethodSymbol close = LockHelpers.closeOf(ASTHelpers.getType(variable), state);
            if (found != null
                || close == null
                || LockHelpers.kindOf(close, state) != LockHelpers.Kind.RELEASES) {
              return null;
            }
            found = call;
          }
        }
        return found;
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        Optional<LockOperation.Effect> effect = LockOperation.effectOf(node, state);
        if (effect.isPresent()) {
          lockCalls[0]++;
          if (effect.get() != LockOperation.Effect.ACQUIRE
              && effect.get() != LockOperation.Effect.RELEASE
              && !inRegions.contains(node)) {
            unstructured[0] = true; // a tryLock tested other than through a local: one branch only
          }
        }
        return super.visitMethodInvocation(node, unused);
      }

      /** {@code x.lock();} or {@code long stamp = sl.writeLock();}: the acquiring call, if it is one. */
      @Nullable
      private MethodInvocationTree acquisition(StatementTree statement) {
        Tree expression =
            statement instanceof ExpressionStatementTree e
                ? e.getExpression()
                : statement instanceof VariableTree v ? v.getInitializer() : null;
        return expression instanceof MethodInvocationTree call
                && LockOperation.effectOf(call, state).orElse(null) == LockOperation.Effect.ACQUIRE
            ? call
            : null;
      }

      /** The release that opens the {@code finally} of {@code tryTree}, if one does. */
      @Nullable
      private MethodInvocationTree release(TryTree tryTree) {
        BlockTree finallyBlock = tryTree.getFinallyBlock();
        if (finallyBlock == null
            || finallyBlock.getStatements().isEmpty()
            || !(finallyBlock.getStatements().get(0) instanceof ExpressionStatementTree statement)
            || !(statement.getExpression() instanceof MethodInvocationTree call)) {
          return null;
        }
        return LockOperation.effectOf(call, state).orElse(null) == LockOperation.Effect.RELEASE
            ? call
            : null;
      }
    }.scan(body, null);
    if (unstructured[0] || lockCalls[0] != inRegions.size()) {
      return Optional.empty();
    }
    return Optional.of(
        new StructuredLocking(regions, tested, conditionalReleases, resolver, state));
  }

  /**
   * The explicit locks held before {@code query} (a path inside the body, ending at the body's root
   * {@code root}), after {@code heldOnEntry}; empty when the regions' locks turn out not to be distinct
   * (the caller then runs the dataflow).
   */
  Optional<ImmutableSet<LockId>> heldBefore(TreePath query, Tree root, ImmutableSet<LockId> heldOnEntry) {
    Map<TryTree, LockId> regionLocks = resolveLocks(heldOnEntry);
    if (regionLocks == null) {
      return Optional.empty();
    }
    List<LockId> innermostFirst = new ArrayList<>();
    Tree child = null;
    Tree grandchild = null;
    for (TreePath p = query; p != null && p.getLeaf() != root; p = p.getParentPath()) {
      if (p.getLeaf() instanceof TryTree tryTree
          && regions.containsKey(tryTree)
          && inside(regions.get(tryTree).shape(), tryTree, child, grandchild)) {
        innermostFirst.add(regionLocks.get(tryTree));
      }
      if (p.getLeaf() instanceof IfTree ifTree && tested.containsKey(ifTree)) {
        TestedTry test = tested.get(ifTree);
        if (child == (test.heldInElse() ? ifTree.getElseStatement() : ifTree.getThenStatement())) {
          innermostFirst.add(tryLocks.get(test.tryLock()));
        }
      }
      grandchild = child;
      child = p.getLeaf();
    }
    ImmutableSet.Builder<LockId> held = ImmutableSet.<LockId>builder().addAll(heldOnEntry);
    for (LockId lock : ImmutableList.copyOf(innermostFirst).reverse()) {
      held.add(lock);
    }
    return Optional.of(held.build());
  }

  /** Whether this body's answers stand for the dataflow's, given the locks held on entry. */
  boolean applies(ImmutableSet<LockId> heldOnEntry) {
    return resolveLocks(heldOnEntry) != null;
  }

  /**
   * Whether code reached through {@code child} (a part of {@code tryTree}) and then {@code grandchild}
   * (a statement of that part) runs with the region's lock held.
   */
  private static boolean inside(Shape shape, TryTree tryTree, Tree child, Tree grandchild) {
    BlockTree finallyBlock = tryTree.getFinallyBlock();
    return switch (shape) {
      // Held from the try to the release: in resources, block, catches, and the release itself.
      case BEFORE_TRY ->
          child != finallyBlock || grandchild == finallyBlock.getStatements().get(0);
      // Held only in the block, after the acquiring statement: the finally may be reached from a
      // lock() that threw.
      case FIRST_IN_TRY ->
          child == tryTree.getBlock() && grandchild != tryTree.getBlock().getStatements().get(0);
      // Held in the block: the resource is closed before a catch or the finally runs.
      case RESOURCE -> child == tryTree.getBlock();
    };
  }

  /**
   * Each region's lock; null unless every acquisition is released by its own region's release and the
   * regions take distinct lock objects that are not held on entry (a reentrant region would release
   * its outer one's lock early in the must-analysis).
   */
  @Nullable
  private Map<TryTree, LockId> resolveLocks(ImmutableSet<LockId> heldOnEntry) {
    if (resolved) {
      return locks;
    }
    resolved = true; // decided once per body
    Map<TryTree, LockId> byRegion = new IdentityHashMap<>();
    Set<String> objects = new HashSet<>();
    for (LockId held : heldOnEntry) {
      objects.add(held.objectKey());
    }
    for (Map.Entry<TryTree, Region> entry : regions.entrySet()) {
      Region region = entry.getValue();
      Optional<LockOperation> acquire = LockOperation.of(region.acquire(), resolver, state);
      // A resource's close() gives up the object it was called on, which its acquisition returned.
      Optional<LockOperation> release =
          region.release() == null ? acquire : LockOperation.of(region.release(), resolver, state);
      if (acquire.isEmpty()
          || release.isEmpty()
          || !release.get().locks().contains(acquire.get().lock())
          || !objects.add(acquire.get().lock().objectKey())) {
        return null;
      }
      byRegion.put(entry.getKey(), acquire.get().lock());
    }
    Map<MethodInvocationTree, LockId> byTryLock = new IdentityHashMap<>();
    for (TestedTry test : tested.values()) {
      if (byTryLock.containsKey(test.tryLock())) {
        continue;
      }
      Optional<LockOperation> tryLock = LockOperation.of(test.tryLock(), resolver, state);
      if (tryLock.isEmpty() || !objects.add(tryLock.get().lock().objectKey())) {
        return null;
      }
      byTryLock.put(test.tryLock(), tryLock.get().lock());
    }
    for (Map.Entry<MethodInvocationTree, MethodInvocationTree> release : conditionalReleases.entrySet()) {
      Optional<LockOperation> op = LockOperation.of(release.getKey(), resolver, state);
      LockId tried = byTryLock.get(release.getValue());
      if (op.isEmpty() || tried == null || !op.get().locks().contains(tried)) {
        return null;
      }
    }
    tryLocks = byTryLock;
    locks = byRegion;
    return locks;
  }
}
