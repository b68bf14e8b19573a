package dev.deadbolt.analysis;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * For each method whose source is in this compilation (any file of it: with {@code
 * -XDcompilePolicy=simple} every class is attributed before Error Prone runs), whether running it
 * blocks, and whether it parks on a {@code java.util.concurrent} lock, with the chain of calls that
 * leads there.
 *
 * <p>Each body is scanned at most once per compilation. Recursion is cut where a method is already on
 * the stack; a result that depended on such a cut is kept only for the current query, so a method is
 * never cached as non-blocking just because its cycle was still open.
 */
final class MethodSummaries {
  /** Deeper chains exist but say little; the cut keeps the cost of a pathological graph bounded. */
  private static final int MAX_DEPTH = 12;

  /** What running a method can do. */
  record Summary(Optional<BlockingCause> blocks, Optional<BlockingCause> parks) {
    static final Summary NOTHING = new Summary(Optional.empty(), Optional.empty());

    boolean complete() {
      return blocks.isPresent() && parks.isPresent();
    }
  }

  private final BlockingCalls blockingCalls;
  private final ImmediateMethods immediate;
  private final VisitorState state;
  private final Map<MethodSymbol, Summary> done = new HashMap<>();
  private final Set<MethodSymbol> onStack = new HashSet<>();
  private Map<MethodSymbol, Summary> thisQuery = new HashMap<>();
  private int cuts;

  MethodSummaries(BlockingCalls blockingCalls, ImmediateMethods immediate, VisitorState state) {
    this.blockingCalls = blockingCalls;
    this.immediate = immediate;
    this.state = state;
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
    TreePath path = JavacTrees.instance(state.context).getPath(method);
    if (path == null
        || !(path.getLeaf() instanceof MethodTree tree)
        || tree.getBody() == null
        || BlockingCalls.isNonBlocking(method)) {
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
    if (cuts == cutsBefore || summary.complete()) {
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
    new ExecutedNowScanner(immediate, state) {
      @Override
      protected boolean onCall(ExpressionTree call) {
        if (parks[0].isEmpty() && call instanceof MethodInvocationTree invocation) {
          LockOperation.of(invocation, resolver, state)
              .filter(LockOperation::mayWait)
              .ifPresent(op -> parks[0] = Optional.of(parkCause(invocation)));
        }
        if (!(ASTHelpers.getSymbol(call) instanceof MethodSymbol callee)) {
          return true;
        }
        Optional<BlockingCause> direct = blockingCalls.directCause(call, callee, resolver, state);
        if (blocks[0].isEmpty()) {
          blocks[0] = direct;
        }
        if ((blocks[0].isEmpty() || parks[0].isEmpty())
            && direct.isEmpty()
            && !BlockingCalls.isNonBlocking(callee)) {
          Summary inner = summarize(callee, depth + 1);
          if (blocks[0].isEmpty()) {
            blocks[0] = inner.blocks().map(cause -> cause.through(callee));
          }
          if (parks[0].isEmpty()) {
            parks[0] = inner.parks().map(cause -> cause.through(callee));
          }
        }
        return blocks[0].isEmpty() || parks[0].isEmpty();
      }
    }.scan(path, null);
    return new Summary(blocks[0], parks[0]);
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
