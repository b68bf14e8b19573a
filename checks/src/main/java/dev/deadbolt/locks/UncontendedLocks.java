package dev.deadbolt.locks;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Symbol;
import dev.deadbolt.hierarchy.LockNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code java.util.concurrent} locks that can never be contended, so that waiting for one never
 * parks: a private lock field whose every acquiring method either is a {@code synchronized} instance
 * method of its class (the object's monitor is held around it) or can be called only from its
 * top-level class (the method or its class is private) and is called there only inside a {@code
 * synchronized} region. Its takers are already serialized by a monitor, so the lock is always free
 * when they take it: the monitor, not the lock, is what they wait for. (Calls under different
 * monitors could in principle meet on one instance; a private lock's owner is reached through one
 * object nearly always, and the rule accepts that.)
 *
 * <p>Asked only for a lock call that would park; each lock's answer is kept for the compilation.
 */
public final class UncontendedLocks {
  private final Map<Symbol, Boolean> answers = new HashMap<>();
  private final LockTakers lockTakers;

  public UncontendedLocks(LockTakers lockTakers) {
    this.lockTakers = lockTakers;
  }

  /**
   * Whether taking {@code lock} in {@code method} (declared at {@code methodPath}) never waits for it.
   */
  public boolean neverContended(
      LockId lock, MethodSymbol method, TreePath methodPath, VisitorState state) {
    VarSymbol field = lock.privateField();
    if (field == null) {
      return false;
    }
    Boolean known = answers.get(field);
    if (known == null) {
      known = onlyTakenUnderMonitors(field, methodPath, state);
      answers.put(field, known);
    }
    return known;
  }

  private boolean onlyTakenUnderMonitors(
      VarSymbol field, TreePath anywhere, VisitorState state) {
    ClassTree topLevel = LockTakers.topLevelClass(anywhere);
    if (topLevel == null) {
      return false;
    }
    ClassSymbol owner = (ClassSymbol) field.owner;
    Set<Symbol> takers =
        new java.util.HashSet<>(
            lockTakers.of(LockNode.field(field), topLevel, anywhere.getCompilationUnit(), state));
    if (takers.isEmpty()) {
      return false;
    }
    Set<Symbol> unguarded = new java.util.HashSet<>();
    for (Symbol taker : takers) {
      MethodSymbol m = (MethodSymbol) taker;
      if (m.owner != owner || m.isConstructor()) {
        return false;
      }
      if ((m.flags() & Flags.SYNCHRONIZED) != 0 && !m.isStatic()) {
        continue; // takes the lock of its own object inside that object's monitor
      }
      if (!(m.isPrivate() || isPrivateClass(owner))) {
        return false; // callable from outside: who holds what there is not known
      }
      unguarded.add(m);
    }
    return unguarded.isEmpty() || everyCallUnderAMonitor(unguarded, topLevel);
  }

  /** Whether each call of {@code methods} in {@code topLevel} runs inside a monitor, and none escapes. */
  private static boolean everyCallUnderAMonitor(Set<Symbol> methods, ClassTree topLevel) {
    boolean[] ok = {true};
    int[] calls = {0};
    new TreeScanner<Void, Void>() {
      private int monitors;

      @Override
      public Void visitMethod(MethodTree tree, Void unused) {
        int outer = monitors;
        MethodSymbol symbol = ASTHelpers.getSymbol(tree);
        monitors = symbol != null && (symbol.flags() & Flags.SYNCHRONIZED) != 0 ? 1 : 0;
        super.visitMethod(tree, unused);
        monitors = outer;
        return null;
      }

      @Override
      public Void visitSynchronized(SynchronizedTree tree, Void unused) {
        scan(tree.getExpression(), null);
        monitors++;
        scan(tree.getBlock(), null);
        monitors--;
        return null;
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
        int outer = monitors;
        monitors = 0; // runs later, on whatever thread calls it
        super.visitLambdaExpression(tree, unused);
        monitors = outer;
        return null;
      }

      @Override
      public Void visitClass(ClassTree tree, Void unused) {
        int outer = monitors;
        monitors = 0;
        super.visitClass(tree, unused);
        monitors = outer;
        return null;
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        note(ASTHelpers.getSymbol(tree));
        return super.visitMethodInvocation(tree, unused);
      }

      @Override
      public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
        if (methods.contains(ASTHelpers.getSymbol(tree))) {
          ok[0] = false; // a reference runs wherever it is called from
        }
        return super.visitMemberReference(tree, unused);
      }

      private void note(Symbol callee) {
        if (methods.contains(callee)) {
          calls[0]++;
          if (monitors == 0) {
            ok[0] = false;
          }
        }
      }
    }.scan(topLevel, null);
    return ok[0] && calls[0] > 0;
  }

  private static boolean isPrivateClass(ClassSymbol cls) {
    for (Symbol c = cls; c instanceof ClassSymbol; c = c.owner) {
      if ((c.flags() & Flags.PRIVATE) != 0) {
        return true;
      }
    }
    return false;
  }
}
