package dev.deadbolt.catalog;

import java.util.OptionalInt;

/**
 * One {@code Type#method/arity} pattern of a catalog line.
 *
 * <ul>
 *   <li>{@code Type} is a fully qualified class or interface; it matches that type and every subtype.
 *   <li>{@code method} is a name, a prefix ending in {@code *}, {@code *} for every method, or {@code
 *       new} for constructors. Without {@code #method} the pattern covers every method of the type.
 *   <li>{@code /arity}, optional, restricts to that number of parameters.
 * </ul>
 *
 * @param type the fully qualified type name
 * @param method the method name or pattern ({@code *} when absent)
 * @param arity the number of parameters, or empty for any
 */
public record MethodPattern(String type, String method, OptionalInt arity) {
  /** The name a constructor has in a pattern. */
  public static final String CONSTRUCTOR = "new";

  /**
   * Parses {@code text}, or throws {@link IllegalArgumentException} saying what is expected. Read
   * character by character, not by a regular expression: the built-in catalogs are parsed in every
   * compile (javac loads Deadbolt afresh each time), and a cold regular expression engine cost
   * several times the rest of the parse.
   */
  public static MethodPattern parse(String text) {
    int hash = text.indexOf('#');
    String type = hash < 0 ? text : text.substring(0, hash);
    if (!isQualifiedName(type)) {
      throw notAPattern(text);
    }
    if (hash < 0) {
      return new MethodPattern(type, "*", OptionalInt.empty());
    }
    int slash = text.indexOf('/', hash);
    String method = text.substring(hash + 1, slash < 0 ? text.length() : slash);
    String name = method.endsWith("*") ? method.substring(0, method.length() - 1) : method;
    if (!method.equals("*") && !isIdentifier(name)) {
      throw notAPattern(text);
    }
    if (slash < 0) {
      return new MethodPattern(type, method, OptionalInt.empty());
    }
    String arity = text.substring(slash + 1);
    if (arity.isEmpty() || arity.length() > 3) {
      throw notAPattern(text);
    }
    for (int i = 0; i < arity.length(); i++) {
      if (arity.charAt(i) < '0' || arity.charAt(i) > '9') {
        throw notAPattern(text);
      }
    }
    return new MethodPattern(type, method, OptionalInt.of(Integer.parseInt(arity)));
  }

  private static IllegalArgumentException notAPattern(String text) {
    return new IllegalArgumentException(
        "'" + text + "' is not a method pattern: expected Type, Type#method, Type#prefix*,"
            + " Type#new or Type#method/arity, with Type fully qualified");
  }

  /** Dot-separated identifiers ({@code java.util.Map}). */
  private static boolean isQualifiedName(String name) {
    int start = 0;
    while (true) {
      int dot = name.indexOf('.', start);
      if (!isIdentifier(dot < 0 ? name.substring(start) : name.substring(start, dot))) {
        return false;
      }
      if (dot < 0) {
        return true;
      }
      start = dot + 1;
    }
  }

  /** An identifier of ASCII letters, digits, {@code _} and {@code $}, not starting with a digit. */
  private static boolean isIdentifier(String name) {
    if (name.isEmpty() || (name.charAt(0) >= '0' && name.charAt(0) <= '9')) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean letterOrDigit =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!letterOrDigit && c != '_' && c != '$') {
        return false;
      }
    }
    return true;
  }

  /** Whether a method of this name and parameter count is one the pattern names. */
  public boolean matchesMethod(String name, int parameterCount) {
    if (arity.isPresent() && arity.getAsInt() != parameterCount) {
      return false;
    }
    if (method.equals("*")) {
      return true;
    }
    if (method.endsWith("*")) {
      return name.startsWith(method.substring(0, method.length() - 1));
    }
    return method.equals(name);
  }

  /** The exact method name this pattern requires, or null for wildcards and prefixes. */
  String exactName() {
    return method.endsWith("*") ? null : method;
  }

  @Override
  public String toString() {
    return type + "#" + method + (arity.isPresent() ? "/" + arity.getAsInt() : "");
  }
}
