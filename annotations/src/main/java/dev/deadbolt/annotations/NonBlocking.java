package dev.deadbolt.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The annotated method never blocks the calling thread; on a class, none of its methods do.
 *
 * <p>Deadbolt trusts this fact: a call to such a method is never reported as blocking, whatever its
 * body calls. Any annotation whose simple name is {@code NonBlocking} means the same to Deadbolt.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.TYPE})
public @interface NonBlocking {}
