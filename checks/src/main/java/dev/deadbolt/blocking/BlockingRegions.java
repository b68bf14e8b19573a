package dev.deadbolt.blocking;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.tree.JCTree;
import dev.deadbolt.engine.LockAnalyses;
import dev.deadbolt.hierarchy.LockNode;
import dev.deadbolt.locks.HeldLockAnalysis;
import dev.deadbolt.locks.LockId;
import dev.deadbolt.locks.LockOperation;
import dev.deadbolt.locks.LockResolver;
import dev.deadbolt.locks.LockSigns;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The lock regions of one compilation unit that block, each with its blocking calls: what
 * BlockingCallUnderLock reports, one finding per region, and what VirtualThreadPinning leaves to it.
 *
 * <p>A blocking call belongs to the region of the innermost lock still held across it (a {@code
 * wait()} gives up its own monitor), anchored where that lock is acquired: the {@code synchronized}
 * block, the {@code synchronized} method, the {@code lock()} call, or the method whose contract ({@code
 * @Holding}) says it runs under the lock. The anchor stays put when calls inside the region change, so
 * a baseline keeps recognising the finding.
 *
 * <p>Left out, as not a cause of their own:
 *
 * <ul>
 *   <li>a call whose chain blocks inside a region of its own on a lock already held here (a {@code
 *       synchronized} method of the same object re-entered): that region is reported where it is;
 *   <li>a call in a serialization hook ({@code writeObject(ObjectOutputStream)}, {@code
 *       readObject(ObjectInputStream)}): writing the object's state under its own lock is what the
 *       hook is for.
 * </ul>
 */
public final class BlockingRegions {

  /**
   * A blocking call in a region.
   *
   * @param path the call
   * @param cause why it blocks
   * @param held the locks held across it, outermost first (a lock its own {@code wait()} gives up is
   *     not)
   */
  public record Call(TreePath path, BlockingCause cause, ImmutableSet<LockId> held) {
    /** The 1-based line of the call. */
    public long line() {
      return path.getCompilationUnit()
          .getLineMap()
          .getLineNumber(((JCTree) path.getLeaf()).getStartPosition());
    }
  }

  /** A lock region that blocks: where its lock is taken, and its blocking calls in source order. */
  public static final class Region {
    private final TreePath anchor;
    private final LockId lock;
    private final List<Call> calls = new ArrayList<>();

    Region(TreePath anchor, LockId lock) {
      this.anchor = anchor;
      this.lock = lock;
    }

    /** Where the region's lock is acquired: a synchronized block or method, or a lock() call. */
    public TreePath anchor() {
      return anchor;
    }

    /** The region's lock: the innermost one held across its calls. */
    public LockId lock() {
      return lock;
    }

    public List<Call> calls() {
      return calls;
    }
  }

  /** Receives each call node of the unit with a state whose path is the call's. */
  public interface CallSource {
    void forEachCall(CallVisitor visitor);
  }

  /** One call node and its state. */
  public interface CallVisitor {
    void visit(Tree call, VisitorState state);
  }

  private final CompilationUnitTree unit;
  private final Map<Tree, Region> byAnchor = new LinkedHashMap<>();
  /** Per method or lambda body, its calls that take a lock, resolved once (many calls ask). */
  private final Map<Tree, List<Acquisition>> acquisitions = new IdentityHashMap<>();

  /** A call that takes {@code locks}, at {@code position} in the file. */
  private record Acquisition(MethodInvocationTree call, int position, List<LockId> locks) {}

  private BlockingRegions(CompilationUnitTree unit) {
    this.unit = unit;
  }

  /**
   * The blocking regions of {@code unit}, found from its calls ({@code calls}) the first time any check
   * asks, then kept until the next unit.
   */
  public static BlockingRegions of(
      CompilationUnitTree unit, LockAnalyses analyses, CallSource calls) {
    BlockingRegions known = analyses.blockingRegionsOf(unit);
    if (known != null) {
      return known;
    }
    BlockingRegions regions = new BlockingRegions(unit);
    analyses.keepBlockingRegions(regions);
    if (LockSigns.anyInUnit(unit, analyses.context())) {
      calls.forEachCall((call, state) -> regions.consider(call, state, analyses));
    }
    return regions;
  }

  public CompilationUnitTree unit() {
    return unit;
  }

  /** The regions in the order their first blocking call appears. */
  public List<Region> regions() {
    return List.copyOf(byAnchor.values());
  }

  /** The region anchored at {@code acquisition}, if it blocks. */
  public Optional<Region> anchoredAt(Tree acquisition) {
    return Optional.ofNullable(byAnchor.get(acquisition));
  }

