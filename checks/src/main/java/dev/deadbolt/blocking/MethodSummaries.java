package dev.deadbolt.blocking;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.deadbolt.hierarchy.LockNode;
import dev.deadbolt.javac.MethodTrees;
import dev.deadbolt.locks.AcquiredLock;
import dev.deadbolt.locks.LockId;
import dev.deadbolt.locks.LockOperation;
import dev.deadbolt.locks.LockResolver;
import dev.deadbolt.locks.LockTakers;
import dev.deadbolt.locks.UncontendedLocks;
import dev.deadbolt.summaries.ClassPathSummaries;
import dev.deadbolt.summaries.ModuleEffects;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.type.TypeKind;

/**
 * For each method whose source is in this compilation (any file of it: with {@code
 * -XDcompilePolicy=simple} every class is attributed before Error Prone runs), whether running it
 * blocks, and whether it parks on a {@code java.util.concurrent} lock, with the chain of calls that
 * leads there.
 *
 * <p>The methods that call each other in a cycle (a strongly connected component of the call graph,
 * found as Tarjan's algorithm finds them) are summarized together: a call back into a method whose
 * summary is still being made uses what is known of it so far, and once the whole cycle has been
 * scanned, its methods are scanned again until their summaries stop growing (they only grow, so this
 * ends; usually after one more pass). Then every method of the cycle is summarized for the rest of
 * the compilation, instead of being scanned again by every query that reaches it (in the JDK's
 * sources, 37% of all scans were such repeats). A result cut short by the depth limit is kept only for
 * the current query, so a method is never cached as non-blocking just because its chain was too deep.
 */
final class MethodSummaries {
  /** Deeper chains exist but say little; the cut keeps the cost of a pathological graph bounded. */
  private static final int MAX_DEPTH = 12;

  /**
   * What running a method can do: block (unless its boolean parameters rule that out), park on a {@code
   * java.util.concurrent} lock, and which locks it waits for (each with the first chain that reaches
   * it).
   *
   * @param blocks the likeliest way it blocks whatever its arguments
   * @param guardedBlocks ways it blocks only when boolean parameters have given values ({@code if
   *     (!restarting) { ...awaitTermination... }}), for calls that pass constants
   */
  record Summary(
      Optional<BlockingCause> blocks,
      ImmutableList<Guarded> guardedBlocks,
      Optional<BlockingCause> parks,
      ImmutableMap<LockNode, AcquiredLock> acquires) {
    static final Summary NOTHING =
        new Summary(Optional.empty(), ImmutableList.of(), Optional.empty(), ImmutableMap.of());

    /** Whether {@code other} finds nothing this one does not: the same effects, whatever the chains. */
    boolean sameEffects(Summary other) {
      return blocks.isPresent() == other.blocks.isPresent()
          && guardedBlocks.size() == other.guardedBlocks.size()
          && parks.isPresent() == other.parks.isPresent()
          && acquires.keySet().equals(other.acquires.keySet());
    }

    /**
     * How a call of the method blocks, given its arguments: a way that a constant argument rules out
     * (passing {@code true} for a parameter the blocking needs false) does not count.
     */
    Optional<BlockingCause> blocksAt(ExpressionTree call) {
      if (blocks.isPresent() || guardedBlocks.isEmpty()) {
        return blocks;
      }
      List<? extends ExpressionTree> arguments =
          call instanceof MethodInvocationTree invocation
              ? invocation.getArguments()
              : call instanceof NewClassTree newClass ? newClass.getArguments() : null;
      for (Guarded guarded : guardedBlocks) {
        if (arguments == null || guarded.allows(arguments)) {
          return Optional.of(guarded.cause());
        }
      }
      return Optional.empty();
    }
  }

  /** A boolean parameter (by position) and the value it must have for some code to run. */
  record Guard(int parameter, boolean value) {}

