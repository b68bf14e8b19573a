package dev.deadbolt.catalog;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  private static final Pattern SYNTAX =
      Pattern.compile(
          "(?<type>[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*)"
              + "(?:#(?<method>[A-Za-z_$][\\w$]*\\*?|\\*)(?:/(?<arity>\\d{1,3}))?)?");

  /** Parses {@code text}, or throws {@link IllegalArgumentException} saying what is expected. */
  public static MethodPattern parse(String text) {
    Matcher m = SYNTAX.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a method pattern: expected Type, Type#method, Type#prefix*,"
              + " Type#new or Type#method/arity, with Type fully qualified");
    }
    String method = m.group("method") == null ? "*" : m.group("method");
    OptionalInt arity =
        m.group("arity") == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(m.group("arity")));
    return new MethodPattern(m.group("type"), method, arity);
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
