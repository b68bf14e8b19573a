package dev.deadbolt.summaries;

import com.google.common.collect.ImmutableMap;
import dev.deadbolt.blocking.BlockingCause;
import dev.deadbolt.hierarchy.LockNode;
import dev.deadbolt.locks.AcquiredLock;
import java.util.Optional;

/**
 * What running one method can do, as a summaries file carries it between compilations: the likeliest
 * way it blocks whatever its arguments, how it parks on a {@code java.util.concurrent} lock, and the
 * locks it waits for. A cause read from a file has an empty {@code via}: the chain inside the other
 * compilation is already rendered into its {@code leaf} ({@code Http.get() -> Socket.connect()}).
 */
public record ModuleEffects(
    Optional<BlockingCause> blocks,
    Optional<BlockingCause> parks,
    ImmutableMap<LockNode, AcquiredLock> acquires) {

  public boolean isEmpty() {
    return blocks.isEmpty() && parks.isEmpty() && acquires.isEmpty();
  }
}
