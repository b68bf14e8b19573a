package dev.deadbolt.analysis;

import com.google.common.collect.ImmutableList;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Why a call blocks: the chain of methods of this compilation it goes through, the call at the end
 * that blocks, and why that one blocks.
 *
 * @param via the methods of this compilation between the call and the blocking one, outermost first;
 *     empty when the call itself blocks
 * @param leaf the blocking call at the end, as {@code Type.method()}
 * @param reason why it blocks, from the catalog or a {@code @Blocking} annotation
 * @param releasesWhileWaiting the lock a {@code wait()} or {@code await()} at the end gives up while it
 *     waits, if any: holding only that lock around the call is the correct idiom, not a bug
 */
public record BlockingCause(
    ImmutableList<MethodSymbol> via,
    String leaf,
    String reason,
    Optional<LockId> releasesWhileWaiting) {

  /** The same cause reached through one more method of this compilation. */
  BlockingCause through(MethodSymbol method) {
    return new BlockingCause(
        ImmutableList.<MethodSymbol>builder().add(method).addAll(via).build(),
        leaf,
        reason,
        releasesWhileWaiting);
  }

  /**
   * For a message: {@code `TimeUnit.sleep()` sleeps the thread}, or through a chain {@code `refresh()
   * -> backoff() -> TimeUnit.sleep()` sleeps the thread}; methods of {@code context} read without their
   * class name.
   */
  public String describe(@Nullable ClassSymbol context) {
    if (via.isEmpty()) {
      return "`" + leaf + "` " + reason;
    }
    StringBuilder chain = new StringBuilder("`");
    for (MethodSymbol method : via) {
      chain.append(name(method, context)).append(" -> ");
    }
    return chain.append(leaf).append("` ").append(reason).toString();
  }

  /** {@code method()}, or {@code Owner.method()} when it is not a member of {@code context}. */
  static String name(MethodSymbol method, @Nullable ClassSymbol context) {
    String simple =
        method.isConstructor()
            ? "new " + method.owner.getSimpleName()
            : method.getSimpleName().toString();
    if (method.isConstructor() || method.owner == context) {
      return simple + "()";
    }
    return ownerName(method.owner) + "." + simple + "()";
  }

  /** {@code Reader}, or for an anonymous class what it extends: {@code (anonymous Runnable)}. */
  private static String ownerName(Symbol owner) {
    if (!owner.getSimpleName().isEmpty()) {
      return owner.getSimpleName().toString();
    }
    ClassSymbol anonymous = (ClassSymbol) owner;
    Symbol named =
        !anonymous.getInterfaces().isEmpty()
            ? anonymous.getInterfaces().get(0).tsym
            : anonymous.getSuperclass().tsym;
    return "(anonymous " + (named == null ? "class" : named.getSimpleName()) + ")";
  }
}
