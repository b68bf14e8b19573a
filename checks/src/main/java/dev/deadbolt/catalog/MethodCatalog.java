package dev.deadbolt.catalog;

import com.google.common.collect.ImmutableSet;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.TypeSymbol;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A set of {@link CatalogEntry} lines, looked up by the invoked method and the type it is invoked on.
 *
 * <p>Types are compared by name along the receiver's supertypes, so a catalog may name libraries that
 * are not on the class path. Exclusions win over inclusions: {@code ByteArrayOutputStream.write} is
 * not I/O even though {@code OutputStream.write} is.
 */
public final class MethodCatalog {
  private static final String OBJECT = "java.lang.Object";

  /** The entries of each type, in file order: a receiver's catalog supertypes index them directly. */
  private final Map<String, List<CatalogEntry>> byType = new HashMap<>();
  private final Map<CatalogEntry, Integer> order = new IdentityHashMap<>();
  /** Supertype names per receiver type; types are interned by javac, so identity is right. */
  private final Map<TypeSymbol, ImmutableSet<String>> supertypeNames = new IdentityHashMap<>();

  /** Every exact method name the entries name; with the prefixes, a test that needs no types. */
  private final Set<String> exactNames = new HashSet<>();
  private final List<String> namePrefixes = new ArrayList<>();
  private boolean anyName;

  public MethodCatalog(List<CatalogEntry> entries) {
    for (CatalogEntry entry : entries) {
      List<CatalogEntry> ofType = byType.get(entry.pattern().type());
      if (ofType == null) {
        ofType = new ArrayList<>();
        byType.put(entry.pattern().type(), ofType);
      }
      ofType.add(entry);
      order.put(entry, order.size());
      String method = entry.pattern().method();
      if (entry.pattern().exactName() != null) {
        exactNames.add(method);
      } else if (method.equals("*") || entry.pattern().membersOnly()) {
        anyName = true;
      } else {
        namePrefixes.add(method.substring(0, method.length() - 1));
      }
    }
  }

