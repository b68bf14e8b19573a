package dev.deadbolt.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The annotated method may block the calling thread (network, disk, waiting for another thread).
 *
 * <p>Deadbolt treats a call to it like a call to {@code Thread.sleep}: reported when made while a lock
 * is held or on a thread that must never block. Any annotation whose simple name is {@code Blocking}
 * (JetBrains, SmallRye, Micronaut) means the same to Deadbolt; this one adds a reason that appears in
 * the finding.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR})
public @interface Blocking {
  /** Why the method blocks, e.g. {@code "network round trip"}; shown in findings. */
  String value() default "";
}
