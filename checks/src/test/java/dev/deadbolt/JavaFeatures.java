package dev.deadbolt;

import static org.junit.Assume.assumeTrue;

/**
 * For the tests whose input needs a newer Java than some runs have: the suite also runs on JDK 17 with
 * Error Prone 2.42.0 (compat/ep-2.42), where Java 21 syntax and APIs do not compile.
 */
public final class JavaFeatures {
  private JavaFeatures() {}

  /** Skips the calling test unless the JDK running it is at least {@code feature}. */
  public static void assumeJdk(int feature) {
    assumeTrue(
        "needs JDK " + feature + "+ to compile its input", Runtime.version().feature() >= feature);
  }
}
