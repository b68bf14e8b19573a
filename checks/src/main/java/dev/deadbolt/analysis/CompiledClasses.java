package dev.deadbolt.analysis;

import com.google.errorprone.VisitorState;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symtab;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * The classes whose source is part of this compilation (every file javac compiles together, attributed
 * before Error Prone runs under {@code -XDcompilePolicy=simple}), for analyses that need the whole
 * compilation rather than the file being checked.
 */
public final class CompiledClasses {
  private CompiledClasses() {}

  /** Every class, nested ones included, with source in this compilation, in a stable order. */
  public static List<ClassSymbol> all(VisitorState state) {
    JavacTrees trees = JavacTrees.instance(state.context);
    List<ClassSymbol> classes = new ArrayList<>();
    for (ClassSymbol cls : Symtab.instance(state.context).getAllClasses()) {
      // The source-file test is cheap; the tree lookup confirms it is being compiled, not just named.
      if (cls.sourcefile != null
          && cls.sourcefile.getKind() == JavaFileObject.Kind.SOURCE
          && trees.getTree(cls) != null) {
        classes.add(cls);
      }
    }
    // javac's symbol table iterates in hash order; results must not depend on it.
    classes.sort(Comparator.comparing(c -> c.flatName().toString()));
    return classes;
  }
}
