package dev.deadbolt.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.util.Context;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Whether code shows any sign of a lock: a {@code synchronized} block or method, a call named like a
 * lock method ({@link LockOperation#METHOD_NAMES}), or a method annotated as running under a lock
 * ({@link LockContracts}). Code without one holds no lock anywhere. Asked of whole files (most have
 * none, and then nothing in them needs a path walk or a look at its method) and of methods (the lock
 * order visits only those that have one; a method without one takes no lock, so its body need not be
 * searched for lock calls). One scan per file per compilation answers both.
 */
public final class LockSigns {
  private LockSigns() {}

  /** What the scan of one file found. */
  private record UnitSigns(boolean any, Set<MethodTree> methods) {}

  /** Per file of the compilation, its signs. */
  private static final Context.Key<Map<CompilationUnitTree, UnitSigns>> UNITS = new Context.Key<>();

  /**
   * Whether the file {@code unit} has a sign of a lock: the held-lock analysis and the lock order
   * both ask, and most files have none, so each file is scanned for this once per compilation.
   */
  public static boolean anyInUnit(CompilationUnitTree unit, Context context) {
    return of(unit, context).any();
  }

  /**
   * Whether the method {@code method}, declared in {@code unit}, has a sign of a lock anywhere in it
   * (its own modifiers and annotations, its body, and the classes and lambdas written in it).
   */
  public static boolean anyInMethod(MethodTree method, CompilationUnitTree unit, Context context) {
    return of(unit, context).methods().contains(method);
  }

  private static UnitSigns of(CompilationUnitTree unit, Context context) {
    Map<CompilationUnitTree, UnitSigns> known = context.get(UNITS);
    if (known == null) {
      known = new IdentityHashMap<>();
      context.put(UNITS, known);
    }
    UnitSigns signs = known.get(unit);
    if (signs == null) {
      signs = scan(unit);
      known.put(unit, signs);
    }
    return signs;
  }

  /**
   * One walk of the whole file. A sign marks the innermost method around it; a method with a sign
   * marks the method around it when the walk leaves it, so every enclosing method ends up marked.
   */
  private static UnitSigns scan(CompilationUnitTree unit) {
    Set<MethodTree> signed = Collections.newSetFromMap(new IdentityHashMap<>());
    boolean[] any = new boolean[1];
    new TreeScanner<Void, Void>() {
      /** Whether the method being walked has a sign so far; true outside any method. */
      private boolean current = true;

      private void sign() {
        any[0] = true;
        current = true;
      }

      @Override
      public Void visitSynchronized(SynchronizedTree node, Void unused) {
        sign();
        return super.visitSynchronized(node, unused);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        if (LockOperation.mightBeLockOperation(node)) {
          sign();
        }
        return super.visitMethodInvocation(node, unused);
      }

      @Override
      public Void visitMethod(MethodTree node, Void unused) {
        boolean outer = current;
        current = false;
        MethodSymbol method = ASTHelpers.getSymbol(node);
        if (method == null || (method.flags() & Flags.SYNCHRONIZED) != 0 || hasContract(method)) {
          sign();
        }
        super.visitMethod(node, unused);
        if (current) {
          signed.add(node);
        }
        current = outer || current;
        return null;
      }
    }.scan(unit, null);
    return new UnitSigns(any[0], signed);
  }

  private static boolean hasContract(MethodSymbol method) {
    for (var annotation : method.getAnnotationMirrors()) {
      if (LockContracts.ANNOTATIONS.contains(annotation.getAnnotationType().asElement().getSimpleName().toString())) {
        return true;
      }
    }
    return false;
  }
}
