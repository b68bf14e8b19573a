package dev.deadbolt.backpressure;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import java.util.Optional;

/**
 * A construction that makes a buffer with no capacity bound.
 *
 * @param subject how a finding names the buffer mid-sentence, e.g. {@code "a LinkedBlockingQueue with
 *     no capacity"}
 * @param bounding how to give it a capacity; {@link Bounding#NONE} where no bounded form of the same
 *     construction exists
 */
public record UnboundedBuffer(String subject, Bounding bounding) {

  /** Rewrites the construction to hold at most {@code capacity} elements. */
  @FunctionalInterface
  public interface Bounding {
    Bounding NONE = (capacity, state) -> Optional.empty();

    Optional<SuggestedFix> withCapacity(int capacity, VisitorState state);
  }

  /** The subject as the start of a sentence. */
  public String sentenceSubject() {
    return Character.toUpperCase(subject.charAt(0)) + subject.substring(1);
  }

  public Optional<SuggestedFix> fix(int capacity, VisitorState state) {
    return bounding.withCapacity(capacity, state);
  }
}
