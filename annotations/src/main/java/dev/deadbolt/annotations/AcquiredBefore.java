package dev.deadbolt.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a lock field: this lock is acquired before the named locks (a thread holding one of them must
 * not wait for this one). Names are written as in {@link LockOrder}, relative to the field's class.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface AcquiredBefore {
  /** The locks that come after this one. */
  String[] value();
}
