package dev.deadbolt.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a lock hierarchy: locks listed earlier are acquired before locks listed later, so a thread
 * holding a later lock must not wait for an earlier one. The order is transitive and combines with
 * every other {@code @LockOrder}, {@link AcquiredBefore} and {@link AcquiredAfter} of the compilation.
 *
 * <p>A name is a field of the annotated class ({@code "stateLock"}), {@code "this"} (the instance
 * monitor; {@code "Registry.this"} for another class's), a class literal ({@code "Registry.class"}), or
 * a field of another class, qualified ({@code "com.acme.Registry.lock"}, or {@code "Registry.lock"} in
 * the same package). On a {@code
 * package-info.java}, names are qualified by class. Identity is by declaration: the order speaks of
 * the field {@code Session.lock}, whichever {@code Session} holds it; a {@code ReadWriteLock}'s read and
 * write sides belong to its field.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
public @interface LockOrder {
  /** The locks, outermost (acquired first) first. */
  String[] value();
}
