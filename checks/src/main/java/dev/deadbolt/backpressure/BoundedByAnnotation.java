package dev.deadbolt.backpressure;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import java.util.Optional;

/**
 * Reading {@code @dev.deadbolt.annotations.BoundedBy("reason")}. Matched by name so the checks need
 * not load Deadbolt's annotations jar, and read here rather than through
 * {@code BugPattern.suppressionAnnotations}, which would honour the annotation without looking at its
 * reason.
 */
public final class BoundedByAnnotation {
  public static final String NAME = "dev.deadbolt.annotations.BoundedBy";

  private BoundedByAnnotation() {}

  /** Whether a declaration enclosing the current node carries a {@code @BoundedBy} with a reason. */
  public static boolean suppresses(VisitorState state) {
    for (TreePath path = state.getPath(); path != null; path = path.getParentPath()) {
      ModifiersTree modifiers = modifiersOf(path.getLeaf());
      if (modifiers == null) {
        continue;
      }
      for (AnnotationTree annotation : modifiers.getAnnotations()) {
        if (isBoundedBy(annotation) && reason(annotation).filter(r -> !r.isBlank()).isPresent()) {
          return true;
        }
      }
    }
    return false;
  }

  public static boolean isBoundedBy(AnnotationTree annotation) {
    Symbol type = ASTHelpers.getSymbol(annotation.getAnnotationType());
    return type != null && type.getQualifiedName().contentEquals(NAME);
  }

  /** The reason as written, if it is a constant (it must be, for the annotation to compile). */
  public static Optional<String> reason(AnnotationTree annotation) {
    if (annotation.getArguments().size() != 1) {
      return Optional.empty();
    }
    ExpressionTree argument = annotation.getArguments().get(0);
    if (argument instanceof AssignmentTree assignment) {
      argument = assignment.getExpression();
    }
    return Optional.ofNullable(ASTHelpers.constValue(argument, String.class));
  }

  // The declarations @BoundedBy may mark; other nodes on the path carry no annotations.
  private static ModifiersTree modifiersOf(Tree tree) {
    if (tree instanceof ClassTree classTree) {
      return classTree.getModifiers();
    }
    if (tree instanceof MethodTree method) {
      return method.getModifiers();
    }
    if (tree instanceof VariableTree variable) {
      return variable.getModifiers();
    }
    return null;
  }
}
