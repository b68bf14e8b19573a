package dev.deadbolt.interrupts;

/**
 * What the handler analysis knows on the paths reaching one point: the set of (status restored?,
 * caught exception may be an InterruptedException?) pairs, one bit per pair. Four pairs keep the
 * analysis exact about these two facts without merging paths that differ in them.
 */
final class PathFacts {
  private static final int RESTORED = 1;
  private static final int MAY_BE_INTERRUPT = 2;

  static final PathFacts NONE = new PathFacts(0);

  private final int pairs;

  private PathFacts(int pairs) {
    this.pairs = pairs;
  }

  /** On entry to a handler: not restored, and the exception may be an interrupt. */
  static PathFacts entry() {
    return new PathFacts(1 << MAY_BE_INTERRUPT);
  }

  boolean isEmpty() {
    return pairs == 0;
  }

  PathFacts join(PathFacts other) {
    return new PathFacts(pairs | other.pairs);
  }

  /** After {@code Thread.currentThread().interrupt()}. */
  PathFacts restore() {
    return map(pair -> pair | RESTORED);
  }

  /** After {@code Thread.interrupted()}: whatever was restored is cleared again. */
  PathFacts clear() {
    return map(pair -> pair & ~RESTORED);
  }

  /** On a branch where the caught exception is known not to be an InterruptedException. */
  PathFacts notInterrupt() {
    return map(pair -> pair & ~MAY_BE_INTERRUPT);
  }

  /** Whether some path carries an interrupt whose status is not restored. */
  boolean losesInterrupt() {
    for (int pair = 0; pair < 4; pair++) {
      if ((pairs & (1 << pair)) != 0 && (pair & MAY_BE_INTERRUPT) != 0 && (pair & RESTORED) == 0) {
        return true;
      }
    }
    return false;
  }

  private PathFacts map(java.util.function.IntUnaryOperator f) {
    int result = 0;
    for (int pair = 0; pair < 4; pair++) {
      if ((pairs & (1 << pair)) != 0) {
        result |= 1 << f.applyAsInt(pair);
      }
    }
    return new PathFacts(result);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PathFacts other && other.pairs == pairs;
  }

  @Override
  public int hashCode() {
    return pairs;
  }

  @Override
  public String toString() {
    return "PathFacts{" + Integer.toBinaryString(pairs) + "}";
  }
}
