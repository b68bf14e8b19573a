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

/**
 * Whether a compilation unit can hold a lock anywhere: a {@code synchronized} block or method, a call
 * named like a lock method ({@link LockOperation#METHOD_NAMES}), or a method annotated as running
 * under a lock ({@link LockContracts}). Most files have none of these, and then no code in them needs a
 * path walk or a look at its method to know that no lock is held. One scan per file, stopping at the
 * first sign of a lock.
 */
final class LockFreeUnits {
  private LockFreeUnits() {}

  static boolean mayTakeLocks(CompilationUnitTree unit) {
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
    }.scan(unit, null);
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
