package dev.deadbolt.blocking;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.deadbolt.hierarchy.LockNode;
import dev.deadbolt.javac.MethodTrees;
import dev.deadbolt.javac.OwnCodeScanner;
import dev.deadbolt.locks.LockId;
import dev.deadbolt.locks.LockOperation;
import dev.deadbolt.locks.LockResolver;
import dev.deadbolt.locks.LockTakers;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code java.util.concurrent} locks that are only ever held briefly: a private lock field whose
 * takers (all in its class) do nothing that blocks — no catalog call, no call of a method of the
 * compilation that does one; waiting on one of the lock's own conditions gives it up and does not
 * count, nor does a serialization hook. Waiting for such a lock lasts as long as a holder's few field
 * updates: a virtual thread that parks on it inside a {@code synchronized} region pins its carrier for
 * microseconds, which is not what VirtualThreadPinning is for (a queue's or deque's internal lock, taken
 * inside a monitor, is the common case).
 *
 * <p>Read off the takers' own code and, a few calls deep, the code of the methods they call; asked only
 * for a lock call that would park, and each lock's answer is kept for the compilation.
 */
final class BriefLocks {
  /** How deep the takers' callees are read; deeper is taken to block. */
  private static final int MAX_DEPTH = 4;

  private final Map<VarSymbol, Boolean> answers = new HashMap<>();
  private final LockTakers lockTakers;
  private final BlockingCalls blockingCalls;
  private final MethodTrees methodTrees;
  private final Implementations implementations;

  BriefLocks(
      LockTakers lockTakers,
      BlockingCalls blockingCalls,
      MethodTrees methodTrees,
      Implementations implementations) {
    this.lockTakers = lockTakers;
    this.blockingCalls = blockingCalls;
    this.methodTrees = methodTrees;
    this.implementations = implementations;
  }

  /** Whether {@code lock}, taken in the code at {@code anywhere}, is only ever held briefly. */
  boolean heldBriefly(LockId lock, TreePath anywhere, VisitorState state) {
    VarSymbol field = lock.privateField();
    if (field == null) {
      return false;
    }
    Boolean known = answers.get(field);
    if (known == null) {
      answers.put(field, false); // (asked again while answering: not known to be brief)
      known = everyTakerQuiet(field, anywhere, state);
      answers.put(field, known);
    }
    return known;
  }

  private boolean everyTakerQuiet(VarSymbol field, TreePath anywhere, VisitorState state) {
    ClassTree topLevel = LockTakers.topLevelClass(anywhere);
    if (topLevel == null) {
      return false;
    }
    CompilationUnitTree unit = anywhere.getCompilationUnit();
    Set<MethodSymbol> takers = lockTakers.of(LockNode.field(field), topLevel, unit, state);
    if (takers.isEmpty()) {
      return false;
    }
    Set<MethodSymbol> read = new HashSet<>();
    for (MethodSymbol taker : takers) {
      if (!BlockingRegions.isSerializationHook(taker) && !quiet(taker, field, read, 0, state)) {
        return false;
      }
    }
    return true;
  }

  /** Whether running {@code method} blocks in no way but waiting on a condition of {@code field}. */
  private boolean quiet(
      MethodSymbol method, VarSymbol field, Set<MethodSymbol> read, int depth, VisitorState state) {
    if (!read.add(method)) {
      return true; // read already, or being read (a cycle adds nothing)
    }
    if (depth > MAX_DEPTH) {
      return false;
    }
    if ((method.flags() & Flags.ABSTRACT) != 0) {
      // What a call of it may run: each implementation in the compilation (none known: not quiet).
      List<MethodSymbol> implementations = this.implementations.of(method);
      if (implementations.isEmpty()) {
        return false;
      }
      for (MethodSymbol implementation : implementations) {
        if (!quiet(implementation, field, read, depth + 1, state)) {
          return false;
        }
      }
      return true;
    }
    TreePath path = methodTrees.pathOf(method);
    if (path == null || !(path.getLeaf() instanceof MethodTree tree) || tree.getBody() == null) {
      return false;
    }
    LockResolver resolver = new LockResolver(tree, (ClassSymbol) method.owner, state);
    boolean[] quiet = {true};
    new OwnCodeScanner() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (quiet[0] && !quietCall(call)) {
          quiet[0] = false;
        }
        return quiet[0] ? super.visitMethodInvocation(call, unused) : null;
      }

      @Override
      public Void visitNewClass(NewClassTree call, Void unused) {
        if (quiet[0] && !quietCall(call)) {
          quiet[0] = false;
        }
        return quiet[0] ? super.visitNewClass(call, unused) : null;
      }

      private boolean quietCall(ExpressionTree call) {
        if (!(ASTHelpers.getSymbol(call) instanceof MethodSymbol callee)) {
          return true;
        }
        if (call instanceof MethodInvocationTree invocation
            && LockOperation.effectOf(invocation, state).isPresent()) {
          return true; // taking or giving up a lock is not blocking here
        }
        Optional<BlockingCause> cause = blockingCalls.directCause(call, callee, resolver, state);
        if (cause.isPresent()) {
          // `notEmpty.await()` on a condition of this lock gives the lock up while it waits.
          Optional<LockId> released = cause.get().releasesWhileWaiting();
          return released.isPresent() && released.get().declaration() == field;
        }
        if (methodTrees.pathOf(callee) == null) {
          return true; // a library method the catalog does not know to block
        }
        return quiet(callee, field, read, depth + 1, state);
      }
    }.scan(tree.getBody(), null);
    return quiet[0];
  }
}
