package dev.deadbolt.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * One {@code Type#method/arity} pattern of a catalog line.
 *
 * <ul>
 *   <li>{@code Type} is a fully qualified class or interface; it matches that type and every subtype.
 *   <li>{@code method} is a name, a prefix ending in {@code *}, {@code *} for every method, {@code
 *       new} for constructors, or {@code {members}} for the methods {@code Type} has itself (declared
 *       or inherited, but not {@code Object}'s) and their overrides, not the methods a subtype adds.
 *       Without {@code #method} the pattern covers every method of the type.
 *   <li>{@code /arity}, optional, restricts to that number of parameters; {@code (T1,T2)} instead
 *       restricts to those erased parameter types ({@code java.lang.String}, {@code int}).
 *   <li>{@code :ReturnType}, optional, restricts to methods whose erased return type is {@code
 *       ReturnType} or a subtype of it (an exclusion of whatever returns a {@code CompletionStage}).
 * </ul>
 *
 * @param type the fully qualified type name
 * @param method the method name or pattern ({@code *} when absent)
 * @param arity the number of parameters, or empty for any
 * @param parameterTypes the erased parameter types, fully qualified, or null for any
 * @param returnType the fully qualified return type the method's must be or extend, or null for any
 */
public record MethodPattern(
    String type,
    String method,
    OptionalInt arity,
    @Nullable List<String> parameterTypes,
    @Nullable String returnType) {
  /** The name a constructor has in a pattern. */
  public static final String CONSTRUCTOR = "new";

  /** The method part that means the type's own methods and their overrides. */
  public static final String MEMBERS = "{members}";

  /** A pattern with no parameter types and no return type. */
  public MethodPattern(String type, String method, OptionalInt arity) {
    this(type, method, arity, null, null);
  }

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
    // After the name: an optional /arity or (types), then an optional :ReturnType. Found with
    // String.indexOf, which the JDK has compiled by now, rather than a loop of our own run cold.
    int colon = text.indexOf(':', hash);
    int end = colon < 0 ? text.length() : colon;
    String returnType = colon < 0 ? null : text.substring(colon + 1);
    if (returnType != null && !isQualifiedName(returnType)) {
      throw notAPattern(text);
    }
    int nameEnd = end;
    int slash = text.indexOf('/', hash);
    if (slash >= 0 && slash < nameEnd) {
      nameEnd = slash;
    }
    int paren = text.indexOf('(', hash);
    if (paren >= 0 && paren < nameEnd) {
      nameEnd = paren;
    }
    String method = text.substring(hash + 1, nameEnd);
    if (!isMethodPart(method)) {
      throw notAPattern(text);
    }
    String restriction = text.substring(nameEnd, end);
    if (restriction.isEmpty()) {
      return new MethodPattern(type, method, OptionalInt.empty(), null, returnType);
    }
    if (restriction.charAt(0) == '(') {
      List<String> parameters = parameterTypes(restriction);
      if (parameters == null) {
        throw notAPattern(text);
      }
      return new MethodPattern(
          type, method, OptionalInt.of(parameters.size()), List.copyOf(parameters), returnType);
    }
    String arity = restriction.substring(1);
    if (arity.isEmpty() || arity.length() > 3) {
      throw notAPattern(text);
    }
    for (int i = 0; i < arity.length(); i++) {
      if (arity.charAt(i) < '0' || arity.charAt(i) > '9') {
        throw notAPattern(text);
      }
    }
    return new MethodPattern(
        type, method, OptionalInt.of(Integer.parseInt(arity)), null, returnType);
  }

  private static boolean isMethodPart(String method) {
    if (method.equals("*") || method.equals(MEMBERS)) {
      return true;
    }
    return isIdentifier(method.endsWith("*") ? method.substring(0, method.length() - 1) : method);
  }

  /** The types of {@code (a.B,int)}, or null when it is not such a list. */
  private static @Nullable List<String> parameterTypes(String list) {
    if (!list.endsWith(")")) {
      return null;
    }
    List<String> types = new ArrayList<>();
    String inside = list.substring(1, list.length() - 1);
    if (inside.isEmpty()) {
      return types;
    }
    int start = 0;
    while (true) {
      int comma = inside.indexOf(',', start);
      String parameter = comma < 0 ? inside.substring(start) : inside.substring(start, comma);
      if (!isQualifiedName(parameter)) {
        return null;
      }
      types.add(parameter);
      if (comma < 0) {
        return types;
      }
      start = comma + 1;
    }
  }

  private static IllegalArgumentException notAPattern(String text) {
    return new IllegalArgumentException(
        "'" + text + "' is not a method pattern: expected Type, Type#method, Type#prefix*,"
            + " Type#{members}, Type#new, Type#method/arity or Type#method(ParamType,...),"
            + " optionally ending in :ReturnType, with every type fully qualified");
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

  /**
   * Whether a method of this name and parameter count is one the pattern names, as far as the name
   * tells: parameter types, the return type and {@code {members}} are for the catalog to check.
   */
  public boolean matchesMethod(String name, int parameterCount) {
    if (arity.isPresent() && arity.getAsInt() != parameterCount) {
      return false;
    }
    if (method.equals("*") || method.equals(MEMBERS)) {
      return true;
    }
    if (method.endsWith("*")) {
      return name.startsWith(method.substring(0, method.length() - 1));
    }
    return method.equals(name);
  }

  /** Whether the pattern names only the type's own methods and their overrides. */
  public boolean membersOnly() {
    return method.equals(MEMBERS);
  }

  /** The exact method name this pattern requires, or null for wildcards and prefixes. */
  @Nullable
  String exactName() {
    return method.endsWith("*") || method.equals(MEMBERS) ? null : method;
  }

  @Override
  public String toString() {
    String signature;
    if (parameterTypes != null) {
      signature = "(" + String.join(",", parameterTypes) + ")";
    } else {
      signature = arity.isPresent() ? "/" + arity.getAsInt() : "";
    }
    return type + "#" + method + signature + (returnType != null ? ":" + returnType : "");
  }
}
