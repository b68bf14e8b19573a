package dev.deadbolt.locks;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.deadbolt.javac.Calls;
import java.util.List;
import java.util.Optional;
import javax.lang.model.type.TypeKind;
import org.jspecify.annotations.Nullable;

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
    RELEASE;

    /** Whether the thread may wait for the lock here (what parks a virtual thread). */
    public boolean mayWait() {
      return this == ACQUIRE || this == TRY_ACQUIRE_TIMED;
    }
  }

  /** Names of every method below: a cheap filter before any type is consulted. */
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

  /** Which locks of the receiver an operation affects. */
  private enum Side {
    /** The {@code Lock} itself. */
    WHOLE,
    /** A {@code StampedLock}'s write side. */
    WRITE,
    /** A {@code StampedLock}'s read side. */
    READ,
    /** Either side of a {@code StampedLock}: {@code unlock(stamp)}. */
    EITHER,
  }

  /** What a call does, before the lock it does it to is resolved. */
  private record Shape(Effect effect, Side side) {}

  /** Whether the operation makes the thread wait for the lock (what parks a virtual thread). */
  public boolean mayWait() {
    return effect.mayWait();
  }

  /** Whether a call could be a lock operation at all, judged by its name alone. */
  public static boolean mightBeLockOperation(MethodInvocationTree call) {
    return METHOD_NAMES.contains(Calls.methodName(call));
  }

  /** The lock operation a call performs, if any. */
  public static Optional<LockOperation> of(
      MethodInvocationTree call, LockResolver resolver, VisitorState state) {
    Shape shape = shape(call, state);
    if (shape == null) {
      return Optional.empty();
    }
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    if (receiver == null) {
      // An inherited lock method called without a receiver: the lock is this object.
      ObjectRef self = resolver.receiver(call);
      ImmutableList<LockId> locks =
          switch (shape.side()) {
            case WHOLE -> ImmutableList.of(LockId.of(self, LockId.Kind.LOCK));
            case WRITE -> ImmutableList.of(LockId.of(self, LockId.Kind.WRITE));
            case READ -> ImmutableList.of(LockId.of(self, LockId.Kind.READ));
            case EITHER ->
                ImmutableList.of(LockId.of(self, LockId.Kind.WRITE), LockId.of(self, LockId.Kind.READ));
          };
      return Optional.of(new LockOperation(shape.effect(), locks));
    }
    ImmutableList<LockId> locks =
        switch (shape.side()) {
          case WHOLE -> ImmutableList.of(resolver.lock(receiver));
          case WRITE -> ImmutableList.of(resolver.side(receiver, LockId.Kind.WRITE));
          case READ -> ImmutableList.of(resolver.side(receiver, LockId.Kind.READ));
          case EITHER ->
              ImmutableList.of(
                  resolver.side(receiver, LockId.Kind.WRITE), resolver.side(receiver, LockId.Kind.READ));
        };
    return Optional.of(new LockOperation(shape.effect(), locks));
  }

  /**
   * What a call does to locks, if it is a lock operation, without resolving which lock: for scans that
   * only count acquisitions and releases.
   */
  public static Optional<Effect> effectOf(MethodInvocationTree call, VisitorState state) {
    Shape shape = shape(call, state);
    return shape == null ? Optional.empty() : Optional.of(shape.effect());
  }

  /**
   * The operation by name, on a receiver whose lock API is known from one cached type test: one
   * symbol read per call instead of a run of method matchers.
   */
  @Nullable
  private static Shape shape(MethodInvocationTree call, VisitorState state) {
    String name = Calls.methodName(call);
    if (!METHOD_NAMES.contains(name)) {
      return helperShape(call, state);
    }
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    MethodSymbol method = ASTHelpers.getSymbol(call);
    if (method == null || method.isStatic()) {
      return null;
    }
    LockTypes.LockApi api;
    if (receiver != null) {
      api = LockTypes.apiOf(ASTHelpers.getType(receiver), state);
    } else if (isInheritedFromTheJdk(method)) {
      // `lock()` inside a subclass of ReentrantLock: an acquisition of this object. Inside a class
      // that implements Lock itself, the call resolves to its own method: its implementation, not one.
      api = LockTypes.apiOf(method.owner.type, state);
    } else {
      return null;
    }
    if (api == LockTypes.LockApi.NONE) {
      return null;
    }
    if (api == LockTypes.LockApi.LOCK) {
      return switch (name) {
        case "lock", "lockInterruptibly" -> new Shape(Effect.ACQUIRE, Side.WHOLE);
        case "unlock" -> new Shape(Effect.RELEASE, Side.WHOLE);
        case "tryLock" ->
            method.getParameters().isEmpty()
                ? new Shape(Effect.TRY_ACQUIRE, Side.WHOLE)
                : isTimed(method) ? new Shape(Effect.TRY_ACQUIRE_TIMED, Side.WHOLE) : null;
        default -> null;
      };
    }
    return switch (name) {
      case "writeLock", "writeLockInterruptibly" -> new Shape(Effect.ACQUIRE, Side.WRITE);
      case "readLock", "readLockInterruptibly" -> new Shape(Effect.ACQUIRE, Side.READ);
      case "unlockWrite" -> new Shape(Effect.RELEASE, Side.WRITE);
      case "unlockRead" -> new Shape(Effect.RELEASE, Side.READ);
      case "unlock" -> new Shape(Effect.RELEASE, Side.EITHER);
      default -> null;
    };
  }

  /**
   * A call of a helper of this compilation's own lock class that takes or gives up the lock it is
   * called on ({@link LockHelpers}): {@code x.acquire()} as {@code x.lock()}.
   */
  @Nullable
  private static Shape helperShape(MethodInvocationTree call, VisitorState state) {
    MethodSymbol method = ASTHelpers.getSymbol(call);
    if (method == null) {
      return null;
    }
    return switch (LockHelpers.kindOf(method, state)) {
      case ACQUIRES -> new Shape(Effect.ACQUIRE, Side.WHOLE);
      case RELEASES -> new Shape(Effect.RELEASE, Side.WHOLE);
      case NONE -> null;
    };
  }

  /** A method of one of the JDK's lock classes ({@code ReentrantLock}, {@code StampedLock}...). */
  private static boolean isInheritedFromTheJdk(MethodSymbol method) {
    return method.owner.packge().getQualifiedName().contentEquals(LOCKS_PACKAGE);
  }

  private static final String LOCKS_PACKAGE = "java.util.concurrent.locks";

  /** {@code tryLock(long, TimeUnit)}. */
  private static boolean isTimed(MethodSymbol method) {
    List<VarSymbol> params = method.getParameters();
    return params.size() == 2
        && params.get(0).asType().getKind() == TypeKind.LONG
        && params.get(1).asType().tsym.getQualifiedName().contentEquals("java.util.concurrent.TimeUnit");
  }

  /** Convenience for callers that only care about the single lock of a non-stamped operation. */
  public LockId lock() {
    return locks.get(0);
  }
}
