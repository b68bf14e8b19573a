package dev.deadbolt.analysis;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.VariableTree;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Symbol.VarSymbol;
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
  private final Map<VarSymbol, Optional<ExpressionTree>> initializers = new IdentityHashMap<>();

  private FieldInitializers(JavacTrees trees) {
    this.trees = trees;
  }

  static FieldInitializers of(VisitorState state) {
    FieldInitializers known = state.context.get(KEY);
    if (known == null) {
      known = new FieldInitializers(JavacTrees.instance(state.context));
      state.context.put(KEY, known);
    }
    return known;
  }

  /** The field's initializer, or null when it has none or its source is not compiled here. */
  @Nullable
  ExpressionTree initializer(VarSymbol field) {
    return initializers
        .computeIfAbsent(
            field,
            f ->
                trees.getTree(f) instanceof VariableTree decl
                    ? Optional.ofNullable(decl.getInitializer())
                    : Optional.empty())
        .orElse(null);
  }
}
