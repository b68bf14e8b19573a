package dev.deadbolt.summaries;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one line of JSON, as the summaries file has them: objects, arrays, strings, numbers ({@code
 * Long}), booleans and null. Anything else, or anything after the value, is a {@link
 * IllegalArgumentException} naming the column. Written by hand, like {@link dev.deadbolt.report.Json}, so
 * the checks jar keeps no dependency of its own.
 */
final class JsonLine {
  private final String text;
  private int at;

  private JsonLine(String text) {
    this.text = text;
  }

  /** The object on {@code line}. */
  static Map<String, Object> object(String line) {
    JsonLine reader = new JsonLine(line);
    reader.space();
    if (reader.at >= line.length() || line.charAt(reader.at) != '{') {
      throw reader.problem("a JSON object");
    }
    Object value = reader.value();
    reader.space();
    if (reader.at != line.length()) {
      throw reader.problem("the end of the line");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> object = (Map<String, Object>) value;
    return object;
  }

  private Object value() {
    space();
    if (at >= text.length()) {
      throw problem("a value");
    }
    char c = text.charAt(at);
    switch (c) {
      case '{':
        return objectValue();
      case '[':
        return arrayValue();
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw problem("a value");
    }
  }

  private Map<String, Object> objectValue() {
    Map<String, Object> fields = new LinkedHashMap<>();
    at++;
    space();
    if (peek() == '}') {
      at++;
      return fields;
    }
    while (true) {
      space();
      if (peek() != '"') {
        throw problem("a field name");
      }
      String name = string();
      space();
      expect(':');
      fields.put(name, value());
      space();
      if (peek() == ',') {
        at++;
      } else {
        expect('}');
        return fields;
      }
    }
  }

  private List<Object> arrayValue() {
    List<Object> items = new ArrayList<>();
    at++;
    space();
    if (peek() == ']') {
      at++;
      return items;
    }
    while (true) {
      items.add(value());
      space();
      if (peek() == ',') {
        at++;
      } else {
        expect(']');
        return items;
      }
    }
  }

  private String string() {
    StringBuilder out = new StringBuilder();
    at++; // the opening quote
    while (at < text.length()) {
      char c = text.charAt(at++);
      if (c == '"') {
        return out.toString();
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (at >= text.length()) {
        break;
      }
      char escaped = text.charAt(at++);
      switch (escaped) {
        case '"', '\\', '/' -> out.append(escaped);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (at + 4 > text.length()) {
            throw problem("four hex digits");
          }
          try {
            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
          } catch (NumberFormatException e) {
            throw problem("four hex digits");
          }
          at += 4;
        }
        default -> throw problem("an escape sequence");
      }
    }
    throw problem("the end of a string");
  }

  private Long number() {
    int start = at;
    if (peek() == '-') {
      at++;
    }
    while (at < text.length() && Character.isDigit(text.charAt(at))) {
      at++;
    }
    try {
      return Long.parseLong(text.substring(start, at));
    } catch (NumberFormatException e) {
      at = start;
      throw problem("a whole number");
    }
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, at)) {
      throw problem("a value");
    }
    at += word.length();
    return value;
  }

  private void expect(char c) {
    if (peek() != c) {
      throw problem("'" + c + "'");
    }
    at++;
  }

  private char peek() {
    return at < text.length() ? text.charAt(at) : '\0';
  }

  private void space() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
  }

  private IllegalArgumentException problem(String expected) {
    return new IllegalArgumentException("expected " + expected + " at column " + (at + 1));
  }
}
