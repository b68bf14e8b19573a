package dev.deadbolt.analysis;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symtab;
import com.sun.tools.javac.comp.AttrContext;
import com.sun.tools.javac.comp.Enter;
import com.sun.tools.javac.comp.Env;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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

  /** Every compilation unit with a class in this compilation, in the order of {@link #all}. */
  public static List<CompilationUnitTree> units(VisitorState state) {
    Enter enter = Enter.instance(state.context);
    Set<CompilationUnitTree> units = new LinkedHashSet<>();
    for (ClassSymbol cls : all(state)) {
      Env<AttrContext> env = enter.getEnv(cls);
      if (env != null && env.toplevel != null) {
        units.add(env.toplevel);
      }
    }
    return new ArrayList<>(units);
  }
}
