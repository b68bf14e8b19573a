package dev.deadbolt.locks;

import com.google.common.collect.ImmutableList;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.Objects;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * The identity of one lock, canonical across the expressions that name it: {@code lock}, {@code
 * this.lock} and a final local alias of it are one {@code LockId}; so are two calls of {@code
 * rw.writeLock()}.
 *
 * <p>Equality is by {@link #key()} only. The {@link #declaration()} is the field (or class) that owns the
 * lock, so that a lock hierarchy can speak of {@code Session.lock} whichever instance holds it.
 */
public final class LockId {

  /** How the lock is taken, which decides what holding it means for a virtual thread. */
  public enum Kind {
    /** A {@code synchronized} monitor. */
    MONITOR,
    /** A {@code java.util.concurrent.locks.Lock} (or a {@code StampedLock} view), taken explicitly. */
    LOCK,
    /** The read side of a {@code ReadWriteLock} or {@code StampedLock}. */
    READ,
    /** The write side of a {@code ReadWriteLock} or {@code StampedLock}. */
    WRITE,
  }

  private final String key;
  private final String displayName;
  private final Kind kind;
  @Nullable private final Symbol declaration;
  private final ObjectRef.Origin origin;
  private final ImmutableList<LockId> alternatives;

  private LockId(
      String key,
      String displayName,
      Kind kind,
      @Nullable Symbol declaration,
      ObjectRef.Origin origin,
      ImmutableList<LockId> alternatives) {
    this.key = key;
    this.displayName = displayName;
    this.kind = kind;
    this.declaration = declaration;
    this.origin = origin;
    this.alternatives = alternatives;
  }

  /** The lock of kind {@code kind} that the object {@code ref} denotes. */
  public static LockId of(ObjectRef ref, Kind kind) {
    String display =
        switch (kind) {
          case MONITOR, LOCK -> ref.displayName();
          case READ -> ref.displayName() + ".readLock()";
          case WRITE -> ref.displayName() + ".writeLock()";
        };
    return new LockId(
        kind + ":" + ref.key(), display, kind, ref.declaration(), ref.origin(), ImmutableList.of());
  }

  /** This lock, as {@code displayName} names it (an alias of it). */
  LockId withDisplayName(String displayName) {
    return new LockId(key, displayName, kind, declaration, origin, alternatives);
  }

  /** This lock, standing for one of {@code alternatives}: {@code c ? a : b} is {@code a} or {@code b}. */
  LockId withAlternatives(ImmutableList<LockId> alternatives) {
    return new LockId(key, displayName, kind, declaration, origin, alternatives);
  }

  /** A lock named only by text, e.g. an {@code @Holding} value that names nothing in scope. */
  static LockId named(String name) {
    return new LockId(
        "NAMED:" + name, name, Kind.LOCK, null, ObjectRef.Origin.OTHER, ImmutableList.of());
  }

  /**
   * The object the lock lives in, without the side: {@code rw.readLock()} and {@code rw.writeLock()}
   * share it, so taking one while holding the other is not a second lock of the same declaration.
   */
  public String objectKey() {
    return key.substring(key.indexOf(':') + 1);
  }

  /** The canonical form two expressions share when they denote the same lock. */
  public String key() {
    return key;
  }

  /** How the lock reads in a message: {@code stateLock}, {@code rw.writeLock()}, {@code this}. */
  public String displayName() {
    return displayName;
  }

  public Kind kind() {
    return kind;
  }

  public boolean isMonitor() {
    return kind == Kind.MONITOR;
  }

  /** The private field this lock is, if it is one: then every method that takes it is in its class. */
  @Nullable
  public VarSymbol privateField() {
    return origin == ObjectRef.Origin.FIELD
            && declaration instanceof VarSymbol field
            && (field.flags() & Flags.PRIVATE) != 0
            && field.getKind() == ElementKind.FIELD
        ? field
        : null;
  }

  /** What the object holding the lock is rooted in; tells what {@link #declaration()} means. */
  public ObjectRef.Origin origin() {
    return origin;
  }

  /** The field (or class, for {@code Foo.class} and {@code this}) that owns the lock, if known. */
  @Nullable
  public Symbol declaration() {
    return declaration;
  }

  /**
   * The locks this one may be: for a conditional {@code c ? a : b}, each operand's (a lock order
   * speaks of those, never of the whole expression); otherwise just this lock.
   */
  public ImmutableList<LockId> possibleLocks() {
    return alternatives.isEmpty() ? ImmutableList.of(this) : alternatives;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LockId other && key.equals(other.key);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key);
  }

  @Override
  public String toString() {
    return displayName;
  }
}
