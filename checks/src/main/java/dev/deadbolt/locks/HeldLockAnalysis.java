package dev.deadbolt.locks;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.processing.JavacProcessingEnvironment;
import dev.deadbolt.blocking.ImmediateMethods;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.checkerframework.errorprone.dataflow.analysis.AnalysisResult;
import org.checkerframework.errorprone.dataflow.analysis.ForwardAnalysisImpl;
import org.checkerframework.errorprone.dataflow.analysis.UnusedAbstractValue;
import org.checkerframework.errorprone.dataflow.cfg.ControlFlowGraph;
import org.checkerframework.errorprone.dataflow.cfg.UnderlyingAST;
import org.checkerframework.errorprone.dataflow.cfg.builder.CFGBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Which locks are held at a program point.
 *
 * <p>Two sources, combined:
 *
 * <ul>
 *   <li>Monitors, read off the tree: the enclosing {@code synchronized} blocks and a {@code synchronized}
 *       method. (The CFG has no end-of-monitor node on exceptional exits, so dataflow would leak them
 *       into outer {@code catch} blocks.)
 *   <li>Explicit locks ({@code lock()/unlock()/tryLock()}, {@code StampedLock}), by a flow-sensitive
 *       must-analysis over the Checker Framework CFG of the enclosing method or lambda, plus the locks
 *       that {@code @Holding}/{@code @GuardedBy} on the method promise.
 * </ul>
 *
 * <p>A lambda or class body is a boundary: its code runs later, on whatever thread calls it, so the
 * locks around where it is written do not apply. The exception is a lambda or method reference passed
 * to an {@link ImmediateMethods immediate} method such as {@code forEach}.
 *
 * <p>Cost: a walk up the tree path per query, and a look at each call named like a lock method in a
 * method or lambda body, only in methods with a {@link LockSigns sign} of a lock (the walk that finds
 * the signs keeps these calls per body). In a body that takes locks
 * block-structured ({@link StructuredLocking}, nearly always) the held locks are then read off the
 * tree; otherwise the CFG is built and the dataflow runs, once per body.
 */
public final class HeldLockAnalysis {
  /**
   * Test runs set this system property to check every answer of {@link StructuredLocking} against the
   * dataflow it stands in for.
   */
  static final boolean VERIFY_STRUCTURED = Boolean.getBoolean("deadbolt.verifyStructuredLocking");

  private final ImmediateMethods immediate;
  private final Map<Tree, Root> roots = new IdentityHashMap<>();
  private final Map<Tree, LockResolver> resolvers = new IdentityHashMap<>();
  private final Map<Tree, Boolean> runsNow = new IdentityHashMap<>();
  @Nullable private CompilationUnitTree unit;
  /** False for a unit with no sign of a lock anywhere: nothing in it can be held. */
  private boolean unitMayTakeLocks;

  @Nullable private Tree lastAsked;
  private boolean lastAnswer;

  public HeldLockAnalysis(ImmediateMethods immediate) {
    this.immediate = immediate;
  }

  /**
   * The locks held when the expression at {@code path} is evaluated, outermost first. {@code state}
   * is the visitor state of the compilation unit that contains {@code path}.
   */
  public ImmutableSet<LockId> heldAt(TreePath path, VisitorState state) {
    enter(path.getCompilationUnit(), state);
    LockResolver resolver = resolverFor(path, state);
    // Layers from the innermost scope out; each layer in acquisition order.
    Deque<Collection<LockId>> layers = new ArrayDeque<>();
    TreePath query = path;
    Tree child = null;
    for (TreePath p = path; p != null; child = p.getLeaf(), p = p.getParentPath()) {
      Tree t = p.getLeaf();
      if (t instanceof SynchronizedTree sync && child == sync.getBlock()) {
        layers.push(List.of(resolver.monitor(sync.getExpression())));
      } else if (t instanceof LambdaExpressionTree) {
        layers.push(root(p, resolver, state).heldBefore(query));
        if (!runsNow(p, state)) {
          break; // runs later, without the enclosing locks
        }
        query = p;
      } else if (t instanceof MethodTree method) {
        layers.push(root(p, resolver, state).heldBefore(query));
        layers.push(synchronizedMethodMonitor(method));
        break;
      } else if (t instanceof ClassTree) {
        break; // field initializers and initializer blocks: only the monitors inside them
      }
    }
    ImmutableSet.Builder<LockId> outermostFirst = ImmutableSet.builder();
    for (Collection<LockId> layer : layers) { // the last pushed, outermost, comes first
      outermostFirst.addAll(layer);
    }
    return outermostFirst.build();
  }

  /**
   * Whether any lock can be held at {@code path}, decided without dataflow: an enclosing {@code
   * synchronized} block or method, or an enclosing method or lambda (up to the first that runs later)
   * that calls lock methods or is annotated as running under a lock. The cheap filter every check runs
   * before anything costly.
   */
  public boolean mayHoldLocks(TreePath path, VisitorState state) {
    enter(path.getCompilationUnit(), state);
    // Several checks ask about the same call, one after another.
    if (path.getLeaf() == lastAsked) {
      return lastAnswer;
    }
    lastAsked = path.getLeaf();
    lastAnswer = mayHoldLocksAt(path, state);
    return lastAnswer;
  }

