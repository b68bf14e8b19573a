package dev.deadbolt.analysis;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.VariableTree;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.comp.AttrContext;
import com.sun.tools.javac.comp.Enter;
import com.sun.tools.javac.comp.Env;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.tree.JCTree.JCVariableDecl;
import com.sun.tools.javac.util.Context;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The initializer of each field whose source is in this compilation, looked up once per field: finding
 * a field's declaration means searching its class, and lock fields are read at every lock call.
 */
final class FieldInitializers {
  private static final Context.Key<FieldInitializers> KEY = new Context.Key<>();

  private final JavacTrees trees;
  private final Enter enter;
  private final Map<VarSymbol, Optional<ExpressionTree>> initializers = new IdentityHashMap<>();

  private FieldInitializers(JavacTrees trees, Enter enter) {
    this.trees = trees;
    this.enter = enter;
  }

  static FieldInitializers of(VisitorState state) {
    FieldInitializers known = state.context.get(KEY);
    if (known == null) {
      known = new FieldInitializers(JavacTrees.instance(state.context), Enter.instance(state.context));
      state.context.put(KEY, known);
    }
    return known;
  }

  /** The field's initializer, or null when it has none or its source is not compiled here. */
  @Nullable
  ExpressionTree initializer(VarSymbol field) {
    Optional<ExpressionTree> known = initializers.get(field);
    if (known == null) {
      indexFieldsOf(field);
      known = initializers.get(field);
      if (known == null) {
        // Not a field of a class javac keeps an environment for: searched the long way.
        known =
            trees.getTree(field) instanceof VariableTree decl
                ? Optional.ofNullable(decl.getInitializer())
                : Optional.empty();
        initializers.put(field, known);
      }
    }
    return known.orElse(null);
  }

  /**
   * Records the initializer of every field declared in {@code field}'s class, read from the class's
   * members: {@code JavacTrees.getTree} searches the whole class for each field it is asked about.
   */
  private void indexFieldsOf(VarSymbol field) {
    Env<AttrContext> env = field.owner instanceof ClassSymbol owner ? enter.getEnv(owner) : null;
    if (env == null || !(env.tree instanceof JCClassDecl cls)) {
      return;
    }
    for (JCTree member : cls.getMembers()) {
      if (member instanceof JCVariableDecl decl && decl.sym != null) {
        initializers.putIfAbsent(decl.sym, Optional.ofNullable(decl.getInitializer()));
      }
    }
  }
}
