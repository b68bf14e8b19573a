package dev.deadbolt.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little JSON the report files need, written by hand so the checks jar keeps no dependency of its
 * own: an object with its fields in insertion order, rendered on one line.
 */
public final class Json {
  private final Map<String, Object> fields = new LinkedHashMap<>();

  private Json() {}

  public static Json object() {
    return new Json();
  }

  /**
   * Adds a field; {@code null} values are left out. Values are strings, numbers, booleans, {@link Json}
   * objects or lists of those.
   */
  public Json put(String name, Object value) {
    if (value != null) {
      fields.put(name, value);
    }
    return this;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    write(this, out);
    return out.toString();
  }

  private static void write(Object value, StringBuilder out) {
    if (value instanceof Json json) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, Object> field : json.fields.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        out.append(quote(field.getKey())).append(':');
        write(field.getValue(), out);
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(list.get(i), out);
      }
      out.append(']');
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else {
      out.append(quote(String.valueOf(value)));
    }
  }

  /** {@code s} as a JSON string literal. */
  public static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