  private boolean mayHoldLocksAt(TreePath path, VisitorState state) {
    if (!unitMayTakeLocks) {
      return false;
    }
    Tree child = null;
    for (TreePath p = path; p != null; child = p.getLeaf(), p = p.getParentPath()) {
      Tree t = p.getLeaf();
      if (t instanceof SynchronizedTree sync && child == sync.getBlock()) {
        return true;
      } else if (t instanceof LambdaExpressionTree) {
        if (root(p, path, state).mayHold()) {
          return true;
        }
        if (!runsNow(p, state)) {
          return false;
        }
      } else if (t instanceof MethodTree method) {
        return !synchronizedMethodMonitor(method).isEmpty()
            || root(p, path, state).mayHold();
      } else if (t instanceof ClassTree) {
        return false;
      }
    }
    return false;
  }

  /** The resolver for the member (method, field, initializer) that contains {@code path}. */
  public LockResolver resolverFor(TreePath path, VisitorState state) {
    enter(path.getCompilationUnit(), state);
    TreePath member = path;
    while (member.getParentPath() != null
        && !(member.getParentPath().getLeaf() instanceof ClassTree)) {
      member = member.getParentPath();
    }
    TreePath classPath = member.getParentPath();
    ClassSymbol owner =
        classPath == null ? null : ASTHelpers.getSymbol((ClassTree) classPath.getLeaf());
    Tree memberTree = member.getLeaf();
    LockResolver resolver = resolvers.get(memberTree);
    if (resolver == null) {
      resolver = new LockResolver(memberTree, owner, state);
      resolvers.put(memberTree, resolver);
    }
    return resolver;
  }

  /** The monitor a {@code synchronized} method takes, if it is one. */
  public static ImmutableSet<LockId> synchronizedMethodMonitor(MethodTree method) {
    MethodSymbol symbol = ASTHelpers.getSymbol(method);
    // The symbol's flags, not the tree's modifier set: asked for every call, and that set is a copy.
    if (symbol == null || (symbol.flags() & Flags.SYNCHRONIZED) == 0) {
      return ImmutableSet.of();
    }
    ClassSymbol owner = (ClassSymbol) symbol.owner;
    return ImmutableSet.of(
        symbol.isStatic() ? LockResolver.classMonitor(owner) : LockResolver.thisMonitor(owner));
  }

  /** Whether the lambda at {@code path} runs now; asked for every call inside it, so cached. */
  private boolean runsNow(TreePath lambda, VisitorState state) {
    Boolean known = runsNow.get(lambda.getLeaf());
    if (known == null) {
      known = immediate.runsNow(lambda, state);
      runsNow.put(lambda.getLeaf(), known);
    }
    return known;
  }

  /**
   * Caches are per compilation unit: trees of other units are never queried here, and a compilation's
   * worth of them would only grow the maps.
   */
  private void enter(CompilationUnitTree current, VisitorState state) {
    if (current != unit) {
      unit = current;
      unitMayTakeLocks = LockSigns.anyInUnit(current, state.context);
      lastAsked = null;
      roots.clear();
      resolvers.clear();
      runsNow.clear();
    }
  }

  /** As below; the resolver is looked up only when the root is new (the common case is cached). */
  private Root root(TreePath rootPath, TreePath memberPath, VisitorState state) {
    Root root = roots.get(rootPath.getLeaf());
    return root != null ? root : root(rootPath, resolverFor(memberPath, state), state);
  }

  private Root root(TreePath rootPath, LockResolver resolver, VisitorState state) {
    Root root = roots.get(rootPath.getLeaf());
    if (root == null) {
      root = new Root(rootPath, resolver, state);
      roots.put(rootPath.getLeaf(), root);
    }
    return root;
  }

  /** What a body's prescan found: any lock call, and its only acquisition if it has one. */
  private record LockCalls(boolean any, @Nullable Tree onlyAcquisition) {}

  /** A method or lambda body: the unit the dataflow runs on. */
  private static final class Root {
    private final TreePath path;
    private final LockResolver resolver;
    private final VisitorState state;
    private final ImmutableSet<LockId> heldOnEntry;
    private final boolean takesLocks;
    /** The root's only waiting acquisition, if it has exactly one: nothing explicit is held before it. */
    @Nullable private final Tree onlyAcquisition;
    @Nullable private AnalysisResult<UnusedAbstractValue, HeldLockStore> result;
    /** The block structure of the root's lock calls, read on first need; empty if it has none. */
    @Nullable private Optional<StructuredLocking> structured;

