package dev.deadbolt.locks;

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
 * @param origin what kind of expression it is, which tells what {@code declaration} means
 */
public record ObjectRef(
    String key, String displayName, @Nullable Symbol declaration, Origin origin) {

  /** What an object reference is rooted in. */
  public enum Origin {
    /** {@code this} of the class that is the declaration. */
    THIS,
    /** {@code Foo.class}; the declaration is {@code Foo}. */
    CLASS_LITERAL,
    /** A field, of whatever object; the declaration is the field. */
    FIELD,
    /** A local variable or parameter that aliases nothing known. */
    LOCAL,
    /** Any other expression, keyed by its text. */
    OTHER,
  }
}
