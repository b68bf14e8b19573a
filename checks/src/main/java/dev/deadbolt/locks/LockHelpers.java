package dev.deadbolt.locks;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Scope;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.util.Context;
import dev.deadbolt.javac.MethodTrees;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.jspecify.annotations.Nullable;

/**
 * Methods of this compilation's own lock classes (subclasses of {@code ReentrantLock} and other {@code
 * Lock}s) that do nothing but take or give up the lock they are called on:
 *
 * <pre>
 *   ClosableLock acquire() { lock(); return this; }     // held after x.acquire(), as after x.lock()
 *   public void close() { unlock(); }                    // x.close() releases x
 * </pre>
 *
 * so that {@code try (ClosableLock held = x.acquire()) { ... }} is a region holding {@code x}. Only that
 * plain shape counts — acquisitions (or releases) of {@code this} and a {@code return this} — so a
 * helper is never taken to lock what it does not.
 */
public final class LockHelpers {
  /** What a helper does to the lock it is called on. */
  enum Kind {
    NONE,
    /** Takes the lock and returns (itself, or nothing). */
    ACQUIRES,
    /** Gives the lock up. */
    RELEASES,
  }

  private static final Context.Key<LockHelpers> KEY = new Context.Key<>();
  private static final String LOCK = "java.util.concurrent.locks.Lock";

  private final Map<MethodSymbol, Kind> known = new IdentityHashMap<>();
  private final MethodTrees methodTrees;

  private LockHelpers(Context context) {
    this.methodTrees = new MethodTrees(context);
  }

  private static LockHelpers of(VisitorState state) {
    LockHelpers helpers = state.context.get(KEY);
    if (helpers == null) {
      helpers = new LockHelpers(state.context);
      state.context.put(KEY, helpers);
    }
    return helpers;
  }

  /** What {@code method} does to the lock it is called on, if it is such a helper. */
  static Kind kindOf(MethodSymbol method, VisitorState state) {
    if (method.isStatic()
        || method.isConstructor()
        || !(method.owner instanceof ClassSymbol owner)
        || owner.sourcefile == null
        || owner.sourcefile.getKind() != JavaFileObject.Kind.SOURCE) {
      return Kind.NONE; // (the usual answer, before any map is read)
    }
    return of(state).kind(method, owner, state);
  }

  /** Whether a call of {@code method} evaluates to the object it was called on, now locked. */
  static boolean returnsItsReceiver(MethodSymbol method, VisitorState state) {
    return kindOf(method, state) == Kind.ACQUIRES && !method.getReturnType().isPrimitiveOrVoid();
  }

  /** The {@code close()} that a try-with-resources calls on a resource of {@code type}, if known. */
  @Nullable
  static MethodSymbol closeOf(@Nullable Type type, VisitorState state) {
    if (type == null || !(type.tsym instanceof ClassSymbol cls)) {
      return null;
    }
    Types types = state.getTypes();
    for (Type t = cls.type; t != null && t.tsym instanceof ClassSymbol c; t = types.supertype(t)) {
      for (Symbol member :
          c.members().getSymbolsByName(state.getNames().close, Scope.LookupKind.NON_RECURSIVE)) {
        if (member instanceof MethodSymbol close && close.getParameters().isEmpty()) {
          return close;
        }
      }
    }
    return null;
  }

  private Kind kind(MethodSymbol method, ClassSymbol owner, VisitorState state) {
    Kind kind = known.get(method);
    if (kind == null) {
      known.put(method, Kind.NONE); // a helper calling itself back is none
      kind =
          LockTypes.apiOf(owner.type, state) == LockTypes.LockApi.LOCK
                  && !LockOperation.METHOD_NAMES.contains(method.getSimpleName().toString())
              ? classify(method, state)
              : Kind.NONE;
      known.put(method, kind);
    }
    return kind;
  }

  private Kind classify(MethodSymbol method, VisitorState state) {
    TreePath path = methodTrees.pathOf(method);
    if (path == null || !(path.getLeaf() instanceof MethodTree tree) || tree.getBody() == null) {
      return Kind.NONE;
    }
    List<? extends StatementTree> statements = tree.getBody().getStatements();
    Kind kind = Kind.NONE;
    int last = statements.size() - 1;
    for (int i = 0; i <= last; i++) {
      StatementTree statement = statements.get(i);
      if (i == last && kind == Kind.ACQUIRES && statement instanceof ReturnTree returned) {
        return isThis(returned.getExpression()) ? kind : Kind.NONE;
      }
      Kind step = onThis(statement, state);
      if (step == Kind.NONE || kind != Kind.NONE && step != kind) {
        return Kind.NONE;
      }
      kind = step;
    }
    return method.getReturnType().isPrimitiveOrVoid() || kind != Kind.ACQUIRES ? kind : Kind.NONE;
  }

  /** {@code lock();} or {@code this.unlock();}: what the statement does to this object's lock. */
  private static Kind onThis(StatementTree statement, VisitorState state) {
    if (!(statement instanceof ExpressionStatementTree expression)
        || !(expression.getExpression() instanceof MethodInvocationTree call)) {
      return Kind.NONE;
    }
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    if (receiver != null && !isThis(receiver)) {
      return Kind.NONE;
    }
    LockOperation.Effect effect = LockOperation.effectOf(call, state).orElse(null);
    if (effect == LockOperation.Effect.ACQUIRE) {
      return Kind.ACQUIRES;
    }
    return effect == LockOperation.Effect.RELEASE ? Kind.RELEASES : Kind.NONE;
  }

  private static boolean isThis(@Nullable ExpressionTree e) {
    return e instanceof IdentifierTree id && id.getName().contentEquals("this");
  }

  /** Whether a resource of {@code type} is a lock (what makes a try-with-resources a sign of one). */
  public static boolean isLockType(@Nullable Type type, Types types) {
    if (type == null || !(type.tsym instanceof ClassSymbol)) {
      return false;
    }
    for (Type t : types.closure(type)) {
      if (t.tsym.getQualifiedName().contentEquals(LOCK)) {
        return true;
      }
    }
    return false;
  }
}