  private void consider(Tree call, VisitorState state, LockAnalyses analyses) {
    TreePath path = state.getPath();
    HeldLockAnalysis heldLocks = analyses.heldLocks();
    // Cheapest first: in code that takes no lock this is a walk up the tree path, nothing more; the
    // dataflow runs only for a call that blocks, in a method that takes a lock.
    if (!heldLocks.mayHoldLocks(path, state)) {
      return;
    }
    if (call instanceof MemberReferenceTree && !analyses.immediateMethods().runsNow(path, state)) {
      return; // `items.forEach(this::send)` runs send() right here; a stored reference runs later
    }
    LockResolver resolver = heldLocks.resolverFor(path, state);
    Optional<BlockingCause> cause =
        analyses.blockingCalls().causeOf((ExpressionTree) call, resolver, state);
    if (cause.isEmpty() || inSerializationHook(path)) {
      return;
    }
    ImmutableSet<LockId> held = heldLocks.heldAt(path, state);
    Set<LockId> stillHeld = new LinkedHashSet<>();
    for (LockId lock : held) {
      // wait()/await() give up their own lock while waiting; only the other locks stay held.
      if (!cause.get().releasesWhileWaiting().equals(Optional.of(lock))) {
        stillHeld.add(lock);
      }
    }
    if (stillHeld.isEmpty() || reentersHeldLock(cause.get(), stillHeld)) {
      return;
    }
    List<LockId> ordered = new ArrayList<>(stillHeld);
    LockId innermost = ordered.get(ordered.size() - 1);
    TreePath anchor = acquisitionOf(innermost, path, resolver, state, acquisitions);
    Region region = byAnchor.get(anchor.getLeaf());
    if (region == null) {
      region = new Region(anchor, innermost);
      byAnchor.put(anchor.getLeaf(), region);
    }
    region.calls.add(new Call(path, cause.get(), ImmutableSet.copyOf(ordered)));
  }

  /**
   * Whether the chain blocks inside a monitor of its own that is one of {@code held}, re-entered: the
   * region of that monitor in the callee is the cause, reported there. (By declaration: the monitor of
   * any instance of the class, which is the same object when the chain stays on {@code this}, as it
   * nearly always does.)
   */
  private static boolean reentersHeldLock(BlockingCause cause, Set<LockId> held) {
    if (cause.takenByChain().isEmpty()) {
      return false;
    }
    for (LockId lock : held) {
      Optional<LockNode> node = LockNode.of(lock);
      if (node.isPresent() && cause.takenByChain().contains(node.get())) {
        return true;
      }
    }
    return false;
  }

  /** Whether the code at {@code path} is in a serialization hook ({@link #isSerializationHook}). */
  private static boolean inSerializationHook(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof MethodTree method) {
        MethodSymbol symbol = ASTHelpers.getSymbol(method);
        return symbol != null && isSerializationHook(symbol);
      }
    }
    return false;
  }

  /** {@code private void writeObject(ObjectOutputStream)} or {@code readObject(ObjectInputStream)}. */
  static boolean isSerializationHook(MethodSymbol symbol) {
    return symbol.isPrivate()
        && symbol.getParameters().size() == 1
        && (isHook(symbol, "writeObject", "java.io.ObjectOutputStream")
            || isHook(symbol, "readObject", "java.io.ObjectInputStream"));
  }

  private static boolean isHook(MethodSymbol method, String name, String parameterType) {
    return method.getSimpleName().contentEquals(name)
        && method.getParameters().get(0).asType().tsym.getQualifiedName().contentEquals(parameterType);
  }

  /**
   * Where {@code lock}, held at {@code at}, was acquired: the enclosing {@code synchronized} block or
   * method on it, else the last call that takes it before {@code at} in an enclosing method or lambda
   * body, else the enclosing method (a lock held on entry by contract).
   */
  private static TreePath acquisitionOf(
      LockId lock,
      TreePath at,
      LockResolver resolver,
      VisitorState state,
      Map<Tree, List<Acquisition>> known) {
    Tree child = null;
    for (TreePath p = at; p != null; child = p.getLeaf(), p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof SynchronizedTree sync
          && child == sync.getBlock()
          && resolver.monitor(sync.getExpression()).equals(lock)) {
        return p;
      }
      if (!lock.isMonitor() && (leaf instanceof MethodTree || leaf instanceof LambdaExpressionTree)) {
        TreePath call = lastAcquisitionBefore(lock, p, at, resolver, state, known);
        if (call != null) {
          return call;
        }
      }
      if (leaf instanceof MethodTree) {
        return p; // its synchronized modifier, or its contract
      }
    }
    return at;
  }

  @Nullable
  private static TreePath lastAcquisitionBefore(
      LockId lock,
      TreePath root,
      TreePath at,
      LockResolver resolver,
      VisitorState state,
      Map<Tree, List<Acquisition>> known) {
    List<Acquisition> inRoot = known.get(root.getLeaf());
    if (inRoot == null) {
      inRoot = acquisitionsIn(root, resolver, state);
      known.put(root.getLeaf(), inRoot);
    }
    int before = ((JCTree) at.getLeaf()).getStartPosition();
    Acquisition found = null;
    Acquisition first = null;
    for (Acquisition acquisition : inRoot) {
      if (!acquisition.locks().contains(lock)) {
        continue;
      }
      if (first == null) {
        first = acquisition;
      }
      if (acquisition.position() < before) {
        found = acquisition;
      }
    }
    Acquisition chosen = found != null ? found : first;
    return chosen == null ? null : TreePath.getPath(root, chosen.call());
  }

  /** The calls of a method or lambda body that take a lock, in source order. */
  private static List<Acquisition> acquisitionsIn(
      TreePath root, LockResolver resolver, VisitorState state) {
    List<Acquisition> found = new ArrayList<>();
    for (MethodInvocationTree call :
        LockSigns.lockNamedCallsIn(root.getLeaf(), root.getCompilationUnit(), state.context)) {
      Optional<LockOperation> op = LockOperation.of(call, resolver, state);
      if (op.isPresent() && op.get().effect() != LockOperation.Effect.RELEASE) {
        found.add(new Acquisition(call, ((JCTree) call).getStartPosition(), op.get().locks()));
      }
    }
    return found;
  }
}
