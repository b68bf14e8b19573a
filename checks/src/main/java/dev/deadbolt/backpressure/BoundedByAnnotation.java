package dev.deadbolt.backpressure;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;
import dev.deadbolt.javac.Suppressions;
import dev.deadbolt.report.Members;
import dev.deadbolt.report.Suppression;
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

  /**
   * The {@code @BoundedBy} with a non-blank reason on the declaration {@code tree} (a class, method,
   * constructor or variable), as a suppression of the unbounded-buffer checks.
   */
  public static Optional<Suppression> on(Tree tree, VisitorState state) {
    ModifiersTree modifiers = Suppressions.modifiersOf(tree);
    Symbol symbol = ASTHelpers.getDeclaredSymbol(tree);
    if (modifiers == null || symbol == null) {
      return Optional.empty();
    }
    for (AnnotationTree annotation : modifiers.getAnnotations()) {
      Optional<String> reason = reason(annotation).filter(r -> !r.isBlank());
      if (isBoundedBy(annotation) && reason.isPresent()) {
        return Optional.of(
            new Suppression(
                Suppressions.sourceOf(annotation, state), Members.describe(symbol), reason.get()));
      }
    }
    return Optional.empty();
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

}
