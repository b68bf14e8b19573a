package dev.deadbolt.analysis;

import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import java.util.Optional;

/**
 * What a method call does to the locks: acquire, try to acquire, or release. The vocabulary of the
 * {@code java.util.concurrent.locks} API lives here and nowhere else.
 *
 * @param effect what the call does
 * @param locks the locks affected (two for {@code StampedLock.unlock(stamp)}, which releases either side)
 */
public record LockOperation(Effect effect, ImmutableList<LockId> locks) {

  /** The effect of a call on the set of held locks. */
  public enum Effect {
    /** {@code lock()}, {@code lockInterruptibly()}, {@code StampedLock.writeLock()}...: waits until held. */
    ACQUIRE,
    /** {@code tryLock()}: held only where it returned true; never waits. */
    TRY_ACQUIRE,
    /** {@code tryLock(time, unit)}: held only where it returned true; may wait for the timeout. */
    TRY_ACQUIRE_TIMED,
    /** {@code unlock()}, {@code unlockWrite(stamp)}...: no longer held. */
    RELEASE,
  }

  private static final String LOCK = "java.util.concurrent.locks.Lock";
  private static final String STAMPED = "java.util.concurrent.locks.StampedLock";

  /** Names of every method below: a cheap filter before the type-checking matchers run. */
  public static final ImmutableSet<String> METHOD_NAMES =
      ImmutableSet.of(
          "lock",
          "lockInterruptibly",
          "tryLock",
          "unlock",
          "writeLock",
          "readLock",
          "writeLockInterruptibly",
          "readLockInterruptibly",
          "unlockWrite",
          "unlockRead");

  private static final Matcher<ExpressionTree> LOCK_ACQUIRE =
      instanceMethod().onDescendantOf(LOCK).namedAnyOf("lock", "lockInterruptibly");
  private static final Matcher<ExpressionTree> LOCK_TRY =
      instanceMethod().onDescendantOf(LOCK).named("tryLock").withNoParameters();
  private static final Matcher<ExpressionTree> LOCK_TRY_TIMED =
      instanceMethod()
          .onDescendantOf(LOCK)
          .named("tryLock")
          .withParameters("long", "java.util.concurrent.TimeUnit");
  private static final Matcher<ExpressionTree> LOCK_RELEASE =
      instanceMethod().onDescendantOf(LOCK).named("unlock");
  private static final Matcher<ExpressionTree> STAMPED_WRITE =
      instanceMethod().onExactClass(STAMPED).namedAnyOf("writeLock", "writeLockInterruptibly");
  private static final Matcher<ExpressionTree> STAMPED_READ =
      instanceMethod().onExactClass(STAMPED).namedAnyOf("readLock", "readLockInterruptibly");
  private static final Matcher<ExpressionTree> STAMPED_UNLOCK_WRITE =
      instanceMethod().onExactClass(STAMPED).named("unlockWrite");
  private static final Matcher<ExpressionTree> STAMPED_UNLOCK_READ =
      instanceMethod().onExactClass(STAMPED).named("unlockRead");
  private static final Matcher<ExpressionTree> STAMPED_UNLOCK =
      instanceMethod().onExactClass(STAMPED).named("unlock");

  /** Whether the operation makes the thread wait for the lock (what parks a virtual thread). */
  public boolean mayWait() {
    return effect == Effect.ACQUIRE || effect == Effect.TRY_ACQUIRE_TIMED;
  }

  /** Whether a call could be a lock operation at all, judged by its name alone. */
  public static boolean mightBeLockOperation(MethodInvocationTree call) {
    return METHOD_NAMES.contains(Calls.methodName(call));
  }

  /** The lock operation a call performs, if any. */
  public static Optional<LockOperation> of(
      MethodInvocationTree call, LockResolver resolver, VisitorState state) {
    if (!mightBeLockOperation(call)) {
      return Optional.empty();
    }
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    if (receiver == null) {
      return Optional.empty(); // an implicit-this call inside a Lock implementation
    }
    if (!LockTypes.isLockOrStamped(ASTHelpers.getType(receiver), state)) {
      return Optional.empty(); // one cached subtype test instead of ten method matchers
    }
    if (LOCK_ACQUIRE.matches(call, state)) {
      return op(Effect.ACQUIRE, resolver.lock(receiver));
    }
    if (LOCK_TRY.matches(call, state)) {
      return op(Effect.TRY_ACQUIRE, resolver.lock(receiver));
    }
    if (LOCK_TRY_TIMED.matches(call, state)) {
      return op(Effect.TRY_ACQUIRE_TIMED, resolver.lock(receiver));
    }
    if (LOCK_RELEASE.matches(call, state)) {
      return op(Effect.RELEASE, resolver.lock(receiver));
    }
    if (STAMPED_WRITE.matches(call, state)) {
      return op(Effect.ACQUIRE, resolver.side(receiver, LockId.Kind.WRITE));
    }
    if (STAMPED_READ.matches(call, state)) {
      return op(Effect.ACQUIRE, resolver.side(receiver, LockId.Kind.READ));
    }
    if (STAMPED_UNLOCK_WRITE.matches(call, state)) {
      return op(Effect.RELEASE, resolver.side(receiver, LockId.Kind.WRITE));
    }
    if (STAMPED_UNLOCK_READ.matches(call, state)) {
      return op(Effect.RELEASE, resolver.side(receiver, LockId.Kind.READ));
    }
    if (STAMPED_UNLOCK.matches(call, state)) {
      return Optional.of(
          new LockOperation(
              Effect.RELEASE,
              ImmutableList.of(
                  resolver.side(receiver, LockId.Kind.WRITE),
                  resolver.side(receiver, LockId.Kind.READ))));
    }
    return Optional.empty();
  }

  private static Optional<LockOperation> op(Effect effect, LockId lock) {
    return Optional.of(new LockOperation(effect, ImmutableList.of(lock)));
  }

  /** Convenience for callers that only care about the single lock of a non-stamped operation. */
  public LockId lock() {
    return locks.get(0);
  }
}
