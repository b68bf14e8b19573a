package dev.deadbolt.analysis;

import com.google.errorprone.VisitorState;
import com.sun.tools.javac.code.Symbol.TypeSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.util.Context;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Whether a type is a {@code Lock} or a {@code StampedLock}, cached per type for the compilation. */
final class LockTypes {
  private static final Context.Key<Map<TypeSymbol, Boolean>> KEY = new Context.Key<>();
  private static final String LOCK = "java.util.concurrent.locks.Lock";
  private static final String STAMPED = "java.util.concurrent.locks.StampedLock";

  private LockTypes() {}

  static boolean isLockOrStamped(@Nullable Type type, VisitorState state) {
    if (type == null || type.tsym == null) {
      return false;
    }
    Map<TypeSymbol, Boolean> known = state.context.get(KEY);
    if (known == null) {
      known = new IdentityHashMap<>();
      state.context.put(KEY, known);
    }
    return known.computeIfAbsent(type.tsym, t -> isSubtype(type, LOCK, state) || isSubtype(type, STAMPED, state));
  }

  private static boolean isSubtype(Type type, String supertype, VisitorState state) {
    Type target = state.getTypeFromString(supertype);
    return target != null
        && state.getTypes().isSubtype(state.getTypes().erasure(type), state.getTypes().erasure(target));
  }
}