  /** A way of blocking that runs only when every guard holds. */
  record Guarded(ImmutableList<Guard> guards, BlockingCause cause) {
    /** Whether no argument is a constant that contradicts a guard. */
    boolean allows(List<? extends ExpressionTree> arguments) {
      for (Guard guard : guards) {
        if (guard.parameter() < arguments.size()) {
          Boolean constant = ASTHelpers.constValue(arguments.get(guard.parameter()), Boolean.class);
          if (constant != null && constant != guard.value()) {
            return false;
          }
        }
      }
      return true;
    }
  }

  /** Ways of blocking kept per method beyond the unguarded one: a few say all a call site needs. */
  private static final int GUARDED_KEPT = 4;

  /** A method being summarized: its declaration and its number in the order methods were reached. */
  private record Open(TreePath path, MethodTree tree, int number) {}

  private final BlockingCalls blockingCalls;
  private final ImmediateMethods immediate;
  private final VisitorState state;
  private final MethodTrees methodTrees;
  private final UncontendedLocks uncontended;
  private final Implementations implementations;
  private final BriefLocks briefLocks;
  private final Map<MethodSymbol, Summary> done = new HashMap<>();
  /** Results that a depth cut made incomplete: good for the current query only. */
  private Map<MethodSymbol, Summary> thisQuery = new HashMap<>();
  private int cuts;

  // Tarjan's algorithm, within one query. A method stays open from when it is reached until its cycle
  // is closed; `reached` holds the open methods in the order reached, `lowest` the lowest number that
  // the method being scanned (and what it calls) has reached among the open ones.
  private final Map<MethodSymbol, Open> open = new HashMap<>();
  private final Map<MethodSymbol, Summary> soFar = new HashMap<>();
  private final List<MethodSymbol> reached = new ArrayList<>();
  private int numbered;
  private int lowest;

  MethodSummaries(
      BlockingCalls blockingCalls,
      ImmediateMethods immediate,
      LockTakers lockTakers,
      VisitorState state) {
    this.uncontended = new UncontendedLocks(lockTakers);
    this.blockingCalls = blockingCalls;
    this.immediate = immediate;
    this.state = state;
    this.methodTrees = new MethodTrees(state.context);
    this.implementations = new Implementations(state.context, methodTrees);
    this.briefLocks = new BriefLocks(lockTakers, blockingCalls, methodTrees, implementations);
  }

  Summary summaryOf(MethodSymbol method) {
    Summary known = done.get(method);
    if (known != null) {
      return known;
    }
    thisQuery = new HashMap<>();
    // (Left over only if a scan threw: what was open then is forgotten.)
    open.clear();
    soFar.clear();
    reached.clear();
    numbered = 0;
    return summarize(method, 0);
  }

  private Summary summarize(MethodSymbol method, int depth) {
    Summary known = done.get(method);
    if (known != null) {
      return known;
    }
    Open callBack = open.get(method);
    if (callBack != null) {
      // A cycle: the method is still being summarized; its summary grows until the cycle is closed.
      lowest = Math.min(lowest, callBack.number());
      return soFar.getOrDefault(method, Summary.NOTHING);
    }
    known = thisQuery.get(method);
    if (known != null) {
      cuts++; // cut short itself, so whatever uses it is too
      return known;
    }
    if (depth > MAX_DEPTH) {
      cuts++;
      return Summary.NOTHING;
    }
    TreePath path = methodTrees.pathOf(method);
    // ---- Summaries across compilations (#19): a method compiled elsewhere, as its compile recorded it
    if (path == null) {
      ModuleEffects recorded = ClassPathSummaries.of(state.context).effectsOf(method, state);
      if (recorded != null) {
        Summary summary =
            new Summary(recorded.blocks(), ImmutableList.of(), recorded.parks(), recorded.acquires());
        done.put(method, summary);
        return summary;
      }
    }
    // ----
    if (path == null
        || !(path.getLeaf() instanceof MethodTree tree)
        || tree.getBody() == null && implementations.of(method).isEmpty()) {
      done.put(method, Summary.NOTHING);
      return Summary.NOTHING;
    }
    int cutsBefore = cuts;
    int number = numbered++;
    open.put(method, new Open(path, tree, number));
    reached.add(method);
    int callerLowest = lowest;
    lowest = number;
    Summary summary = summarizeOnce(path, tree, method, depth);
    soFar.put(method, summary);
    int reachedLowest = lowest;
    lowest = Math.min(callerLowest, reachedLowest);
    if (reachedLowest == number) {
      summary = close(method, cuts == cutsBefore);
    }
    return summary;
  }

