package dev.deadbolt.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a lock field: this lock is acquired after the named locks (it may be taken while holding them,
 * never the other way round). Names are written as in {@link LockOrder}, relative to the field's
 * class.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface AcquiredAfter {
  /** The locks that come before this one. */
  String[] value();
}
