package dev.deadbolt.engine;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.tree.JCTree.Tag;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.util.Context;
import dev.deadbolt.javac.ChildlessTrees;
import dev.deadbolt.locks.LockSigns;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The nodes of one compilation unit that Deadbolt's checks match, by kind, in the order Error Prone's
 * own scan meets them (a node before its children). Found by one scan per unit, shared by every check
 * (see {@link NodeMatchers} for why the checks do not let Error Prone call them node by node). The scan
 * does not enter types, so the annotations written inside a type ({@code List<@A String>}) are not among
 * them: no check reads those.
 */
public final class UnitNodes {
  /** The node kinds a check can match; one per interface of {@link NodeMatchers}. */
  public enum Kind {
    METHOD_INVOCATION(Tag.APPLY),
    NEW_CLASS(Tag.NEWCLASS),
    MEMBER_REFERENCE(Tag.REFERENCE),
    METHOD(Tag.METHODDEF),
    CATCH(Tag.CATCH),
    SYNCHRONIZED(Tag.SYNCHRONIZED),
    WHILE_LOOP(Tag.WHILELOOP),
    DO_WHILE_LOOP(Tag.DOLOOP),
    FOR_LOOP(Tag.FORLOOP),
    ANNOTATION(Tag.ANNOTATION, Tag.TYPE_ANNOTATION), // (not those inside types: see Collector)
    CLASS(Tag.CLASSDEF); // classes, interfaces, enums, records and annotation types

    /** javac's tags of the nodes of this kind. */
    private final Tag[] tags;

    Kind(Tag... tags) {
      this.tags = tags;
    }
  }

  /**
   * The kind of each of javac's tree tags that is one, by the tag's ordinal: read for every node of
   * the file, so an array rather than a map keyed by {@code Tree.getKind()}.
   */
  private static final Kind[] KIND_OF_TAG = kindsByTag();

  private static Kind[] kindsByTag() {
    Kind[] kinds = new Kind[Tag.values().length];
    for (Kind kind : Kind.values()) {
      for (Tag tag : kind.tags) {
        kinds[tag.ordinal()] = kind;
      }
    }
    return kinds;
  }

  /** The compilation's current unit's nodes (javac's context keeps a value once put, so a holder). */
  private static final Context.Key<UnitNodes[]> KEY = new Context.Key<>();

  private final CompilationUnitTree unit;
  /** Per kind, the paths found and each one's position in the whole scan (to merge kinds in order). */
  private final TreePath[][] paths = new TreePath[Kind.values().length][];
  private final int[][] order = new int[Kind.values().length][];
  /** Per kind, each node's state, made when a check first visits it. */
  private final VisitorState[][] states = new VisitorState[Kind.values().length][];
  private final int[] counts = new int[Kind.values().length];

  private UnitNodes(CompilationUnitTree unit, Context context) {
    this.unit = unit;
    for (int k = 0; k < paths.length; k++) {
      paths[k] = new TreePath[16];
      order[k] = new int[16];
    }
    Collector collector = new Collector(Types.instance(context));
    collector.scan(unit, null);
    collector.lockSigns.record(unit, context);
    for (int k = 0; k < paths.length; k++) {
      states[k] = new VisitorState[counts[k]];
    }
  }

  /**
   * Files walked before the checks reached them, because the lock analyses needed their lock signs
   * early (the lock order, built once per compilation, needs every file's); each is kept until the
   * checks get there.
   */
  private static final Context.Key<Map<CompilationUnitTree, UnitNodes>> AHEAD = new Context.Key<>();

  /**
   * Offers this walk to the lock analyses for the files whose lock signs they need before the checks
   * reach them ({@link LockSigns#walkFilesWith}), so that no file is walked twice. Once per compilation.
   */
  static void offerWalksAhead(Context context) {
    if (context.get(AHEAD) == null) {
      Map<CompilationUnitTree, UnitNodes> ahead = new IdentityHashMap<>();
      context.put(AHEAD, ahead);
      LockSigns.walkFilesWith(context, unit -> ahead.put(unit, new UnitNodes(unit, context)));
    }
  }

