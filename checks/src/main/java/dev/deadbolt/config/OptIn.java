package dev.deadbolt.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a check that is off by default: it reports only when named on the command line (it asks
 * {@link OffByDefault#enabled}). Read by tools that enable Deadbolt's default checks by name, such as
 * the Maven plugin's {@code analyze} goal, so that naming every check does not switch these on.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OptIn {}
