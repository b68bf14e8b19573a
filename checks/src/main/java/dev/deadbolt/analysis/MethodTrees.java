package dev.deadbolt.analysis;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.PackageSymbol;
import com.sun.tools.javac.comp.AttrContext;
import com.sun.tools.javac.comp.Enter;
import com.sun.tools.javac.comp.Env;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.jspecify.annotations.Nullable;

/**
 * The declaration of a method compiled from source, found through an index of the members of its
 * top-level class, built on first use. {@code JavacTrees.getPath(method)} scans the whole file for each
 * method it is asked about, and the summaries ask about every method they reach.
 */
final class MethodTrees {
  private final VisitorState state;
  private final Map<ClassSymbol, Map<MethodSymbol, TreePath>> byTopLevelClass = new HashMap<>();
  /** The index of a top-level class read from a class file. */
  private static final Map<MethodSymbol, TreePath> NOT_SOURCE = Map.of();

  MethodTrees(VisitorState state) {
    this.state = state;
  }

  /** The path to the method's declaration, or null when its source is not part of this compilation. */
  @Nullable
  TreePath pathOf(MethodSymbol method) {
    ClassSymbol cls = method.enclClass();
    if (cls == null) {
      return null; // an array's clone(): no body to scan
    }
    ClassSymbol topLevel = topLevel(cls);
    if (topLevel == null) {
      return isSource(cls) ? JavacTrees.instance(state.context).getPath(method) : null;
    }
    Map<MethodSymbol, TreePath> members = byTopLevelClass.get(topLevel);
    if (members == null) {
      // A class javac entered from source has an environment; any other is asked whether it was read
      // from a class file (no body to scan) once, not per call: the file object's kind is worked out
      // from its name each time.
      Env<AttrContext> env = Enter.instance(state.context).getEnv(topLevel);
      members = env != null || isSource(topLevel) ? index(topLevel, env) : NOT_SOURCE;
      byTopLevelClass.put(topLevel, members);
    }
    if (members == NOT_SOURCE) {
      return null;
    }
    TreePath path = members.get(method);
    // Not a member of a member class (a local or anonymous class's, an enum constant body's): searched.
    return path != null ? path : JavacTrees.instance(state.context).getPath(method);
  }

  private static boolean isSource(ClassSymbol cls) {
    return cls.sourcefile != null && cls.sourcefile.getKind() == JavaFileObject.Kind.SOURCE;
  }

  /** The top-level class around {@code cls}, or null for an owner chain javac does not usually make. */
  @Nullable
  private static ClassSymbol topLevel(ClassSymbol cls) {
    ClassSymbol current = cls;
    while (!(current.owner instanceof PackageSymbol)) {
      ClassSymbol outer = current.owner == null ? null : current.owner.enclClass();
      if (outer == null || outer == current) {
        return null;
      }
      current = outer;
    }
    return current;
  }

  /**
   * The methods declared in {@code topLevel} and its member classes. Only class bodies are read, never
   * method bodies: a path is made for each method, not for every node of the file.
   */
  private Map<MethodSymbol, TreePath> index(ClassSymbol topLevel, @Nullable Env<AttrContext> env) {
    Map<MethodSymbol, TreePath> methods = new HashMap<>();
    // A top-level class is a child of its file: its path is two steps, where JavacTrees.getPath
    // searches the file for the class's declaration.
    TreePath classPath =
        env != null && env.toplevel != null && env.tree instanceof ClassTree
            ? new TreePath(new TreePath(env.toplevel), env.tree)
            : JavacTrees.instance(state.context).getPath(topLevel);
    if (classPath != null && classPath.getLeaf() instanceof ClassTree cls) {
      addMembers(classPath, cls, methods);
    }
    return methods;
  }

  private static void addMembers(TreePath classPath, ClassTree cls, Map<MethodSymbol, TreePath> methods) {
    for (Tree member : cls.getMembers()) {
      if (member instanceof MethodTree method) {
        MethodSymbol symbol = ASTHelpers.getSymbol(method);
        if (symbol != null) {
          methods.put(symbol, new TreePath(classPath, method));
        }
      } else if (member instanceof ClassTree nested) {
        addMembers(new TreePath(classPath, nested), nested, methods);
      }
    }
  }
}