  /**
   * The nodes of {@code unit}. Only the unit being checked is kept, and the ones walked ahead of it:
   * Error Prone visits units one at a time, and every check of a unit asks before the next unit starts.
   */
  static UnitNodes of(CompilationUnitTree unit, VisitorState state) {
    UnitNodes[] current = state.context.get(KEY);
    if (current == null) {
      current = new UnitNodes[1];
      state.context.put(KEY, current);
    }
    if (current[0] == null || current[0].unit != unit) {
      Map<CompilationUnitTree, UnitNodes> ahead = state.context.get(AHEAD);
      UnitNodes walked = ahead == null ? null : ahead.remove(unit);
      current[0] = walked != null ? walked : new UnitNodes(unit, state.context);
    }
    return current[0];
  }

  /** Receives one node of a pass, with a state whose path is the node's. */
  interface Visit {
    void visit(Kind kind, Tree node, VisitorState state);
  }

  /**
   * Calls {@code visit} for every node of the {@code wanted} kinds, in scan order. Each node's state is
   * made from {@code unitState} once and shared by every check that visits the node: the checks' states
   * differ only in the suppression Error Prone decided for them, which it never does for Deadbolt's
   * checks ({@link DeadboltChecker#supportsSuppressWarnings()}).
   */
  void forEach(Kind[] wanted, VisitorState unitState, Visit visit) {
    if (wanted.length == 1) {
      int k = wanted[0].ordinal();
      for (int i = 0; i < counts[k]; i++) {
        visit.visit(wanted[0], paths[k][i].getLeaf(), stateAt(k, i, unitState));
      }
      return;
    }
    // A merge of the kinds' lists by scan position: few kinds, so a linear pick per step.
    int[] next = new int[wanted.length];
    while (true) {
      int best = -1;
      int bestOrder = Integer.MAX_VALUE;
      for (int w = 0; w < wanted.length; w++) {
        int k = wanted[w].ordinal();
        if (next[w] < counts[k] && order[k][next[w]] < bestOrder) {
          best = w;
          bestOrder = order[k][next[w]];
        }
      }
      if (best < 0) {
        return;
      }
      int k = wanted[best].ordinal();
      int i = next[best]++;
      visit.visit(wanted[best], paths[k][i].getLeaf(), stateAt(k, i, unitState));
    }
  }

  private VisitorState stateAt(int kind, int index, VisitorState unitState) {
    VisitorState state = states[kind][index];
    if (state == null) {
      state = unitState.withPath(paths[kind][index]);
      states[kind][index] = state;
    }
    return state;
  }

  /**
   * A scan in {@link TreeScanner}'s order (as Error Prone's, a {@code TreePathScanner}) that keeps its
   * ancestors on a stack and makes a {@link TreePath} only for the nodes it collects and their
   * ancestors: a {@code TreePathScanner} makes one for every node of the file, identifiers and literals
   * included.
   */
  private final class Collector extends TreeScanner<Void, Void> {
    /** The trees from the file down to the one being visited, and the paths made for them so far. */
    private Tree[] stack = new Tree[64];
    private TreePath[] pathAt = new TreePath[64];
    private int depth;
    private int seen;
    /** The same walk finds the file's signs of a lock, so the lock analyses need not walk it again. */
    private final LockSigns.Tracker lockSigns;

    Collector(Types types) {
      this.lockSigns = new LockSigns.Tracker(types);
    }

