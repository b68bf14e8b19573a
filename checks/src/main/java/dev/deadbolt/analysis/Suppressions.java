package dev.deadbolt.analysis;

import com.sun.tools.javac.code.Attribute;
import com.sun.tools.javac.code.Symbol;
import javax.lang.model.element.AnnotationMirror;
import org.jspecify.annotations.Nullable;

/**
 * {@code @SuppressWarnings} on declarations nested inside code a check reports on as a whole: Error
 * Prone decides suppression at the matched node only, so a check that looks inside must honour nested
 * suppressions itself.
 */
public final class Suppressions {
  private Suppressions() {}

  /** Whether {@code symbol} carries {@code @SuppressWarnings} naming {@code checkName} (or "all"). */
  public static boolean suppresses(@Nullable Symbol symbol, String checkName) {
    if (symbol == null) {
      return false;
    }
    for (AnnotationMirror annotation : symbol.getAnnotationMirrors()) {
      if (!annotation
          .getAnnotationType()
          .toString()
          .equals("java.lang.SuppressWarnings")) {
        continue;
      }
      for (var value : annotation.getElementValues().values()) {
        if (value instanceof Attribute.Array array) {
          for (Attribute item : array.values) {
            if (checkName.equals(item.getValue()) || "all".equals(item.getValue())) {
              return true;
            }
          }
        } else if (checkName.equals(value.getValue()) || "all".equals(value.getValue())) {
          return true;
        }
      }
    }
    return false;
  }
}
