package dev.deadbolt.javac;

import com.sun.tools.javac.code.Attribute;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;

/** Reading the strings of an annotation's {@code value}, written as one string or as an array. */
public final class AnnotationStrings {
  private AnnotationStrings() {}

  /** {@code @X("a")} and {@code @X({"a", "b"})} alike; empty when there is no {@code value}. */
  public static List<String> value(AnnotationMirror annotation) {
    List<String> strings = new ArrayList<>();
    annotation
        .getElementValues()
        .forEach(
            (element, value) -> {
              if (!element.getSimpleName().contentEquals("value")) {
                return;
              }
              if (value instanceof Attribute.Array array) {
                for (Attribute item : array.values) {
                  if (item.getValue() instanceof String s) {
                    strings.add(s);
                  }
                }
              } else if (value.getValue() instanceof String s) {
                strings.add(s);
              }
            });
    return strings;
  }
}
