package dev.deadbolt.contexts;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import dev.deadbolt.catalog.CatalogEntry;
import dev.deadbolt.catalog.MethodCatalog;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Methods a framework calls on an event loop ({@code event-loop-callbacks.txt}): a method that overrides
 * one of them, such as a Netty handler's {@code channelRead}, runs there.
 */
final class EventLoopCallbacks {
  /** Netty's root handler type: every type the catalog names is Netty's, so without it none is here. */
  private static final String NETTY_HANDLER = "io.netty.channel.ChannelHandler";

  private final Supplier<List<CatalogEntry>> entries;
  /** Read on the first method of a compilation that has Netty on its class path; empty without. */
  private @Nullable Optional<MethodCatalog> callbacks;

  EventLoopCallbacks(Supplier<List<CatalogEntry>> entries) {
    this.entries = entries;
  }

  /** What kind of callback {@code method} is, as the catalog words it, if it overrides one. */
  Optional<String> callbackKind(MethodSymbol method, VisitorState state) {
    if (method.isStatic() || method.isConstructor()) {
      return Optional.empty();
    }
    if (callbacks == null) {
      callbacks =
          state.getTypeFromString(NETTY_HANDLER) == null
              ? Optional.empty()
              : Optional.of(new MethodCatalog(entries.get()));
    }
    if (callbacks.isEmpty()) {
      return Optional.empty();
    }
    MethodCatalog catalog = callbacks.get();
    // By name and class first: cheap, and false for nearly every method.
    if (catalog.lookup(method, method.owner.type, state.getTypes()).isEmpty()) {
      return Optional.empty();
    }
    for (MethodSymbol overridden : ASTHelpers.findSuperMethods(method, state.getTypes())) {
      Optional<CatalogEntry> entry =
          catalog.lookup(overridden, overridden.owner.type, state.getTypes());
      if (entry.isPresent()) {
        return Optional.of(entry.get().reason());
      }
    }
    return Optional.empty();
  }
}