  /** Whether some entry could name a method called {@code name}, whatever its type. */
  private boolean mayName(String name) {
    if (anyName || exactNames.contains(name)) {
      return true;
    }
    for (String prefix : namePrefixes) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The entry that names {@code method} invoked on a {@code receiver}, unless an exclusion removes it;
   * when several name it, the first in file order. Constructors are looked up under the name {@code
   * new}. Cheap for the common receiver (a String, a List): no catalog type among its supertypes.
   */
  public Optional<CatalogEntry> lookup(MethodSymbol method, @Nullable Type receiver, Types types) {
    String name =
        method.isConstructor() ? MethodPattern.CONSTRUCTOR : method.getSimpleName().toString();
    if (!mayName(name)) {
      return Optional.empty(); // by name first: no supertype walk for the usual call
    }
    TypeSymbol receiverType =
        receiver != null && receiver.tsym != null ? receiver.tsym : method.owner.type.tsym;
    ImmutableSet<String> supertypes = supertypeNames(receiverType, types);
    if (supertypes.isEmpty()) {
      return Optional.empty();
    }
    int arity = method.getParameters().size();
    CatalogEntry found = null;
    for (String type : supertypes) {
      Boolean isTypesMethod = null;
      for (CatalogEntry entry : byType.get(type)) {
        if (entry.pattern().matchesMethod(name, arity)) {
          if (isTypesMethod == null) {
            isTypesMethod = isMethodOf(method, type);
          }
          if (!isTypesMethod || !matchesSignature(entry.pattern(), method, receiverType, types)) {
            continue;
          }
          if (entry.excluded()) {
            return Optional.empty();
          }
          if (found == null || order.get(entry) < order.get(found)) {
            found = entry;
          }
        }
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * Whether {@code method} can be one of {@code typeName}'s methods by its name: declared there, a
   * constructor, or an instance method of a subtype (which a catalog line covers: {@code
   * PreparedStatement.executeQuery()} is one of {@code Statement#execute*}). A static method of another
   * class, and any method of a class but {@code Object} itself for an {@code Object} line (every class
   * is its subtype), only shares the name: a project's {@code wait(Object, Duration)} helper is not
   * {@code Object.wait}; and {@code Object}'s own methods ({@code toString}, {@code hashCode}) are
   * never another type's, though that type's line names every method.
   */
  private static boolean isMethodOf(MethodSymbol method, String typeName) {
    boolean declaredThere = method.owner.getQualifiedName().contentEquals(typeName);
    if (declaredThere || method.isConstructor()) {
      return true;
    }
    return !method.isStatic()
        && !typeName.equals(OBJECT)
        && !method.owner.getQualifiedName().contentEquals(OBJECT);
  }

  /**
   * The parts of a pattern that the method's name and arity do not tell: its parameter types, its
   * return type, and for {@code {members}} whether it is one of the named type's own methods. Asked
   * only of a call whose name and receiver type already match a line.
   */
  private static boolean matchesSignature(
      MethodPattern pattern, MethodSymbol method, TypeSymbol receiverType, Types types) {
    List<String> parameterTypes = pattern.parameterTypes();
    if (parameterTypes != null) {
      com.sun.tools.javac.util.List<Symbol.VarSymbol> parameters = method.getParameters();
      int i = 0;
      for (Symbol.VarSymbol parameter : parameters) {
        Type erased = types.erasure(parameter.type);
        if (!erased.tsym.getQualifiedName().contentEquals(parameterTypes.get(i++))) {
          return false;
        }
      }
    }
    String returnType = pattern.returnType();
    if (returnType != null
        && (method.isConstructor()
            || namedSupertype(types.erasure(method.getReturnType()).tsym, returnType, types)
                == null)) {
      return false;
    }
    return !pattern.membersOnly() || isMemberOf(method, pattern.type(), receiverType, types);
  }

  /**
   * Whether {@code method} is one of {@code typeName}'s own methods, declared there or inherited from
   * its supertypes other than {@code Object}, or overrides one: {@code JdbcTemplate.query} is one of
   * {@code JdbcOperations}'s, {@code JdbcTemplate.setFetchSize} is not.
   */
  private static boolean isMemberOf(
      MethodSymbol method, String typeName, TypeSymbol receiverType, Types types) {
    TypeSymbol named = namedSupertype(receiverType, typeName, types);
    if (named == null || method.isStatic() || method.isConstructor()) {
      return false;
    }
    if (method.owner.getQualifiedName().contentEquals(OBJECT)) {
      return false;
    }
    if (named.isSubClass(method.owner, types)) {
      return true;
    }
    for (Type supertype : types.closure(named.type)) {
      if (supertype.tsym.getQualifiedName().contentEquals(OBJECT)) {
        continue;
      }
      for (Symbol member : supertype.tsym.members().getSymbolsByName(method.name)) {
        if (member instanceof MethodSymbol declared
            && method.overrides(declared, (TypeSymbol) method.owner, types, true)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The type named {@code typeName} among {@code type} and its supertypes, or null. */
  private static @Nullable TypeSymbol namedSupertype(TypeSymbol type, String typeName, Types types) {
    if (type == null || type.type == null) {
      return null;
    }
    // A type variable or an array is looked at through its erasure; a primitive has no supertypes.
    TypeSymbol erased = types.erasure(type.type).tsym;
    if (!(erased instanceof ClassSymbol)) {
      return erased != null && erased.getQualifiedName().contentEquals(typeName) ? erased : null;
    }
    for (Type supertype : types.closure(erased.type)) {
      if (supertype.tsym.getQualifiedName().contentEquals(typeName)) {
        return supertype.tsym;
      }
    }
    return null;
  }

  /**
   * The catalog's types among {@code type} and its supertypes. Each class's set is made once, from its
   * own name and its direct supertypes' sets: a type's closure, sorted as javac makes it, costs more,
   * and a compilation's receiver types share most of their supertypes.
   */
  private ImmutableSet<String> supertypeNames(TypeSymbol type, Types types) {
    ImmutableSet<String> cached = supertypeNames.get(type);
    if (cached != null) {
      return cached;
    }
    // A type variable or an array: its erasure's class (`T extends Lock` is a Lock).
    TypeSymbol erased = types.erasure(type.type).tsym;
    if (erased != type && erased != null) {
      ImmutableSet<String> result = supertypeNames(erased, types);
      supertypeNames.put(type, result);
      return result;
    }
    if (!(type instanceof ClassSymbol cls)) {
      supertypeNames.put(type, ImmutableSet.of());
      return ImmutableSet.of();
    }
    supertypeNames.put(type, ImmutableSet.of()); // (a cyclic hierarchy, in code javac rejected, ends here)
    Set<String> names = new LinkedHashSet<>();
    String qualified = cls.getQualifiedName().toString();
    if (byType.containsKey(qualified)) {
      names.add(qualified);
    }
    Type superclass = types.supertype(cls.type);
    if (superclass != null && superclass.tsym != null) {
      names.addAll(supertypeNames(superclass.tsym, types));
    }
    for (Type parent : types.interfaces(cls.type)) {
      if (parent.tsym != null) {
        names.addAll(supertypeNames(parent.tsym, types));
      }
    }
    ImmutableSet<String> result = ImmutableSet.copyOf(names);
    supertypeNames.put(type, result);
    return result;
  }
}
