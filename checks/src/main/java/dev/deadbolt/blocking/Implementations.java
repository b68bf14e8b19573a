package dev.deadbolt.blocking;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.comp.AttrContext;
import com.sun.tools.javac.comp.Enter;
import com.sun.tools.javac.comp.Env;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.util.Context;
import dev.deadbolt.javac.MethodTrees;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.jspecify.annotations.Nullable;

/**
 * What a call of an abstract or interface method may run: its implementations among the classes of
 * this compilation (named, local and anonymous classes, enum constants with bodies). A call through
 * an interface blocks when an implementation it may reach blocks.
 *
 * <p>The limits that keep this precise and cheap:
 *
 * <ul>
 *   <li>Only methods declared in this compilation are opened. The JDK's and libraries' interfaces
 *       ({@code Runnable.run}, {@code Supplier.get}, {@code Iterator.next}, {@code AutoCloseable.close},
 *       a framework's callbacks) are implemented everywhere; that some class here implements one says
 *       nothing of the object a given call reaches. A type of this compilation that only inherits such a
 *       method is not opened either: the call's symbol is the library's.
 *   <li>{@code equals}, {@code hashCode} and {@code toString} redeclared by an interface are not opened.
 *   <li>More than {@link #MAX} implementations: the method is an extension point (handlers, visitors,
 *       strategies), and which one a call reaches is not something the code says; not opened.
 *   <li>A decorator — an implementation that calls the method it implements (or another implementation
 *       of it) on the object it wraps —
 *       is not one a call is taken to reach: what it adds (a lock around the delegation, a count) says
 *       nothing of the object it wraps, which is one of the other implementations or the caller's own.
 * </ul>
 */
final class Implementations {
  /** More implementations than this, and a call of the method is not followed. */
  static final int MAX = 6;

  private final Types types;
  private final Enter enter;
  private final MethodTrees methodTrees;
  /** Every concrete class compiled from source, anonymous and local ones included; built on first use. */
  private @Nullable List<ClassSymbol> concrete;
  private final Map<MethodSymbol, List<MethodSymbol>> known = new HashMap<>();

  Implementations(Context context, MethodTrees methodTrees) {
    this.types = Types.instance(context);
    this.enter = Enter.instance(context);
    this.methodTrees = methodTrees;
  }

  /**
   * The implementations of {@code method} that a call of it may run, in a stable order; empty when the
   * method is not abstract, not declared in this compilation, or has more than {@link #MAX}.
   */
  List<MethodSymbol> of(MethodSymbol method) {
    if ((method.flags() & Flags.ABSTRACT) == 0 || method.isStatic() || isObjectMethod(method)) {
      return List.of();
    }
    List<MethodSymbol> found = known.get(method);
    if (found == null) {
      found = find(method);
      known.put(method, found);
    }
    return found;
  }

  private List<MethodSymbol> find(MethodSymbol method) {
    if (!(method.owner instanceof ClassSymbol owner) || !isCompiledHere(owner)) {
      return List.of();
    }
    List<Map.Entry<String, MethodSymbol>> found = new ArrayList<>();
    for (ClassSymbol cls : concreteClasses()) {
      if (cls == owner || !cls.isSubClass(owner, types)) {
        continue;
      }
      MethodSymbol implementation = method.implementation(cls, types, true);
      if (implementation == null
          || implementation == method
          || (implementation.flags() & Flags.ABSTRACT) != 0
          || contains(found, implementation)
          || delegates(implementation, method)) {
        continue;
      }
      if (found.size() == MAX) {
        return List.of();
      }
      found.add(Map.entry(implementation.enclClass().flatName().toString(), implementation));
    }
    // javac's environments are kept in a hash map: sorted, so the chain a message shows is stable.
    found.sort(Map.Entry.comparingByKey());
    List<MethodSymbol> sorted = new ArrayList<>(found.size());
    for (Map.Entry<String, MethodSymbol> entry : found) {
      sorted.add(entry.getValue());
    }
    return sorted;
  }

  /**
   * Whether {@code implementation}'s body calls {@code method} or an implementation of it: a decorator
   * passing the call on.
   */
  private boolean delegates(MethodSymbol implementation, MethodSymbol method) {
    TreePath path = methodTrees.pathOf(implementation);
    if (path == null || !(path.getLeaf() instanceof MethodTree tree) || tree.getBody() == null) {
      return false;
    }
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        MethodSymbol called = ASTHelpers.getSymbol(call);
        if (called == method
            || called != null
                && called.name == method.name
                && called != implementation
                && called.owner instanceof ClassSymbol owner
                && called.overrides(method, owner, types, true)) {
          found[0] = true;
          return null;
        }
        return super.visitMethodInvocation(call, unused);
      }
    }.scan(tree.getBody(), null);
    return found[0];
  }

  private static boolean contains(List<Map.Entry<String, MethodSymbol>> found, MethodSymbol method) {
    for (Map.Entry<String, MethodSymbol> entry : found) {
      if (entry.getValue() == method) {
        return true;
      }
    }
    return false;
  }

  private boolean isCompiledHere(ClassSymbol cls) {
    return cls.sourcefile != null
        && cls.sourcefile.getKind() == JavaFileObject.Kind.SOURCE
        && enter.getEnv(cls) != null;
  }

  /**
   * Read from javac's class environments, which hold every class compiled from source once it is
   * attributed (under {@code -XDcompilePolicy=simple}, all of them before Error Prone runs), local and
   * anonymous ones included; the symbol table's class list leaves those out.
   */
  private List<ClassSymbol> concreteClasses() {
    if (concrete == null) {
      concrete = new ArrayList<>();
      for (Env<AttrContext> env : enter.getEnvs()) {
        if (env.tree instanceof JCClassDecl decl
            && decl.sym != null
            && (decl.sym.flags() & (Flags.ABSTRACT | Flags.INTERFACE)) == 0) {
          concrete.add(decl.sym);
        }
      }
    }
    return concrete;
  }

  private static boolean isObjectMethod(MethodSymbol method) {
    int arity = method.getParameters().size();
    String name = method.getSimpleName().toString();
    return arity == 0 && (name.equals("toString") || name.equals("hashCode"))
        || arity == 1 && name.equals("equals");
  }
}
