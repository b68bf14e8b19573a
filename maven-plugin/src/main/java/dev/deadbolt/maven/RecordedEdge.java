package dev.deadbolt.maven;

import java.nio.file.Path;

/**
 * One lock-acquisition edge a compilation recorded (format "deadbolt-lock-edges"): {@code acquired} was
 * taken while {@code held} was held, first seen at {@code source:line} in {@code method}; or, if {@code
 * declared}, a declared lock order puts {@code held} before {@code acquired} (its {@code method} is the
 * annotation, {@code @LockOrder}), which is drawn but never makes a cycle.
 *
 * @param compilation the report file that recorded it: one per compilation
 * @param module the module whose report directory holds that file
 */
public record RecordedEdge(
    String held,
    String acquired,
    Path source,
    int line,
    String method,
    Path compilation,
    String module,
    boolean declared) {

  /** An observed acquisition. */
  public RecordedEdge(
      String held, String acquired, Path source, int line, String method, Path compilation, String module) {
    this(held, acquired, source, line, method, compilation, module, false);
  }
}
