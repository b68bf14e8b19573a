package dev.deadbolt.javac;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.tools.javac.code.Symbol;
import dev.deadbolt.report.Members;
import dev.deadbolt.report.Suppression;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import org.jspecify.annotations.Nullable;

/**
 * {@code @SuppressWarnings} as Deadbolt reads it. Error Prone's own suppression is off for Deadbolt
 * checks (see {@code DeadboltChecker}), so that a suppressed finding can still be recorded with what
 * suppressed it; this class decides it the way Error Prone does — {@code @SuppressWarnings} (or
 * Android's {@code @SuppressLint}) naming the check or {@code "all"}, on any enclosing declaration —
 * and also finds the reason written next to it.
 */
public final class Suppressions {
  private static final Set<String> SUPPRESSING_TYPES =
      Set.of("java.lang.SuppressWarnings", "android.annotation.SuppressLint");

  private Suppressions() {}

  /** Whether {@code symbol} carries {@code @SuppressWarnings} naming {@code checkName} (or "all"). */
  public static boolean suppresses(@Nullable Symbol symbol, String checkName) {
    if (symbol == null) {
      return false;
    }
    for (AnnotationMirror annotation : symbol.getAnnotationMirrors()) {
      if (SUPPRESSING_TYPES.contains(annotation.getAnnotationType().toString())
          && AnnotationStrings.value(annotation).stream().anyMatch(n -> n.equals(checkName) || n.equals("all"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The {@code @SuppressWarnings} on the declaration {@code tree} (a class, method or variable) that
   * names one of {@code checkNames} or {@code "all"}, if any.
   */
  public static Optional<Suppression> on(Tree tree, Set<String> checkNames, VisitorState state) {
    ModifiersTree modifiers = modifiersOf(tree);
    Symbol symbol = ASTHelpers.getDeclaredSymbol(tree);
    if (modifiers == null || symbol == null) {
      return Optional.empty();
    }
    for (AnnotationTree annotation : modifiers.getAnnotations()) {
      Symbol type = ASTHelpers.getSymbol(annotation.getAnnotationType());
      AnnotationMirror mirror = ASTHelpers.getAnnotationMirror(annotation);
      if (type == null
          || mirror == null
          || !SUPPRESSING_TYPES.contains(type.getQualifiedName().toString())) {
        continue;
      }
      if (AnnotationStrings.value(mirror).stream().anyMatch(n -> n.equals("all") || checkNames.contains(n))) {
        return Optional.of(
            new Suppression(
                sourceOf(annotation, state), Members.describe(symbol), commentReason(annotation, state)));
      }
    }
    return Optional.empty();
  }

  /** The modifiers of a declaration that can carry annotations; null for any other tree. */
  public static @Nullable ModifiersTree modifiersOf(Tree tree) {
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

  /** The annotation as written, on one line. */
  public static String sourceOf(AnnotationTree annotation, VisitorState state) {
    String source = state.getSourceForNode(annotation);
    return source == null ? annotation.toString() : source.replaceAll("\\s+", " ").trim();
  }

  /**
   * The {@code //} comment after the annotation on its last line, else the {@code //} comment lines
   * directly above its first line; empty when there is neither.
   */
  static String commentReason(AnnotationTree annotation, VisitorState state) {
    CharSequence source = state.getSourceCode();
    int start = ASTHelpers.getStartPosition(annotation);
    int end = state.getEndPosition(annotation);
    if (source == null || start < 0 || end < 0) {
      return "";
    }
    String text = source.toString();
    int lineEnd = text.indexOf('\n', end);
    String rest = text.substring(end, lineEnd < 0 ? text.length() : lineEnd).trim();
    if (rest.startsWith("//")) {
      return rest.substring(2).trim();
    }
    List<String> above = new ArrayList<>();
    int lineStart = text.lastIndexOf('\n', start - 1) + 1;
    if (!text.substring(lineStart, start).isBlank()) {
      return "";
    }
    while (lineStart > 0) {
      int previousStart = text.lastIndexOf('\n', lineStart - 2) + 1;
      String line = text.substring(previousStart, lineStart - 1).trim();
      if (!line.startsWith("//")) {
        break;
      }
      above.add(0, line.substring(2).trim());
      lineStart = previousStart;
    }
    return String.join(" ", above).trim();
  }
}
