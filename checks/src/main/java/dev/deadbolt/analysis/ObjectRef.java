package dev.deadbolt.analysis;

import com.sun.tools.javac.code.Symbol;
import org.jspecify.annotations.Nullable;

/**
 * A canonical reference to an object used as or holding a lock: {@code this}, {@code Foo.class}, a
 * field reached from one of those, or (when nothing better is known) a local variable or an
 * expression's normalized source.
 *
 * @param key equal for every expression denoting the same object
 * @param displayName how the object reads in a message
 * @param declaration the field or class that owns it, for lock hierarchies; null when unknown
 */
public record ObjectRef(String key, String displayName, @Nullable Symbol declaration) {}