  /**
   * Closes the cycle that {@code root} (reached first of it) belongs to: its methods are those reached
   * since, still open. Rescans them, with each other's summaries so far, until none grows.
   */
  private Summary close(MethodSymbol root, boolean complete) {
    int last = reached.size() - 1;
    if (reached.get(last) == root) {
      // Alone, the usual case: nothing it calls calls it back.
      reached.remove(last);
      open.remove(root);
      Summary summary = soFar.remove(root);
      (complete ? done : thisQuery).put(root, summary);
      return summary;
    }
    // (Plain list operations, no sublists: their code is rarely warm when this first runs.)
    int from = reached.lastIndexOf(root);
    List<MethodSymbol> cycle = new ArrayList<>(reached.size() - from);
    for (int i = from; i <= last; i++) {
      cycle.add(reached.get(i));
    }
    for (int i = last; i >= from; i--) {
      reached.remove(i);
    }
    int outerLowest = lowest;
    boolean grew = true;
    while (grew) {
      grew = false;
      for (MethodSymbol member : cycle) {
        Open declared = open.get(member);
        // Past the depth limit: nothing new is reached (all it calls was reached the first time).
        Summary again = summarizeOnce(declared.path(), declared.tree(), member, MAX_DEPTH + 1);
        if (!again.sameEffects(soFar.get(member))) {
          grew = true;
        }
        soFar.put(member, again);
      }
    }
    lowest = outerLowest;
    for (MethodSymbol member : cycle) {
      open.remove(member);
      (complete ? done : thisQuery).put(member, soFar.remove(member));
    }
    return complete ? done.get(root) : thisQuery.get(root);
  }

  /** One pass over a method: its body, or for an abstract method, its implementations' summaries. */
  private Summary summarizeOnce(TreePath path, MethodTree tree, MethodSymbol method, int depth) {
    return tree.getBody() == null
        ? dispatch(implementations.of(method), depth)
        : scan(path, tree, method, depth);
  }

