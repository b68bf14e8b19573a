package dev.deadbolt.javac;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.PackageSymbol;
import com.sun.tools.javac.code.Symtab;
import com.sun.tools.javac.comp.AttrContext;
import com.sun.tools.javac.comp.Enter;
import com.sun.tools.javac.comp.Env;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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
    Enter enter = Enter.instance(state.context);
    // javac's symbol table iterates in hash order; results must not depend on it. Sorted by flat
    // name, each name made a string once (a comparator would make two per comparison); two modules
    // may each have a class of the same name, so not a map.
    List<Map.Entry<String, ClassSymbol>> classes = new ArrayList<>();
    for (ClassSymbol cls : Symtab.instance(state.context).getAllClasses()) {
      // The source-file test is cheap; javac keeps an environment only for classes it compiles.
      if (cls.sourcefile != null
          && cls.sourcefile.getKind() == JavaFileObject.Kind.SOURCE
          && enter.getEnv(cls) != null) {
        classes.add(Map.entry(cls.flatName().toString(), cls));
      }
    }
    classes.sort(Map.Entry.comparingByKey());
    List<ClassSymbol> sorted = new ArrayList<>(classes.size());
    for (Map.Entry<String, ClassSymbol> entry : classes) {
      sorted.add(entry.getValue());
    }
    return sorted;
  }

  /**
   * Every compilation unit with a class in this compilation, in the order of {@link #all}: by the least
   * flat name of its classes, which is always one of its top-level classes' (a nested class's flat name
   * extends its top-level class's). Read from javac's class environments, which hold only the classes
   * compiled from source; the symbol table {@link #all} filters holds every class javac has loaded.
   */
  public static List<CompilationUnitTree> units(VisitorState state) {
    Map<CompilationUnitTree, String> leastName = new IdentityHashMap<>();
    for (Env<AttrContext> env : Enter.instance(state.context).getEnvs()) {
      if (env.toplevel != null
          && env.tree instanceof JCClassDecl decl
          && decl.sym != null
          && decl.sym.owner instanceof PackageSymbol
          && decl.sym.sourcefile != null
          && decl.sym.sourcefile.getKind() == JavaFileObject.Kind.SOURCE) {
        String name = decl.sym.flatName().toString();
        String least = leastName.get(env.toplevel);
        if (least == null || name.compareTo(least) < 0) {
          leastName.put(env.toplevel, name);
        }
      }
    }
    List<Map.Entry<CompilationUnitTree, String>> units = new ArrayList<>(leastName.entrySet());
    units.sort(Map.Entry.comparingByValue());
    List<CompilationUnitTree> sorted = new ArrayList<>(units.size());
    for (Map.Entry<CompilationUnitTree, String> unit : units) {
      sorted.add(unit.getKey());
    }
    return sorted;
  }
}
