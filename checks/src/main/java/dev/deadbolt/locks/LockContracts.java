package dev.deadbolt.locks;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import dev.deadbolt.javac.AnnotationStrings;

/**
 * The locks a method's annotations promise are held while its body runs: checker-qual's {@code
 * @Holding}, and Error Prone's, JCIP's or JSR 305's {@code @GuardedBy} on a method. Matched by simple
 * name so Deadbolt depends on none of them.
 *
 * <p>Names resolve like Error Prone's {@code GuardedBy}: {@code "this"}, {@code "Owner.class"}, a field
 * ({@code "lock"} or {@code "this.lock"}), or a field's {@code readLock()}/{@code writeLock()}. A name
 * that denotes nothing still counts as a held lock, under that name, so that it is never silently
 * dropped.
 */
final class LockContracts {
  static final ImmutableSet<String> ANNOTATIONS = ImmutableSet.of("Holding", "GuardedBy");

  private LockContracts() {}

  static ImmutableSet<LockId> heldOnEntry(MethodSymbol method, VisitorState state) {
    ImmutableSet.Builder<LockId> held = ImmutableSet.builder();
    for (var annotation : method.getAnnotationMirrors()) {
      if (!ANNOTATIONS.contains(annotation.getAnnotationType().asElement().getSimpleName().toString())) {
        continue;
      }
      for (String name : AnnotationStrings.value(annotation)) {
        held.add(resolve(name.strip(), (ClassSymbol) method.owner, state));
      }
    }
    return held.build();
  }


  private static LockId resolve(String name, ClassSymbol owner, VisitorState state) {
    if (name.equals("this")) {
      return LockResolver.thisMonitor(owner);
    }
    if (name.endsWith(".class")) {
      String type = name.substring(0, name.length() - ".class".length());
      if (type.equals(owner.getSimpleName().toString())
          || type.equals(owner.getQualifiedName().toString())) {
        return LockResolver.classMonitor(owner);
      }
      return LockId.named(name);
    }
    String field = name.startsWith("this.") ? name.substring("this.".length()) : name;
    LockId.Kind side = null;
    if (field.endsWith(".readLock()")) {
      side = LockId.Kind.READ;
      field = field.substring(0, field.length() - ".readLock()".length());
    } else if (field.endsWith(".writeLock()")) {
      side = LockId.Kind.WRITE;
      field = field.substring(0, field.length() - ".writeLock()".length());
    }
    VarSymbol symbol = findField(owner, field, state);
    if (symbol == null) {
      return LockId.named(name);
    }
    ObjectRef ref = LockResolver.selfField(symbol);
    if (side != null) {
      return LockId.of(ref, side);
    }
    if (isSubtype(symbol.type, "java.util.concurrent.locks.ReadWriteLock", state)) {
      return LockId.of(ref, LockId.Kind.WRITE); // the exclusive side: the conservative reading
    }
    if (isSubtype(symbol.type, "java.util.concurrent.locks.Lock", state)) {
      return LockId.of(ref, LockId.Kind.LOCK);
    }
    return LockId.of(ref, LockId.Kind.MONITOR);
  }

  private static VarSymbol findField(ClassSymbol owner, String name, VisitorState state) {
    for (Type t : state.getTypes().closure(owner.type)) {
      for (Symbol member : t.tsym.members().getSymbolsByName(state.getName(name))) {
        if (member instanceof VarSymbol var) {
          return var;
        }
      }
    }
    return null;
  }

  private static boolean isSubtype(Type type, String supertype, VisitorState state) {
    Type target = state.getTypeFromString(supertype);
    return target != null
        && state.getTypes().isSubtype(state.getTypes().erasure(type), state.getTypes().erasure(target));
  }
}
