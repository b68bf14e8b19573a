package dev.deadbolt.config;

import com.google.errorprone.ErrorProneFlags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reading {@code -XepOpt:Deadbolt:<Name>=<value>} flags. Every flag Deadbolt understands is named here so
 * a reader finds them in one place; parsing is strict and records a {@link ConfigProblem} rather than
 * falling back to a default.
 */
public final class DeadboltFlags {
  /** Prefix shared by every Deadbolt flag. */
  public static final String PREFIX = "Deadbolt:";

  /** A file of extra blocking methods, in the catalog format (see docs/blocking-catalog.md). */
  public static final String BLOCKING_METHODS = "BlockingMethods";

  /** Extra methods that run the lambdas passed to them before returning ({@code Type#method,...}). */
  public static final String IMMEDIATE_METHODS = "ImmediateMethods";

  /** The oldest JDK the compiled code runs on; decides whether monitors pin virtual threads. */
  public static final String RUNTIME_JDK = "RuntimeJdk";

  /** A directory to write what the compilation observed (lock-acquisition edges, findings) into. */
  public static final String REPORT_DIR = "ReportDir";

  /** Let an internal error in a check fail the compile instead of being contained (for tests). */
  public static final String FAIL_ON_INTERNAL_ERROR = "FailOnInternalError";

  /** Default capacity used by the fixes that bound a queue. */
  public static final String DEFAULT_QUEUE_CAPACITY = "DefaultQueueCapacity";

  /**
   * Whether UnboundedExecutor also reports executors whose unbounded queue or thread count is usually
   * deliberate: scheduled, work-stealing and thread-per-task executors.
   */
  public static final String STRICT_EXECUTOR_BOUNDS = "StrictExecutorBounds";

  private DeadboltFlags() {}

  /**
   * {@code -XepOpt:Deadbolt:ReportDir}, if given: a directory (created when missing) for what the
   * compilation observed. An empty value or an existing file is recorded in {@code problems}.
   */
  public static Optional<Path> reportDir(ErrorProneFlags flags, List<ConfigProblem> problems) {
    Optional<String> value = get(flags, REPORT_DIR);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.get().isEmpty()) {
      problems.add(new ConfigProblem(spelling(REPORT_DIR), "", "no directory named"));
      return Optional.empty();
    }
    Path dir = Paths.get(value.get());
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      problems.add(
          new ConfigProblem(spelling(REPORT_DIR), dir.toString(), "exists and is not a directory"));
      return Optional.empty();
    }
    return Optional.of(dir);
  }

  /** The text of {@code -XepOpt:Deadbolt:<name>} if given. */
  public static Optional<String> get(ErrorProneFlags flags, String name) {
    Optional<String> value = flags.get(PREFIX + name);
    return value.isPresent() ? Optional.of(value.get().trim()) : value;
  }

  /** How a flag is spelled on the command line, for messages. */
  public static String spelling(String name) {
    return "-XepOpt:" + PREFIX + name;
  }

  /**
   * A flag whose value must be {@code true} or {@code false} (any case; a bare {@code -XepOpt:Name}
   * means true); anything else is recorded in {@code problems} and the result is empty.
   */
  public static Optional<Boolean> bool(
      ErrorProneFlags flags, String name, List<ConfigProblem> problems) {
    Optional<String> value = get(flags, name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.get().equalsIgnoreCase("true")) {
      return Optional.of(true);
    }
    if (value.get().equalsIgnoreCase("false")) {
      return Optional.of(false);
    }
    problems.add(
        new ConfigProblem(spelling(name), "", "'" + value.get() + "' is neither true nor false"));
    return Optional.empty();
  }

  /**
   * A flag whose value must be an integer in {@code [min, max]}; a malformed value is recorded in
   * {@code problems} and the result is empty.
   */
  public static OptionalInt intInRange(
      ErrorProneFlags flags, String name, int min, int max, List<ConfigProblem> problems) {
    Optional<String> value = get(flags, name);
    if (value.isEmpty()) {
      return OptionalInt.empty();
    }
    try {
      int parsed = Integer.parseInt(value.get());
      if (parsed < min || parsed > max) {
        problems.add(
            new ConfigProblem(
                spelling(name),
                "",
                "'" + value.get() + "' is outside " + min + ".." + max));
        return OptionalInt.empty();
      }
      return OptionalInt.of(parsed);
    } catch (NumberFormatException e) {
      problems.add(
          new ConfigProblem(spelling(name), "", "'" + value.get() + "' is not a whole number"));
      return OptionalInt.empty();
    }
  }
}