    Root(TreePath path, LockResolver resolver, VisitorState state) {
      this.path = path;
      this.resolver = resolver;
      this.state = state;
      if (!mayHaveSigns(path, state)) {
        // No lock call, no synchronized, no contract: nothing to read or scan.
        this.heldOnEntry = ImmutableSet.of();
        this.takesLocks = false;
        this.onlyAcquisition = null;
        return;
      }
      this.heldOnEntry =
          path.getLeaf() instanceof MethodTree method
              ? LockContracts.heldOnEntry(ASTHelpers.getSymbol(method), state)
              : ImmutableSet.of();
      LockCalls calls = lockCalls(path, state);
      this.takesLocks = calls.any();
      this.onlyAcquisition = calls.onlyAcquisition();
    }

    /**
     * Whether the method that is (or, for a lambda, contains) this root has a sign of a lock; a lambda
     * outside any method (in a field's initializer) is scanned as it is.
     */
    private static boolean mayHaveSigns(TreePath root, VisitorState state) {
      for (TreePath p = root; p != null; p = p.getParentPath()) {
        if (p.getLeaf() instanceof MethodTree method) {
          return LockSigns.anyInMethod(method, root.getCompilationUnit(), state.context);
        }
      }
      return true;
    }

    boolean mayHold() {
      return takesLocks || !heldOnEntry.isEmpty();
    }

    /** The explicit locks held before the tree at {@code query}, a path inside this root. */
    ImmutableSet<LockId> heldBefore(TreePath query) {
      if (!takesLocks || query.getLeaf() == onlyAcquisition) {
        return heldOnEntry;
      }
      Optional<StructuredLocking> shape = structured();
      Optional<ImmutableSet<LockId>> structured =
          shape.isPresent()
              ? shape.get().heldBefore(query, path.getLeaf(), heldOnEntry)
              : Optional.empty();
      if (structured.isEmpty()) {
        return fromDataflow(query.getLeaf());
      }
      if (VERIFY_STRUCTURED) {
        ImmutableSet<LockId> computed = fromDataflow(query.getLeaf());
        if (!computed.asList().equals(structured.get().asList())) {
          throw new IllegalStateException(
              "structured locking says " + structured.get() + " but the dataflow says " + computed
                  + " before `" + query.getLeaf() + "`");
        }
      }
      return structured.get();
    }

    private Optional<StructuredLocking> structured() {
      if (structured == null) {
        structured = StructuredLocking.of(body(path.getLeaf()), resolver, state);
      }
      return structured;
    }

    /** The body of a method or lambda root. */
    private static Tree body(Tree root) {
      return root instanceof MethodTree m ? m.getBody() : ((LambdaExpressionTree) root).getBody();
    }

    private ImmutableSet<LockId> fromDataflow(Tree query) {
      HeldLockStore store = analysis().getStoreBefore(query);
      // No store: the tree is unreachable, or is not an expression the CFG models.
      return store == null ? heldOnEntry : store.held();
    }

    private AnalysisResult<UnusedAbstractValue, HeldLockStore> analysis() {
      if (result == null) {
        HeldLockTransfer transfer =
            new HeldLockTransfer(HeldLockStore.of(heldOnEntry), resolver, state);
        ForwardAnalysisImpl<UnusedAbstractValue, HeldLockStore, HeldLockTransfer> analysis =
            new ForwardAnalysisImpl<>(transfer);
        analysis.performAnalysis(cfg());
        result = analysis.getResult();
      }
      return result;
    }

    private ControlFlowGraph cfg() {
      ClassTree enclosingClass = null;
      MethodTree enclosingMethod = null;
      for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
        if (enclosingMethod == null && p.getLeaf() instanceof MethodTree m) {
          enclosingMethod = m;
        }
        if (p.getLeaf() instanceof ClassTree c) {
          enclosingClass = c;
          break;
        }
      }
      UnderlyingAST ast =
          path.getLeaf() instanceof LambdaExpressionTree lambda
              ? new UnderlyingAST.CFGLambda(lambda, enclosingClass, enclosingMethod)
              : new UnderlyingAST.CFGMethod((MethodTree) path.getLeaf(), enclosingClass);
      return CFGBuilder.build(
          path.getCompilationUnit(),
          ast,
          false,
          false,
          JavacProcessingEnvironment.instance(state.context));
    }

    /**
     * The lock calls of the body (not of its nested lambdas or classes: roots of their own), from the
     * calls named like lock methods that the walk of the file found in it.
     */
    private static LockCalls lockCalls(TreePath root, VisitorState state) {
      int count = 0;
      int acquisitions = 0;
      Tree lastAcquisition = null;
      for (MethodInvocationTree call :
          LockSigns.lockNamedCallsIn(root.getLeaf(), root.getCompilationUnit(), state.context)) {
        Optional<LockOperation.Effect> effect = LockOperation.effectOf(call, state);
        if (effect.isPresent()) {
          count++;
          if (effect.get() != LockOperation.Effect.RELEASE) {
            acquisitions++;
            lastAcquisition = call;
          }
        }
      }
      return new LockCalls(count > 0, acquisitions == 1 ? lastAcquisition : null);
    }
  }
}
