package dev.deadbolt.backpressure;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import java.util.Optional;

/** Reading and writing the capacity argument of a buffer's constructor or factory. */
public final class CapacityArguments {
  private CapacityArguments() {}

  /**
   * Whether the argument is a constant of at least {@code Integer.MAX_VALUE}, however spelled
   * ({@code Integer.MAX_VALUE}, {@code 0x7fffffff}, a {@code static final} alias, {@code
   * Long.MAX_VALUE}): no buffer ever holds that many elements, so it is no bound. A non-constant
   * capacity is trusted.
   */
  public static boolean isNoBound(ExpressionTree capacity) {
    return ASTHelpers.constValue(capacity) instanceof Number number
        && !(number instanceof Float || number instanceof Double)
        && number.longValue() >= Integer.MAX_VALUE;
  }

  /**
   * Writes {@code capacity} as the only argument of a call written with none, e.g. {@code new
   * LinkedBlockingQueue<>()}. Empty when the source does not end in {@code )} (an anonymous class
   * body), where inserting would be a guess.
   */
  public static Optional<SuggestedFix> fillEmptyArguments(
      ExpressionTree call, String capacity, VisitorState state) {
    int end = state.getEndPosition(call);
    CharSequence source = state.getSourceCode();
    if (end <= 0 || source == null || source.charAt(end - 1) != ')') {
      return Optional.empty();
    }
    return Optional.of(SuggestedFix.replace(end - 1, end - 1, capacity));
  }
}