    @Override
    public Void scan(Tree tree, Void unused) {
      if (tree == null || ChildlessTrees.skipped(tree)) {
        return null;
      }
      Kind kind = KIND_OF_TAG[((JCTree) tree).getTag().ordinal()];
      if (kind == Kind.METHOD && ASTHelpers.isGeneratedConstructor((MethodTree) tree)) {
        return null; // javac's default constructor: Error Prone's scan skips it too
      }
      if (depth == stack.length) {
        stack = Arrays.copyOf(stack, depth * 2);
        pathAt = Arrays.copyOf(pathAt, depth * 2);
      }
      stack[depth] = tree;
      pathAt[depth] = null;
      depth++;
      if (kind != null) {
        add(kind); // before the children: Error Prone's order
      }
      tree.accept(this, null);
      depth--; // (an exception ends the walk: the collector is not used again)
      return null;
    }

    /** The path of the tree being visited, made from the nearest ancestor that has one. */
    private TreePath currentPath() {
      int top = depth - 1;
      int made = top;
      while (made >= 0 && pathAt[made] == null) {
        made--;
      }
      for (int d = made + 1; d <= top; d++) {
        pathAt[d] =
            d == 0 ? new TreePath((CompilationUnitTree) stack[0]) : new TreePath(pathAt[d - 1], stack[d]);
      }
      return pathAt[top];
    }

    private void add(Kind kind) {
      int k = kind.ordinal();
      if (counts[k] == paths[k].length) {
        paths[k] = Arrays.copyOf(paths[k], counts[k] * 2);
        order[k] = Arrays.copyOf(order[k], counts[k] * 2);
      }
      paths[k][counts[k]] = currentPath();
      order[k][counts[k]] = seen++;
      counts[k]++;
    }

    // Types are not walked: a variable's, a method's return type, type parameters and exceptions, a
    // class's type parameters and supertypes, the class and type arguments of a `new`, a cast's type.
    // They hold no node of a kind checks match but type annotations, which none reads (every
    // annotation a check looks at is a declaration's), and the walk's time is mostly first touches.

    @Override
    public Void visitVariable(VariableTree node, Void unused) {
      scan(node.getModifiers(), null);
      scan(node.getNameExpression(), null);
      scan(node.getInitializer(), null);
      return null;
    }

    @Override
    public Void visitClass(ClassTree node, Void unused) {
      Tree outerBody = lockSigns.enterBody(null);
      scan(node.getModifiers(), null);
      scan(node.getMembers(), null);
      lockSigns.exitBody(outerBody);
      return null;
    }

    @Override
    public Void visitNewClass(NewClassTree node, Void unused) {
      scan(node.getEnclosingExpression(), null);
      scan(node.getArguments(), null);
      scan(node.getClassBody(), null);
      return null;
    }

    @Override
    public Void visitTypeCast(TypeCastTree node, Void unused) {
      scan(node.getExpression(), null);
      return null;
    }

    // Beyond collecting, the walk follows the lock signs.

    @Override
    public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
      lockSigns.onInvocation(node);
      return super.visitMethodInvocation(node, unused);
    }

    @Override
    public Void visitSynchronized(SynchronizedTree node, Void unused) {
      lockSigns.onSynchronized();
      return super.visitSynchronized(node, unused);
    }

    @Override
    public Void visitTry(TryTree node, Void unused) {
      lockSigns.onTry(node);
      return super.visitTry(node, unused);
    }

    /** The lock signs of a method, and its code without its types (see above). */
    @Override
    public Void visitMethod(MethodTree node, Void unused) {
      boolean outer = lockSigns.enterMethod(node);
      Tree outerBody = lockSigns.enterBody(node);
      scan(node.getModifiers(), null);
      scan(node.getParameters(), null);
      scan(node.getReceiverParameter(), null);
      scan(node.getBody(), null);
      scan(node.getDefaultValue(), null);
      lockSigns.exitBody(outerBody);
      lockSigns.exitMethod(node, outer);
      return null;
    }

    @Override
    public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
      Tree outerBody = lockSigns.enterBody(node);
      super.visitLambdaExpression(node, unused);
      lockSigns.exitBody(outerBody);
      return null;
    }
  }
}
