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
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Whether code shows any sign of a lock: a {@code synchronized} block or method, a call named like a
 * lock method ({@link LockOperation#METHOD_NAMES}), or a method annotated as running under a lock
 * ({@link LockContracts}). Code without one holds no lock anywhere. Asked of whole files (most have
 * none, and then nothing in them needs a path walk or a look at its method) and of methods (the lock
 * order visits only those that have one). One scan, stopping at the first sign.
 */
public final class LockSigns {
  private LockSigns() {}

  /** Per file of the compilation, whether it has a sign of a lock. */
  private static final Context.Key<Map<CompilationUnitTree, Boolean>> UNITS = new Context.Key<>();

  /**
   * Whether the file {@code unit} has a sign of a lock: the held-lock analysis and the lock order
   * both ask, and most files have none, so each file is scanned for this once per compilation.
   */
  public static boolean anyInUnit(CompilationUnitTree unit, Context context) {
    Map<CompilationUnitTree, Boolean> known = context.get(UNITS);
    if (known == null) {
      known = new IdentityHashMap<>();
      context.put(UNITS, known);
    }
    Boolean any = known.get(unit);
    if (any == null) {
      any = anyIn(unit);
      known.put(unit, any);
    }
    return any;
  }

  /** Whether {@code code} (a file, a method, any tree) has a sign of a lock anywhere in it. */
  public static boolean anyIn(Tree code) {
    boolean[] found = new boolean[1];
    new TreeScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        return found[0] ? null : super.scan(tree, unused);
      }

      @Override
      public Void visitSynchronized(SynchronizedTree node, Void unused) {
        found[0] = true;
        return null;
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        if (LockOperation.mightBeLockOperation(node)) {
          found[0] = true;
          return null;
        }
        return super.visitMethodInvocation(node, unused);
      }

      @Override
      public Void visitMethod(MethodTree node, Void unused) {
        MethodSymbol method = ASTHelpers.getSymbol(node);
        if (method == null || (method.flags() & Flags.SYNCHRONIZED) != 0 || hasContract(method)) {
          found[0] = true;
          return null;
        }
        return super.visitMethod(node, unused);
      }
    }.scan(code, null);
    return found[0];
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
