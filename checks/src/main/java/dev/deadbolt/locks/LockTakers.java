package dev.deadbolt.locks;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import dev.deadbolt.hierarchy.LockNode;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which methods of a top-level class (its nested classes included) take each lock, by declaration: a
 * {@code synchronized} method takes its object's (or class's) monitor, a {@code synchronized} block its
 * expression's, a {@code lock()} its lock. The evidence a finding gives that holding a lock makes other
 * threads wait: who else takes it.
 *
 * <p>Built for a class only when asked, once per compilation.
 */
public final class LockTakers {
  /**
   * Per top-level class asked about, for the compilation: findings ask for their own file's classes,
   * and {@link UncontendedLocks} for the class of a lock that a summary, of any file, parks on.
   */
  private final Map<Tree, Map<LockNode, Set<MethodSymbol>>> byClass = new IdentityHashMap<>();

  /** The top-level class around the code at {@code path}; null outside any class. */
  @Nullable
  public static ClassTree topLevelClass(TreePath path) {
    ClassTree top = null;
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof ClassTree cls) {
        top = cls;
      }
    }
    return top;
  }

  /** The methods of {@code topLevel}, a class in {@code unit}, taking {@code lock}, in source order. */
  public Set<MethodSymbol> of(
      LockNode lock, ClassTree topLevel, CompilationUnitTree unit, VisitorState state) {
    Map<LockNode, Set<MethodSymbol>> takers = byClass.get(topLevel);
    if (takers == null) {
      takers = index(topLevel, unit, state);
      byClass.put(topLevel, takers);
    }
    Set<MethodSymbol> methods = takers.get(lock);
    return methods != null ? methods : Set.of();
  }

  private static Map<LockNode, Set<MethodSymbol>> index(
      ClassTree topLevel, CompilationUnitTree unit, VisitorState state) {
    Map<LockNode, Set<MethodSymbol>> takers = new HashMap<>();
    new TreeScanner<Void, Void>() {
      private MethodSymbol method;
      private LockResolver resolver;

      @Override
      public Void visitMethod(MethodTree tree, Void unused) {
        MethodSymbol outerMethod = method;
        LockResolver outerResolver = resolver;
        method = ASTHelpers.getSymbol(tree);
        // A method without a sign of a lock (the file's walk recorded them) takes none: not scanned.
        if (method != null
            && method.owner instanceof ClassSymbol owner
            && LockSigns.anyInMethod(tree, unit, state.context)) {
          resolver = new LockResolver(tree, owner, state);
          if ((method.flags() & Flags.SYNCHRONIZED) != 0) {
            add(method.isStatic() ? LockNode.classLiteral(owner) : LockNode.thisOf(owner));
          }
          super.visitMethod(tree, unused);
        }
        method = outerMethod;
        resolver = outerResolver;
        return null;
      }

      @Override
      public Void visitSynchronized(SynchronizedTree tree, Void unused) {
        if (resolver != null) {
          add(LockNode.of(resolver.monitor(tree.getExpression())));
        }
        return super.visitSynchronized(tree, unused);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        if (resolver != null && LockOperation.mightBeLockOperation(tree)) {
          Optional<LockOperation> op = LockOperation.of(tree, resolver, state);
          if (op.isPresent() && op.get().effect() != LockOperation.Effect.RELEASE) {
            for (LockId lock : op.get().locks()) {
              add(LockNode.of(lock));
            }
          }
        }
        return super.visitMethodInvocation(tree, unused);
      }

      private void add(Optional<LockNode> lock) {
        if (lock.isPresent()) {
          add(lock.get());
        }
      }

      private void add(LockNode lock) {
        Set<MethodSymbol> methods = takers.get(lock);
        if (methods == null) {
          methods = new LinkedHashSet<>();
          takers.put(lock, methods);
        }
        methods.add(method);
      }
    }.scan(topLevel, null);
    return takers;
  }
}
