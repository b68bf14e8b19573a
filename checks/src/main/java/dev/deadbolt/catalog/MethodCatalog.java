package dev.deadbolt.catalog;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.TypeSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A set of {@link CatalogEntry} lines, looked up by the invoked method and the type it is invoked on.
 *
 * <p>Types are compared by name along the receiver's supertypes, so a catalog may name libraries that
 * are not on the class path. Exclusions win over inclusions: {@code ByteArrayOutputStream.write} is
 * not I/O even though {@code OutputStream.write} is.
 */
public final class MethodCatalog {
  private final Map<String, List<CatalogEntry>> byExactName = new HashMap<>();
  private final List<CatalogEntry> wildcards = new ArrayList<>();
  private final ImmutableSet<String> typesWithEntries;
  /** Supertype names per receiver type; types are interned by javac, so identity is right. */
  private final Map<TypeSymbol, ImmutableSet<String>> supertypeNames = new IdentityHashMap<>();

  public MethodCatalog(List<CatalogEntry> entries) {
    ImmutableSet.Builder<String> types = ImmutableSet.builder();
    for (CatalogEntry entry : entries) {
      String exact = entry.pattern().exactName();
      if (exact == null) {
        wildcards.add(entry);
      } else {
        byExactName.computeIfAbsent(exact, k -> new ArrayList<>()).add(entry);
      }
      types.add(entry.pattern().type());
    }
    typesWithEntries = types.build();
  }

  /**
   * The entry that names {@code method} invoked on a {@code receiver}, unless an exclusion removes it.
   * Constructors are looked up under the name {@code new}.
   */
  public Optional<CatalogEntry> lookup(MethodSymbol method, @Nullable Type receiver, Types types) {
    String name =
        method.isConstructor() ? MethodPattern.CONSTRUCTOR : method.getSimpleName().toString();
    List<CatalogEntry> named = byExactName.getOrDefault(name, List.of());
    if (named.isEmpty() && wildcards.isEmpty()) {
      return Optional.empty();
    }
    TypeSymbol receiverType =
        receiver != null && receiver.tsym != null ? receiver.tsym : method.owner.type.tsym;
    ImmutableSet<String> supertypes = supertypeNames(receiverType, types);
    int arity = method.getParameters().size();
    CatalogEntry found = null;
    for (List<CatalogEntry> group : ImmutableList.of(named, wildcards)) {
      for (CatalogEntry entry : group) {
        if (supertypes.contains(entry.pattern().type())
            && entry.pattern().matchesMethod(name, arity)) {
          if (entry.excluded()) {
            return Optional.empty();
          }
          if (found == null) {
            found = entry;
          }
        }
      }
    }
    return Optional.ofNullable(found);
  }

  private ImmutableSet<String> supertypeNames(TypeSymbol type, Types types) {
    ImmutableSet<String> cached = supertypeNames.get(type);
    if (cached != null) {
      return cached;
    }
    ImmutableSet.Builder<String> names = ImmutableSet.builder();
    for (Type t : types.closure(types.erasure(type.type))) {
      if (t.tsym instanceof ClassSymbol cls) {
        String qualified = cls.getQualifiedName().toString();
        if (typesWithEntries.contains(qualified)) {
          names.add(qualified);
        }
      }
    }
    ImmutableSet<String> result = names.build();
    supertypeNames.put(type, result);
    return result;
  }
}
