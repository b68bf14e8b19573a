package dev.deadbolt.javac;

import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.tree.JCTree;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Finds the declaration of a member (a method, a field) among its class's declared members. The
 * analyses ask about one or two members of a class (the methods a summary reaches, the lock fields),
 * so a class is searched in place; past {@value #SEARCHED_IN_PLACE} members, it is indexed on its
 * first question. ({@code JavacTrees} searches the whole file or class for every member asked about.)
 *
 * @param <S> the member's symbol
 * @param <D> its declaration
 */
final class MemberDeclarations<S extends Symbol, D extends JCTree> {
  private static final int SEARCHED_IN_PLACE = 32;

  private final Class<D> declarationKind;
  private final Function<D, S> symbolOf;
  private final Map<ClassSymbol, Map<S, D>> largeClasses = new IdentityHashMap<>();

  MemberDeclarations(Class<D> declarationKind, Function<D, S> symbolOf) {
    this.declarationKind = declarationKind;
    this.symbolOf = symbolOf;
  }

  /** The declaration of {@code member} in the class declared by {@code cls}; null if not there. */
  @Nullable
  D in(JCClassDecl cls, S member) {
    // (javac's lists are linked: their size is a walk, so the search counts as it goes.)
    int searched = 0;
    for (JCTree tree : cls.defs) {
      if (declarationKind.isInstance(tree)) {
        D declaration = declarationKind.cast(tree);
        if (symbolOf.apply(declaration) == member) {
          return declaration;
        }
      }
      if (++searched == SEARCHED_IN_PLACE) {
        Map<S, D> index = largeClasses.get(cls.sym);
        if (index == null) {
          index = index(cls);
          largeClasses.put(cls.sym, index);
        }
        return index.get(member);
      }
    }
    return null;
  }

  private Map<S, D> index(JCClassDecl cls) {
    Map<S, D> declarations = new IdentityHashMap<>();
    for (JCTree tree : cls.defs) {
      if (declarationKind.isInstance(tree)) {
        D declaration = declarationKind.cast(tree);
        S symbol = symbolOf.apply(declaration);
        if (symbol != null) {
          declarations.put(symbol, declaration);
        }
      }
    }
    return declarations;
  }
}
