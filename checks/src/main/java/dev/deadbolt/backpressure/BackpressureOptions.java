package dev.deadbolt.backpressure;

import com.google.errorprone.ErrorProneFlags;
import dev.deadbolt.config.ConfigProblem;
import dev.deadbolt.config.DeadboltFlags;
import java.util.ArrayList;
import java.util.List;

/**
 * The flags UnboundedQueue and UnboundedExecutor read, parsed once per checker.
 *
 * @param defaultCapacity the capacity the fixes write ({@code -XepOpt:Deadbolt:DefaultQueueCapacity})
 * @param strictExecutors whether deliberate-looking unbounded executors are reported too
 *     ({@code -XepOpt:Deadbolt:StrictExecutorBounds})
 * @param problems malformed values, to be reported as compile errors
 */
public record BackpressureOptions(
    int defaultCapacity, boolean strictExecutors, List<ConfigProblem> problems) {

  /** A burst a typical service can absorb without noticeable memory; a start for tuning, not a rule. */
  public static final int DEFAULT_CAPACITY = 1000;

  /**
   * The largest capacity the flag accepts. Above it an {@code ArrayBlockingQueue}'s eagerly allocated
   * array is itself a memory problem, and Reactor's {@code Queues.get} silently turns unbounded.
   */
  public static final int MAX_CAPACITY = 10_000_000;

  public BackpressureOptions {
    problems = List.copyOf(problems);
  }

  public static BackpressureOptions defaults() {
    return new BackpressureOptions(DEFAULT_CAPACITY, false, List.of());
  }

  public static BackpressureOptions fromFlags(ErrorProneFlags flags) {
    List<ConfigProblem> problems = new ArrayList<>();
    int capacity =
        DeadboltFlags.intInRange(
                flags, DeadboltFlags.DEFAULT_QUEUE_CAPACITY, 1, MAX_CAPACITY, problems)
            .orElse(DEFAULT_CAPACITY);
    boolean strict =
        DeadboltFlags.bool(flags, DeadboltFlags.STRICT_EXECUTOR_BOUNDS, problems).orElse(false);
    return new BackpressureOptions(capacity, strict, problems);
  }
}