  /**
   * What a call of an abstract method may do: what its implementations do, each cause reached through
   * the implementation that has it ({@code Connector.open() [SocketConnector] -> Socket.connect()}
   * once the call site adds the abstract method). Behind a branch unless every implementation blocks:
   * which one a call reaches is not known. The locks it acquires count only when there is one
   * implementation, since a lock order is a claim about every run.
   */
  private Summary dispatch(List<MethodSymbol> implementations, int depth) {
    BlockingCause blocks = null;
    BlockingCause parks = null;
    int blocking = 0;
    int parking = 0;
    List<Guarded> guardedBlocks = new ArrayList<>();
    Map<LockNode, AcquiredLock> acquires = new LinkedHashMap<>();
    for (MethodSymbol implementation : implementations) {
      Summary summary = summarize(implementation, depth + 1);
      if (implementations.size() == 1) {
        for (Map.Entry<LockNode, AcquiredLock> acquired : summary.acquires().entrySet()) {
          acquires.put(acquired.getKey(), acquired.getValue().through(implementation));
        }
      }
      if (BlockingCalls.isNonBlocking(implementation)) {
        continue; // trusted, as at a call of it
      }
      if (summary.blocks().isPresent()) {
        blocking++;
        BlockingCause cause = summary.blocks().get().through(implementation);
        if (blocks == null || cause.likelierThan(blocks, false)) {
          blocks = cause;
        }
      }
      for (Guarded guarded : summary.guardedBlocks()) {
        if (guardedBlocks.size() < GUARDED_KEPT) {
          guardedBlocks.add(new Guarded(guarded.guards(), guarded.cause().through(implementation)));
        }
      }
      if (summary.parks().isPresent()) {
        parking++;
        BlockingCause cause = summary.parks().get().through(implementation);
        if (parks == null || cause.likelierThan(parks, false)) {
          parks = cause;
        }
      }
    }
    int all = implementations.size();
    return new Summary(
        blocks == null ? Optional.empty() : Optional.of(blocks.within(List.of(), blocking < all)),
        ImmutableList.copyOf(guardedBlocks),
        parks == null ? Optional.empty() : Optional.of(parks.within(List.of(), parking < all)),
        ImmutableMap.copyOf(acquires));
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
      acquires.put(
          monitor,
          new AcquiredLock(monitor, ImmutableList.of(), "synchronized " + method.getSimpleName() + "()"));
    }
    // The monitors this method holds around the code being scanned, outermost first, and how many
    // branches it is inside: what a blocking call found here is reached within.
    List<LockNode> monitors = new ArrayList<>();
    if ((method.flags() & Flags.SYNCHRONIZED) != 0) {
      monitors.add(method.isStatic() ? LockNode.classLiteral(owner) : LockNode.thisOf(owner));
    }
    int[] branches = {0};
    // How many `throw` statements the code being scanned is inside: building an exception to throw.
    int[] throwing = {0};
    // The boolean parameters' values the code being scanned runs under, innermost last.
    List<Guard> guards = new ArrayList<>();
    boolean testsParameters = hasBooleanParameter(method);
    List<Guarded> guardedBlocks = new ArrayList<>();
    new ExecutedNowScanner(immediate, state) {
      @Override
      public Void visitSynchronized(SynchronizedTree node, Void unused) {
        LockId held = resolver.monitor(node.getExpression());
        // (`synchronized (c ? a : b)` acquires a or b: a lock order speaks of those.)
        for (LockId possible : held.possibleLocks()) {
          Optional<LockNode> lock = LockNode.of(possible);
          if (lock.isPresent()) {
            acquires.putIfAbsent(
                lock.get(),
                new AcquiredLock(
                    lock.get(), ImmutableList.of(), "synchronized " + node.getExpression()));
          }
        }
        Optional<LockNode> monitor = LockNode.of(held);
        scan(node.getExpression(), null);
        if (monitor.isPresent()) {
          monitors.add(monitor.get());
        }
        scan(node.getBlock(), null);
        if (monitor.isPresent()) {
          monitors.remove(monitors.size() - 1);
        }
        return null;
      }

      @Override
      public Void visitIf(IfTree node, Void unused) {
        scan(node.getCondition(), null);
        List<Guard> then = testsParameters ? parameterTerms(node.getCondition(), method) : List.of();
        guards.addAll(then);
        branch(node.getThenStatement());
        for (int i = 0; i < then.size(); i++) {
          guards.remove(guards.size() - 1);
        }
        // `if (p) ... else X`: X runs when p is false; a compound condition says nothing of its else.
        Guard otherwise =
            then.size() == 1 && isSingleTerm(node.getCondition())
                ? new Guard(then.get(0).parameter(), !then.get(0).value())
                : null;
        if (otherwise != null) {
          guards.add(otherwise);
        }
        branch(node.getElseStatement());
        if (otherwise != null) {
          guards.remove(guards.size() - 1);
        }
        return null;
      }

      /**
       * After {@code if (done) { ...work...; return; }} (no else), the rest of the block runs only when
       * that work was not done: a fallback (an error or slow path), shown after the path that returns.
       * A guard ({@code if (bad) return;}, or one that throws) leaves what follows on the main path.
       */
      @Override
      public Void visitBlock(BlockTree node, Void unused) {
        int fallbacks = 0;
        for (StatementTree statement : node.getStatements()) {
          scan(statement, null);
          if (returnsAfterWork(statement)) {
            branches[0]++;
            fallbacks++;
          }
        }
        branches[0] -= fallbacks;
        return null;
      }

      private boolean returnsAfterWork(StatementTree statement) {
        if (!(statement instanceof IfTree ifTree)
            || ifTree.getElseStatement() != null
            || !(ifTree.getThenStatement() instanceof BlockTree then)) {
          return false;
        }
        List<? extends StatementTree> done = then.getStatements();
        return done.size() > 1 && done.get(done.size() - 1) instanceof ReturnTree;
      }

      @Override
      public Void visitConditionalExpression(ConditionalExpressionTree node, Void unused) {
        scan(node.getCondition(), null);
        branch(node.getTrueExpression());
        branch(node.getFalseExpression());
        return null;
      }

      @Override
      public Void visitThrow(ThrowTree node, Void unused) {
        throwing[0]++;
        super.visitThrow(node, unused);
        throwing[0]--;
        return null;
      }

      @Override
      public Void visitCatch(CatchTree node, Void unused) {
        branch(node.getBlock());
        return null;
      }

      @Override
      public Void visitCase(CaseTree node, Void unused) {
        branches[0]++;
        super.visitCase(node, unused);
        branches[0]--;
        return null;
      }

      private void branch(Tree code) {
        branches[0]++;
        scan(code, null);
        branches[0]--;
      }

      /**
       * Keeps the likelier of the cause found so far and {@code found}, reached from here; under
       * guards on parameters, among the guarded ways.
       */
      private void offer(Optional<BlockingCause>[] holder, BlockingCause found) {
        boolean branch = branches[0] > 0;
        boolean error = throwing[0] > 0;
        if (holder == blocks && !guards.isEmpty()) {
          if (guardedBlocks.size() < GUARDED_KEPT) {
            guardedBlocks.add(
                new Guarded(ImmutableList.copyOf(guards), found.within(monitors, branch, error)));
          }
          return;
        }
        // (Compared before it is made: most causes found are not kept.)
        if (holder[0].isEmpty() || found.likelierThan(holder[0].get(), branch, error)) {
          holder[0] = Optional.of(found.within(monitors, branch, error));
        }
      }

      @Override
      protected boolean onCall(ExpressionTree call) {
        if (call instanceof MethodInvocationTree invocation) {
          Optional<LockOperation> op = LockOperation.of(invocation, resolver, state);
          if (op.isPresent()) {
            if (op.get().effect() != LockOperation.Effect.RELEASE) {
              // A distributed lock's acquisition is also a round trip (the catalog says which).
              Optional<BlockingCause> remote =
                  blockingCalls.catalogCause(
                      invocation, (MethodSymbol) ASTHelpers.getSymbol(invocation), state);
              if (remote.isPresent()) {
                offer(blocks, remote.get());
              }
            }
            if (op.get().mayWait()) {
              if (parks[0].isEmpty() && !neverWaitsLong(op.get(), method, path)) {
                parks[0] = Optional.of(parkCause(invocation));
              }
              for (LockId lock : op.get().locks()) {
                Optional<LockNode> node = LockNode.of(lock);
                if (node.isPresent()) {
                  acquires.putIfAbsent(
                      node.get(),
                      new AcquiredLock(node.get(), ImmutableList.of(), invocation.toString()));
                }
              }
            }
            return true;
          }
        }
        if (!(ASTHelpers.getSymbol(call) instanceof MethodSymbol callee)) {
          return true;
        }
        Optional<BlockingCause> direct = blockingCalls.directCause(call, callee, resolver, state);
        if (direct.isPresent()) {
          offer(blocks, direct.get());
        } else {
          Summary inner = summarize(callee, depth + 1);
          // A @NonBlocking method is trusted not to block, but the locks it takes still count.
          boolean trusted = BlockingCalls.isNonBlocking(callee);
          Optional<BlockingCause> innerBlocks = inner.blocksAt(call);
          if (innerBlocks.isPresent() && !trusted) {
            offer(
                blocks,
                BlockingCalls.atCallSite(innerBlocks.get().through(callee), callee, call, resolver));
          }
          if (parks[0].isEmpty() && !trusted) {
            if (inner.parks().isPresent()) {
              parks[0] = Optional.of(inner.parks().get().through(callee));
            }
          }
          for (Map.Entry<LockNode, AcquiredLock> acquired : inner.acquires().entrySet()) {
            acquires.putIfAbsent(acquired.getKey(), acquired.getValue().through(callee));
          }
        }
        return true;
      }
    }.scan(path);
    return new Summary(
        blocks[0], ImmutableList.copyOf(guardedBlocks), parks[0], ImmutableMap.copyOf(acquires));
  }

  /**
   * Whether taking {@code lock} in {@code method} never waits, or not for long: it can never be
   * contended ({@link UncontendedLocks}), or is only ever held briefly ({@link BriefLocks}).
   */
  boolean neverWaitsLong(LockId lock, MethodSymbol method, TreePath path, VisitorState state) {
    return uncontended.neverContended(lock, method, path, state)
        || briefLocks.heldBriefly(lock, path, state);
  }

  /** Whether no lock the operation takes makes it wait long ({@link #neverWaitsLong}). */
  private boolean neverWaitsLong(LockOperation op, MethodSymbol method, TreePath path) {
    for (LockId lock : op.locks()) {
      if (!neverWaitsLong(lock, method, path, state)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The terms of a condition, joined by {@code &&}, that test a boolean parameter of {@code method}
   * ({@code p} or {@code !p}): what must hold for the code it guards to run.
   */
  private static List<Guard> parameterTerms(ExpressionTree condition, MethodSymbol method) {
    ExpressionTree e = ASTHelpers.stripParentheses(condition);
    if (e instanceof BinaryTree binary && binary.getKind() == Tree.Kind.CONDITIONAL_AND) {
      List<Guard> terms = new ArrayList<>(parameterTerms(binary.getLeftOperand(), method));
      terms.addAll(parameterTerms(binary.getRightOperand(), method));
      return terms;
    }
    boolean value = true;
    if (e instanceof UnaryTree not && not.getKind() == Tree.Kind.LOGICAL_COMPLEMENT) {
      value = false;
      e = ASTHelpers.stripParentheses(not.getExpression());
    }
    if (e instanceof IdentifierTree
        && ASTHelpers.getSymbol(e) instanceof VarSymbol variable
        && variable.owner == method) {
      int index = method.getParameters().indexOf(variable);
      if (index >= 0 && variable.asType().getKind() == TypeKind.BOOLEAN) {
        return List.of(new Guard(index, value));
      }
    }
    return List.of();
  }

  private static boolean hasBooleanParameter(MethodSymbol method) {
    for (VarSymbol parameter : method.getParameters()) {
      if (parameter.asType().getKind() == TypeKind.BOOLEAN) {
        return true;
      }
    }
    return false;
  }

  /** A condition that is one term, {@code p} or {@code !p}, not a conjunction. */
  private static boolean isSingleTerm(ExpressionTree condition) {
    ExpressionTree e = ASTHelpers.stripParentheses(condition);
    return !(e instanceof BinaryTree);
  }

  private static BlockingCause parkCause(MethodInvocationTree call) {
    MethodSymbol lockMethod = (MethodSymbol) ASTHelpers.getSymbol(call);
    return BlockingCause.direct(
        BlockingCause.name(lockMethod, null),
        PinningCalls.PARKS,
        Optional.empty());
  }

  @SuppressWarnings("unchecked")
  private static Optional<BlockingCause>[] newHolder() {
    Optional<BlockingCause>[] holder = new Optional[1];
    holder[0] = Optional.empty();
    return holder;
  }
}
