package dev.deadbolt.analysis;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * For each method whose source is in this compilation (any file of it: with {@code
 * -XDcompilePolicy=simple} every class is attributed before Error Prone runs), whether running it
 * blocks, and whether it parks on a {@code java.util.concurrent} lock, with the chain of calls that
 * leads there.
 *
 * <p>Each body is scanned at most once per compilation, whole: blocking, parking and acquisitions are
 * read in the same pass. Recursion is cut where a method is already on
 * the stack; a result that depended on such a cut is kept only for the current query, so a method is
 * never cached as non-blocking just because its cycle was still open.
 */
final class MethodSummaries {
  /** Deeper chains exist but say little; the cut keeps the cost of a pathological graph bounded. */
  private static final int MAX_DEPTH = 12;

  /**
   * What running a method can do: block, park on a {@code java.util.concurrent} lock, and which locks
   * it waits for (each with the first chain that reaches it).
   */
  record Summary(
      Optional<BlockingCause> blocks,
      Optional<BlockingCause> parks,
      ImmutableMap<LockNode, AcquiredLock> acquires) {
    static final Summary NOTHING =
        new Summary(Optional.empty(), Optional.empty(), ImmutableMap.of());
  }

  private final BlockingCalls blockingCalls;
  private final ImmediateMethods immediate;
  private final VisitorState state;
  private final MethodTrees methodTrees;
  private final Map<MethodSymbol, Summary> done = new HashMap<>();
  private final Set<MethodSymbol> onStack = new HashSet<>();
  private Map<MethodSymbol, Summary> thisQuery = new HashMap<>();
  private int cuts;

  MethodSummaries(BlockingCalls blockingCalls, ImmediateMethods immediate, VisitorState state) {
    this.blockingCalls = blockingCalls;
    this.immediate = immediate;
    this.state = state;
    this.methodTrees = new MethodTrees(state.context);
  }

  Summary summaryOf(MethodSymbol method) {
    Summary known = done.get(method);
    if (known != null) {
      return known;
    }
    thisQuery = new HashMap<>();
    return summarize(method, 0);
  }

  private Summary summarize(MethodSymbol method, int depth) {
    Summary known = done.get(method);
    if (known == null) {
      known = thisQuery.get(method);
    }
    if (known != null) {
      return known;
    }
    if (onStack.contains(method) || depth > MAX_DEPTH) {
      cuts++;
      return Summary.NOTHING;
    }
    TreePath path = methodTrees.pathOf(method);
    if (path == null || !(path.getLeaf() instanceof MethodTree tree) || tree.getBody() == null) {
      done.put(method, Summary.NOTHING);
      return Summary.NOTHING;
    }
    int cutsBefore = cuts;
    onStack.add(method);
    Summary summary;
    try {
      summary = scan(path, tree, method, depth);
    } finally {
      onStack.remove(method);
    }
    if (cuts == cutsBefore) {
      done.put(method, summary);
    } else {
      thisQuery.put(method, summary);
    }
    return summary;
  }

  private Summary scan(TreePath path, MethodTree tree, MethodSymbol method, int depth) {
    ClassSymbol owner = (ClassSymbol) method.owner;
    LockResolver resolver = new LockResolver(tree, owner, state);
    Optional<BlockingCause>[] blocks = newHolder();
    Optional<BlockingCause>[] parks = newHolder();
    Map<LockNode, AcquiredLock> acquires = new LinkedHashMap<>();
    if ((method.flags() & Flags.SYNCHRONIZED) != 0) {
      LockNode monitor =
          method.isStatic() ? LockNode.classLiteral(owner) : LockNode.thisOf(owner);
      acquires.put(monitor, new AcquiredLock(monitor, ImmutableList.of(), "synchronized " + method.getSimpleName() + "()"));
    }
    new ExecutedNowScanner(immediate, state) {
      @Override
      public Void visitSynchronized(SynchronizedTree node, Void unused) {
        LockNode.of(resolver.monitor(node.getExpression()))
            .ifPresent(
                lock ->
                    acquires.putIfAbsent(
                        lock,
                        new AcquiredLock(
                            lock, ImmutableList.of(), "synchronized " + node.getExpression())));
        return super.visitSynchronized(node, unused);
      }

      @Override
      protected boolean onCall(ExpressionTree call) {
        if (call instanceof MethodInvocationTree invocation) {
          Optional<LockOperation> op = LockOperation.of(invocation, resolver, state);
          if (op.isPresent()) {
            if (op.get().mayWait()) {
              if (parks[0].isEmpty()) {
                parks[0] = Optional.of(parkCause(invocation));
              }
              for (LockId lock : op.get().locks()) {
                LockNode.of(lock)
                    .ifPresent(
                        node ->
                            acquires.putIfAbsent(
                                node, new AcquiredLock(node, ImmutableList.of(), invocation.toString())));
              }
            }
            return true;
          }
        }
        if (!(ASTHelpers.getSymbol(call) instanceof MethodSymbol callee)) {
          return true;
        }
        Optional<BlockingCause> direct = blockingCalls.directCause(call, callee, resolver, state);
        if (blocks[0].isEmpty()) {
          blocks[0] = direct;
        }
        if (direct.isEmpty()) {
          Summary inner = summarize(callee, depth + 1);
          // A @NonBlocking method is trusted not to block, but the locks it takes still count.
          boolean trusted = BlockingCalls.isNonBlocking(callee);
          if (blocks[0].isEmpty() && !trusted) {
            blocks[0] = inner.blocks().map(cause -> cause.through(callee));
          }
          if (parks[0].isEmpty() && !trusted) {
            parks[0] = inner.parks().map(cause -> cause.through(callee));
          }
          inner.acquires().forEach((node, acquired) -> acquires.putIfAbsent(node, acquired.through(callee)));
        }
        return true;
      }
    }.scan(path);
    return new Summary(blocks[0], parks[0], ImmutableMap.copyOf(acquires));
  }

  private static BlockingCause parkCause(MethodInvocationTree call) {
    MethodSymbol lockMethod = (MethodSymbol) ASTHelpers.getSymbol(call);
    return new BlockingCause(
        ImmutableList.of(),
        BlockingCause.name(lockMethod, null),
        "waits for a java.util.concurrent lock (parks under contention)",
        Optional.empty());
  }

  @SuppressWarnings("unchecked")
  private static Optional<BlockingCause>[] newHolder() {
    Optional<BlockingCause>[] holder = new Optional[1];
    holder[0] = Optional.empty();
    return holder;
  }
}
