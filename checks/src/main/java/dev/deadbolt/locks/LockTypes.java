package dev.deadbolt.locks;

import com.google.errorprone.VisitorState;
import com.sun.tools.javac.code.Symbol.TypeSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.util.Context;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Which lock API a receiver type speaks, cached per type for the compilation. */
final class LockTypes {
  /** The lock API of a type. */
  enum LockApi {
    /** A {@code java.util.concurrent.locks.Lock}: {@code lock/tryLock/unlock}. */
    LOCK,
    /** Exactly {@code StampedLock}: stamps for each side. */
    STAMPED,
    /** Neither: no call on it is a lock operation. */
    NONE,
  }

  private static final Context.Key<Map<TypeSymbol, LockApi>> KEY = new Context.Key<>();
  private static final String LOCK = "java.util.concurrent.locks.Lock";
  private static final String STAMPED = "java.util.concurrent.locks.StampedLock";

  private LockTypes() {}

  static LockApi apiOf(@Nullable Type type, VisitorState state) {
    if (type == null || type.tsym == null) {
      return LockApi.NONE;
    }
    Map<TypeSymbol, LockApi> known = state.context.get(KEY);
    if (known == null) {
      known = new IdentityHashMap<>();
      state.context.put(KEY, known);
    }
    LockApi api = known.get(type.tsym);
    if (api == null) {
      api =
          type.tsym.getQualifiedName().contentEquals(STAMPED)
              ? LockApi.STAMPED
              : isSubtype(type, LOCK, state) ? LockApi.LOCK : LockApi.NONE;
      known.put(type.tsym, api);
    }
    return api;
  }

  private static boolean isSubtype(Type type, String supertype, VisitorState state) {
    Type target = state.getTypeFromString(supertype);
    return target != null
        && state.getTypes().isSubtype(state.getTypes().erasure(type), state.getTypes().erasure(target));
  }
}
