package dev.deadbolt.analysis;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import dev.deadbolt.catalog.CatalogEntry;
import dev.deadbolt.catalog.MethodCatalog;
import java.util.List;
import java.util.Optional;

/**
 * Methods a framework calls on an event loop ({@code event-loop-callbacks.txt}): a method that overrides
 * one of them, such as a Netty handler's {@code channelRead}, runs there.
 */
final class EventLoopCallbacks {
  private final MethodCatalog callbacks;

  EventLoopCallbacks(List<CatalogEntry> callbacks) {
    this.callbacks = new MethodCatalog(callbacks);
  }

  /** What kind of callback {@code method} is, as the catalog words it, if it overrides one. */
  Optional<String> callbackKind(MethodSymbol method, VisitorState state) {
    if (method.isStatic() || method.isConstructor()) {
      return Optional.empty();
    }
    // By name and class first: cheap, and false for nearly every method.
    if (callbacks.lookup(method, method.owner.type, state.getTypes()).isEmpty()) {
      return Optional.empty();
    }
    for (MethodSymbol overridden : ASTHelpers.findSuperMethods(method, state.getTypes())) {
      Optional<CatalogEntry> entry =
          callbacks.lookup(overridden, overridden.owner.type, state.getTypes());
      if (entry.isPresent()) {
        return Optional.of(entry.get().reason());
      }
    }
    return Optional.empty();
  }
}
