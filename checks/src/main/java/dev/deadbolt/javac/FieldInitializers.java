package dev.deadbolt.javac;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.VariableTree;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.comp.AttrContext;
import com.sun.tools.javac.comp.Enter;
import com.sun.tools.javac.comp.Env;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.tree.JCTree.JCVariableDecl;
import com.sun.tools.javac.util.Context;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The initializer of each field whose source is in this compilation, looked up once per field: finding
 * a field's declaration means searching its class, and lock fields are read at every lock call. Lock
 * fields are usually one or two of a class: see {@link MemberDeclarations}.
 */
public final class FieldInitializers {
  private static final Context.Key<FieldInitializers> KEY = new Context.Key<>();

  private final JavacTrees trees;
  private final Enter enter;
  private final Map<VarSymbol, Optional<ExpressionTree>> initializers = new IdentityHashMap<>();
  private final MemberDeclarations<VarSymbol, JCVariableDecl> fields =
      new MemberDeclarations<>(JCVariableDecl.class, v -> v.sym);

  private FieldInitializers(JavacTrees trees, Enter enter) {
    this.trees = trees;
    this.enter = enter;
  }

  public static FieldInitializers of(VisitorState state) {
    FieldInitializers known = state.context.get(KEY);
    if (known == null) {
      known = new FieldInitializers(JavacTrees.instance(state.context), Enter.instance(state.context));
      state.context.put(KEY, known);
    }
    return known;
  }

  /** The field's initializer, or null when it has none or its source is not compiled here. */
  @Nullable
  public ExpressionTree initializer(VarSymbol field) {
    Optional<ExpressionTree> known = initializers.get(field);
    if (known == null) {
      JCVariableDecl declared = declarationOf(field);
      known =
          declared != null
              ? Optional.ofNullable(declared.getInitializer())
              // Not a field of a class javac keeps an environment for: searched the long way.
              : trees.getTree(field) instanceof VariableTree decl
                  ? Optional.ofNullable(decl.getInitializer())
                  : Optional.empty();
      initializers.put(field, known);
    }
    return known.orElse(null);
  }

  /**
   * The field's declaration among its class's members, which javac keeps in the class's {@code Enter}
   * environment ({@code JavacTrees.getTree} searches the whole class for each field it is asked about).
   */
  @Nullable
  private JCVariableDecl declarationOf(VarSymbol field) {
    if (!(field.owner instanceof ClassSymbol owner)) {
      return null;
    }
    Env<AttrContext> env = enter.getEnv(owner);
    if (env == null || !(env.tree instanceof JCClassDecl cls)) {
      return null;
    }
    return fields.in(cls, field);
  }
}
