package dev.deadbolt.javac;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.comp.AttrContext;
import com.sun.tools.javac.comp.Enter;
import com.sun.tools.javac.comp.Env;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.tree.JCTree.JCMethodDecl;
import com.sun.tools.javac.util.Context;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.jspecify.annotations.Nullable;

/**
 * The declaration of a method compiled from source, found from its class's declaration, which javac
 * keeps in the class's {@code Enter} environment: {@code JavacTrees.getPath(method)} scans the whole file
 * for each method it is asked about, and the summaries ask about every method they reach (usually one
 * or two of a class, so a class's members are searched in place; a large class is indexed).
 */
public final class MethodTrees {
  private final Context context;
  private final Enter enter;
  /** Whether a class without an environment was read from source (asked once per class). */
  private final Map<ClassSymbol, Boolean> fromSource = new IdentityHashMap<>();
  private final MemberDeclarations<MethodSymbol, JCMethodDecl> methods =
      new MemberDeclarations<>(JCMethodDecl.class, m -> m.sym);

  public MethodTrees(Context context) {
    this.context = context;
    this.enter = Enter.instance(context);
  }

  /** The path to the method's declaration, or null when its source is not part of this compilation. */
  @Nullable
  public TreePath pathOf(MethodSymbol method) {
    ClassSymbol cls = method.enclClass();
    if (cls == null) {
      return null; // an array's clone(): no body to scan
    }
    Env<AttrContext> env = enter.getEnv(cls);
    if (env == null) {
      // Read from a class file (no body to scan), or a class javac entered without one: searched.
      Boolean source = fromSource.get(cls);
      if (source == null) {
        source = isSource(cls);
        fromSource.put(cls, source);
      }
      return source ? JavacTrees.instance(context).getPath(method) : null;
    }
    TreePath classPath = classPath(env);
    JCMethodDecl declaration =
        env.tree instanceof JCClassDecl decl ? methods.in(decl, method) : null;
    if (classPath == null || declaration == null) {
      return JavacTrees.instance(context).getPath(method); // a local class's: searched
    }
    return new TreePath(classPath, declaration);
  }

  /**
   * The path to a class declaration, from its environment and those around it (a member class's is its
   * outer class's); null for a class declared inside a method or block, whose path has more steps.
   */
  @Nullable
  private static TreePath classPath(Env<AttrContext> env) {
    Deque<JCClassDecl> classes = new ArrayDeque<>();
    Env<AttrContext> e = env;
    while (e != null && e.tree instanceof JCClassDecl decl) {
      classes.push(decl);
      e = e.outer;
    }
    // Outside the outermost class is the file's environment.
    if (e == null || !(e.tree instanceof CompilationUnitTree unit) || env.toplevel != unit) {
      return null;
    }
    TreePath path = new TreePath(unit);
    for (JCClassDecl decl : classes) {
      path = new TreePath(path, decl);
    }
    return path;
  }

  private static boolean isSource(ClassSymbol cls) {
    return cls.sourcefile != null && cls.sourcefile.getKind() == JavaFileObject.Kind.SOURCE;
  }
}
