package dev.deadbolt.fixes;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Symbol;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;

/**
 * Replaces {@code synchronized (guard) { ... }} by {@code guard.lock(); try { ... } finally {
 * guard.unlock(); }}, turning the field into a {@code ReentrantLock}.
 *
 * <p>Only where that is mechanical and keeps mutual exclusion: {@code guard} is a {@code private final
 * Object guard = new Object()} field used nowhere but as the monitor of {@code synchronized} statements
 * (so no {@code wait}/{@code notify}, no escape, no outside synchronizer), none of those regions nest a
 * {@code synchronized} statement, and each stands where two statements may. Every region on the field
 * changes together; a half-converted monitor would no longer exclude anything.
 */
public final class MonitorToLockFix {
  private static final String REENTRANT_LOCK = "java.util.concurrent.locks.ReentrantLock";

  private MonitorToLockFix() {}

  public static Optional<SuggestedFix> forRegion(SynchronizedTree region, VisitorState state) {
    ExpressionTree monitor = ASTHelpers.stripParentheses(region.getExpression());
    if (!(ASTHelpers.getSymbol(monitor) instanceof VarSymbol field)
        || field.getKind() != ElementKind.FIELD
        || !field.getModifiers().contains(Modifier.PRIVATE)
        || !field.getModifiers().contains(Modifier.FINAL)
        || !(JavacTrees.instance(state.context).getTree(field) instanceof VariableTree declaration)
        || !isPlainObject(declaration, state)) {
      return Optional.empty();
    }
    List<TreePath> regions = new ArrayList<>();
    boolean[] otherUse = new boolean[1];
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitSynchronized(SynchronizedTree node, Void unused) {
        if (ASTHelpers.getSymbol(ASTHelpers.stripParentheses(node.getExpression())) == field) {
          regions.add(getCurrentPath());
          return scan(node.getBlock(), null);
        }
        return super.visitSynchronized(node, unused);
      }

      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        otherUse[0] |= ASTHelpers.getSymbol(node) == field;
        return null;
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree node, Void unused) {
        otherUse[0] |= ASTHelpers.getSymbol(node) == field;
        return super.visitMemberSelect(node, unused);
      }
    }.scan(state.getPath().getCompilationUnit(), null);
    if (otherUse[0] || regions.stream().anyMatch(r -> !convertible(r))) {
      return Optional.empty();
    }
    SuggestedFix.Builder fix = SuggestedFix.builder().addImport(REENTRANT_LOCK);
    fix.replace(declaration.getType(), "ReentrantLock");
    fix.replace(declaration.getInitializer(), "new ReentrantLock()");
    String name = field.getSimpleName().toString();
    for (TreePath path : regions) {
      SynchronizedTree sync = (SynchronizedTree) path.getLeaf();
      fix.replace(
          sync,
          name
              + ".lock();\ntry "
              + state.getSourceForNode(sync.getBlock())
              + " finally {\n"
              + name
              + ".unlock();\n}");
    }
    return Optional.of(fix.build());
  }

  private static boolean isPlainObject(VariableTree declaration, VisitorState state) {
    Symbol type = ASTHelpers.getSymbol(declaration.getType());
    return type != null
        && type.getQualifiedName().contentEquals("java.lang.Object")
        && declaration.getInitializer() instanceof NewClassTree init
        && init.getClassBody() == null
        && init.getArguments().isEmpty()
        && state.getSourceForNode(declaration.getType()) != null;
  }

  /** In a block or a case, with no monitor nested inside. */
  private static boolean convertible(TreePath region) {
    Tree parent = region.getParentPath().getLeaf();
    if (!(parent instanceof BlockTree) && !(parent instanceof CaseTree)) {
      return false;
    }
    boolean[] nested = new boolean[1];
    new com.sun.source.util.TreeScanner<Void, Void>() {
      @Override
      public Void visitSynchronized(SynchronizedTree node, Void unused) {
        nested[0] = true;
        return null;
      }
    }.scan(((SynchronizedTree) region.getLeaf()).getBlock(), null);
    return !nested[0];
  }
}
