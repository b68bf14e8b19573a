package dev.deadbolt.hierarchy;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.PackageSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;

/**
 * Resolves the lock names written in {@code @LockOrder}, {@code @AcquiredBefore} and {@code
 * @AcquiredAfter}: {@code "field"}, {@code "this"}, {@code "Foo.this"}, {@code "Foo.class"}, {@code "Foo.field"} or {@code
 * "com.acme.Foo.field"}, relative to the annotated class (or package).
 */
final class LockNames {
  private static final String[] LOCK_TYPES = {
    "java.util.concurrent.locks.Lock",
    "java.util.concurrent.locks.ReadWriteLock",
    "java.util.concurrent.locks.StampedLock",
  };

  private final VisitorState state;

  LockNames(VisitorState state) {
    this.state = state;
  }

  /** What a name resolved to: a lock, or why it is not one. */
  sealed interface Resolution permits Resolved, Unresolved {}

  record Resolved(LockNode node) implements Resolution {}

  record Unresolved(String problem) implements Resolution {}

  Resolution resolve(String rawName, Symbol context) {
    String name = rawName.strip();
    ClassSymbol contextClass = context instanceof ClassSymbol cls ? cls : null;
    if (name.equals("this")) {
      return contextClass != null
          ? new Resolved(LockNode.thisOf(contextClass))
          : new Unresolved("\"this\" means nothing on a package; name a class's field or Foo.class");
    }
    if (name.endsWith(".this")) {
      // The instance monitor of another class (or of any class, from a package-info).
      String type = name.substring(0, name.length() - ".this".length());
      ClassSymbol cls = resolveClass(type, context);
      return cls != null
          ? new Resolved(LockNode.thisOf(cls))
          : new Unresolved("\"" + name + "\" names no class in scope");
    }
    if (name.endsWith(".class")) {
      String type = name.substring(0, name.length() - ".class".length());
      ClassSymbol cls = resolveClass(type, context);
      return cls != null
          ? new Resolved(LockNode.classLiteral(cls))
          : new Unresolved("\"" + name + "\" names no class in scope");
    }
    int dot = name.lastIndexOf('.');
    ClassSymbol owner;
    String fieldName;
    if (dot < 0) {
      if (contextClass == null) {
        return new Unresolved(
            "\"" + name + "\" needs its class on a package (\"Registry." + name + "\")");
      }
      owner = contextClass;
      fieldName = name;
    } else {
      owner = resolveClass(name.substring(0, dot), context);
      fieldName = name.substring(dot + 1);
      if (owner == null) {
        return new Unresolved("\"" + name + "\": \"" + name.substring(0, dot) + "\" names no class in scope");
      }
    }
    VarSymbol field = findField(owner, fieldName);
    if (field == null) {
      return new Unresolved("\"" + name + "\": " + owner.getSimpleName() + " has no field " + fieldName);
    }
    String notALock = notALock(field);
    return notALock == null
        ? new Resolved(LockNode.field(field))
        : new Unresolved("\"" + name + "\" is not a lock: " + notALock);
  }

  private ClassSymbol resolveClass(String name, Symbol context) {
    ClassSymbol contextClass = context instanceof ClassSymbol cls ? cls : null;
    for (ClassSymbol c = contextClass; c != null; c = ASTHelpers.enclosingClass(c.owner)) {
      if (c.getSimpleName().contentEquals(name)) {
        return c;
      }
      for (Symbol member : c.members().getSymbolsByName(state.getName(name))) {
        if (member instanceof ClassSymbol nested) {
          return nested;
        }
      }
    }
    PackageSymbol pkg =
        context instanceof PackageSymbol p ? p : contextClass == null ? null : contextClass.packge();
    if (pkg != null && !pkg.isUnnamed()) {
      Symbol inPackage = state.getSymbolFromString(pkg.getQualifiedName() + "." + name);
      if (inPackage instanceof ClassSymbol cls) {
        return cls;
      }
    }
    Symbol qualified = state.getSymbolFromString(name);
    return qualified instanceof ClassSymbol cls ? cls : null;
  }

  private VarSymbol findField(ClassSymbol owner, String name) {
    for (Type t : state.getTypes().closure(owner.type)) {
      for (Symbol member : t.tsym.members().getSymbolsByName(state.getName(name))) {
        if (member instanceof VarSymbol var) {
          return var;
        }
      }
    }
    return null;
  }

  /**
   * Null if the field is a lock: a {@code Lock}, {@code ReadWriteLock} or {@code StampedLock}, or an
   * object some {@code synchronized} block of its class uses as a monitor (taken on trust when the
   * class's source is not in this compilation). Otherwise, why not.
   */
  private String notALock(VarSymbol field) {
    if (field.type.isPrimitive()) {
      return "it is a " + field.type;
    }
    for (String lockType : LOCK_TYPES) {
      Type t = state.getTypeFromString(lockType);
      if (t != null
          && state.getTypes().isSubtype(state.getTypes().erasure(field.type), state.getTypes().erasure(t))) {
        return null;
      }
    }
    TreePath classPath = JavacTrees.instance(state.context).getPath(field.owner);
    if (classPath == null) {
      return null;
    }
    boolean[] usedAsMonitor = new boolean[1];
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitSynchronized(SynchronizedTree node, Void unused) {
        usedAsMonitor[0] |= ASTHelpers.getSymbol(ASTHelpers.stripParentheses(node.getExpression())) == field;
        return super.visitSynchronized(node, unused);
      }
    }.scan(classPath.getLeaf(), null);
    return usedAsMonitor[0]
        ? null
        : "a " + field.type + " that is neither a java.util.concurrent lock nor used by any synchronized block";
  }
}
