package dev.deadbolt.locks;

import static dev.deadbolt.javac.KnownMethod.exactInstanceMethod;
import static dev.deadbolt.javac.KnownMethod.instanceMethod;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.util.Context;
import dev.deadbolt.javac.Calls;
import dev.deadbolt.javac.FieldInitializers;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Turns lock expressions into canonical {@link ObjectRef}s and {@link LockId}s: follows final locals and
 * final fields to what they alias ({@code Lock w = rw.writeLock()}), and conditions to the lock that
 * created them ({@code notEmpty = lock.newCondition()}).
 *
 * <p>One resolver serves one top-level member (method, field or initializer) and everything nested in
 * it, because lambdas read the locals of their enclosing method.
 */
public final class LockResolver {
  private static final int MAX_ALIAS_DEPTH = 8;

  private static final Matcher<ExpressionTree> READ_VIEW =
      instanceMethod("java.util.concurrent.locks.ReadWriteLock", "readLock");
  private static final Matcher<ExpressionTree> WRITE_VIEW =
      instanceMethod("java.util.concurrent.locks.ReadWriteLock", "writeLock");
  private static final Matcher<ExpressionTree> STAMPED_READ_VIEW =
      exactInstanceMethod("java.util.concurrent.locks.StampedLock", "asReadLock");
  private static final Matcher<ExpressionTree> STAMPED_WRITE_VIEW =
      exactInstanceMethod("java.util.concurrent.locks.StampedLock", "asWriteLock");
  private static final ImmutableSet<String> VIEW_NAMES =
      ImmutableSet.of("readLock", "writeLock", "asReadLock", "asWriteLock");
  private static final Matcher<ExpressionTree> NEW_CONDITION =
      instanceMethod("java.util.concurrent.locks.Lock", "newCondition");

  private final VisitorState state;
  private final Tree member;
  private final ClassSymbol memberOwner;
  @Nullable private Map<VarSymbol, ExpressionTree> localInitializers;
  /**
   * What each expression asked about resolved to: the analyses of a member (held locks, block
   * structure, lock order, pinning) ask about the same lock calls, and following aliases and field
   * initializers is the cost of each answer. Made on the first question.
   */
  @Nullable private Map<ExpressionTree, ObjectRef> resolved;
  @Nullable private Map<ExpressionTree, LockId> locks;
  @Nullable private Map<SelfField, LockId> selfFieldLocks;

  /**
   * @param member the method, field or initializer block whose code is resolved
   * @param memberOwner the class declaring {@code member}: what an implicit {@code this} refers to
   */
  public LockResolver(Tree member, ClassSymbol memberOwner, VisitorState state) {
    this.member = member;
    this.memberOwner = memberOwner;
    this.state = state;
  }

  /** The method, field or initializer block whose code this resolver reads. */
  public Tree member() {
    return member;
  }

  /**
   * The object a method is invoked on; when implicit, {@code this} of the innermost class around the
   * member that has the method (an inner class calling its outer class's method calls it on the outer
   * instance).
   */
  public ObjectRef receiver(ExpressionTree invocation) {
    ExpressionTree receiver = ASTHelpers.getReceiver(invocation);
    if (receiver == null) {
      Symbol method = ASTHelpers.getSymbol(invocation);
      if (method != null && method.isStatic()) {
        return classRef((ClassSymbol) method.owner);
      }
      return thisSeenHere(method == null ? memberOwner : classWithMember(method));
    }
    return resolve(receiver);
  }

  private ClassSymbol classWithMember(Symbol method) {
    for (ClassSymbol cls = memberOwner; cls != null; cls = enclosingClass(cls)) {
      if (cls.isSubClass(method.owner, state.getTypes())) {
        return cls;
      }
    }
    return memberOwner;
  }

  @Nullable
  private static ClassSymbol enclosingClass(ClassSymbol cls) {
    return cls.owner == null ? null : cls.owner.enclClass();
  }

  /** The object an expression denotes, canonical across aliases. */
  public ObjectRef resolve(ExpressionTree expression) {
    if (resolved == null) {
      resolved = new IdentityHashMap<>();
    }
    ObjectRef known = resolved.get(expression);
    if (known == null) {
      known = resolve(expression, 0);
      resolved.put(expression, known);
    }
    return known;
  }

  /**
   * The monitor {@code synchronized (expression)} takes. A conditional {@code c ? a : b} (written there
   * or as the initializer of a final local) is one lock to the held-lock analysis, and stands for its
   * operands' monitors in {@link LockId#possibleLocks()}.
   */
  public LockId monitor(ExpressionTree expression) {
    LockId monitor = LockId.of(resolve(expression), LockId.Kind.MONITOR);
    ConditionalExpressionTree conditional = conditionalBehind(expression, 0);
    if (conditional == null) {
      return monitor;
    }
    ImmutableList.Builder<LockId> operands = ImmutableList.builder();
    operands.addAll(monitor(conditional.getTrueExpression()).possibleLocks());
    operands.addAll(monitor(conditional.getFalseExpression()).possibleLocks());
    return monitor.withAlternatives(operands.build());
  }

  /** The conditional expression {@code expression} is, directly or through final locals. */
  @Nullable
  private ConditionalExpressionTree conditionalBehind(ExpressionTree expression, int depth) {
    ExpressionTree e = strip(expression);
    if (e instanceof ConditionalExpressionTree conditional) {
      return conditional;
    }
    if (depth >= MAX_ALIAS_DEPTH
        || !(e instanceof IdentifierTree)
        || !(ASTHelpers.getSymbol(e) instanceof VarSymbol var)
        || var.getKind() == ElementKind.FIELD) {
      return null;
    }
    ExpressionTree init = aliasedInitializer(e);
    return init == null ? null : conditionalBehind(init, depth + 1);
  }

  /** The monitor of {@code this} in {@code owner}: what a synchronized instance method takes. */
  public static LockId thisMonitor(ClassSymbol owner) {
    return LockId.of(thisRef(owner), LockId.Kind.MONITOR);
  }

  /** The monitor of {@code Owner.class}: what a synchronized static method takes. */
  public static LockId classMonitor(ClassSymbol owner) {
    return LockId.of(classRef(owner), LockId.Kind.MONITOR);
  }

  /**
   * The {@code Lock} an expression of a lock type denotes: {@code rw.writeLock()} and a final {@code
   * Lock w = rw.writeLock()} are the write side of {@code rw}; anything else is the object itself.
   */
  public LockId lock(ExpressionTree expression) {
    if (locks == null) {
      locks = new IdentityHashMap<>();
    }
    LockId known = locks.get(expression);
    if (known == null) {
      known = selfFieldLock(expression);
      if (known == null) {
        known = lock(expression, 0);
      }
      locks.put(expression, known);
    }
    return known;
  }

  /** A field of the current object, as the code of a member of {@code memberOwner} names it. */
  private record SelfField(ClassSymbol memberOwner, VarSymbol field) {
    // Written out: a record's generated equals and hashCode link through a bootstrap method on first
    // use, a millisecond or more in a compile that has not yet needed that machinery.
    @Override
    public boolean equals(Object o) {
      return o instanceof SelfField other && memberOwner == other.memberOwner && field == other.field;
    }

    @Override
    public int hashCode() {
      return 31 * System.identityHashCode(memberOwner) + System.identityHashCode(field);
    }
  }

  /** The lock each field of the current object denotes, for the compilation. */
  private static final Context.Key<Map<SelfField, LockId>> SELF_FIELD_LOCKS = new Context.Key<>();

  /**
   * The lock that a field of the current object ({@code lock}, {@code this.lock}) denotes, resolved
   * once per compilation (and class it is named from): most lock calls name one, from every method of
   * the class. Null for any other expression.
   */
  @Nullable
  private LockId selfFieldLock(ExpressionTree expression) {
    ExpressionTree e = strip(expression);
    if (!(ASTHelpers.getSymbol(e) instanceof VarSymbol field)
        || field.getKind() != ElementKind.FIELD
        || field.isStatic()
        || !(e instanceof IdentifierTree
            || e instanceof MemberSelectTree select && isThis(select.getExpression()))) {
      return null;
    }
    if (selfFieldLocks == null) {
      selfFieldLocks = state.context.get(SELF_FIELD_LOCKS);
      if (selfFieldLocks == null) {
        selfFieldLocks = new HashMap<>();
        state.context.put(SELF_FIELD_LOCKS, selfFieldLocks);
      }
    }
    SelfField key = new SelfField(memberOwner, field);
    LockId lock = selfFieldLocks.get(key);
    if (lock == null) {
      lock = lock(e, 0);
      selfFieldLocks.put(key, lock);
    }
    return lock;
  }

  /** The read or write side of a {@code ReadWriteLock} or {@code StampedLock} object. */
  public LockId side(ExpressionTree lockObject, LockId.Kind side) {
    return LockId.of(resolve(lockObject), side);
  }

  /** The lock whose {@code newCondition()} produced this condition, when the code says so plainly. */
  public Optional<LockId> conditionOwner(ExpressionTree condition) {
    return conditionOwner(condition, 0);
  }

  private LockId lock(ExpressionTree expression, int depth) {
    ExpressionTree e = strip(expression);
    if (mayBeView(e) && (READ_VIEW.matches(e, state) || STAMPED_READ_VIEW.matches(e, state))) {
      return LockId.of(receiverRef(e, depth), LockId.Kind.READ);
    }
    if (mayBeView(e) && (WRITE_VIEW.matches(e, state) || STAMPED_WRITE_VIEW.matches(e, state))) {
      return LockId.of(receiverRef(e, depth), LockId.Kind.WRITE);
    }
    if (depth < MAX_ALIAS_DEPTH) {
      ExpressionTree aliased = aliasedInitializer(e);
      if (aliased != null && isLockView(strip(aliased))) {
        // The side the initializer denotes, named as the code names it here.
        return lock(aliased, depth + 1).withDisplayName(e.toString());
      }
    }
    return LockId.of(resolve(e, depth), LockId.Kind.LOCK);
  }

  private boolean isLockView(ExpressionTree e) {
    return mayBeView(e)
            && (READ_VIEW.matches(e, state)
                || WRITE_VIEW.matches(e, state)
                || STAMPED_READ_VIEW.matches(e, state)
                || STAMPED_WRITE_VIEW.matches(e, state))
        || aliasedInitializer(e) != null;
  }

  /** By name: only a call of one of these can be a view of a lock's side. */
  private static boolean mayBeView(ExpressionTree e) {
    return e instanceof MethodInvocationTree call && VIEW_NAMES.contains(Calls.methodName(call));
  }

  private Optional<LockId> conditionOwner(ExpressionTree condition, int depth) {
    ExpressionTree e = strip(condition);
    if (NEW_CONDITION.matches(e, state)) {
      ExpressionTree owner = ASTHelpers.getReceiver(e);
      return Optional.of(
          owner != null ? lock(owner, depth + 1) : LockId.of(thisRef(memberOwner), LockId.Kind.LOCK));
    }
    if (depth >= MAX_ALIAS_DEPTH) {
      return Optional.empty();
    }
    ExpressionTree aliased = aliasedInitializer(e);
    if (aliased == null) {
      aliased = assignedInConstructor(e);
    }
    return aliased == null ? Optional.empty() : conditionOwner(aliased, depth + 1);
  }

  private ObjectRef resolve(ExpressionTree expression, int depth) {
    ExpressionTree e = strip(expression);
    Symbol sym = ASTHelpers.getSymbol(e);
    if (e instanceof MethodInvocationTree call
        && depth < MAX_ALIAS_DEPTH
        && sym instanceof MethodSymbol method
        && LockHelpers.returnsItsReceiver(method, state)) {
      // `held = lock.acquire()`: the helper returns the lock it took (LockHelpers).
      return receiver(call);
    }
    if (e instanceof IdentifierTree id && id.getName().contentEquals("this")
        || e instanceof MemberSelectTree ms && ms.getIdentifier().contentEquals("this")) {
      return sym != null && sym.type != null && sym.type.tsym instanceof ClassSymbol cls
          ? thisSeenHere(cls)
          : textRef(e);
    }
    if (e instanceof MemberSelectTree ms
        && ms.getIdentifier().contentEquals("class")
        && ASTHelpers.getSymbol(ms.getExpression()) instanceof ClassSymbol cls) {
      return classRef(cls);
    }
    if (sym instanceof VarSymbol var) {
      if (var.getKind() == ElementKind.FIELD) {
        return fieldRef(e, var, depth);
      }
      if (depth < MAX_ALIAS_DEPTH) {
        ExpressionTree init = aliasedInitializer(e);
        if (init != null && !(strip(init) instanceof com.sun.source.tree.NewClassTree)) {
          // The object the initializer denotes, named as the code names it here.
          ObjectRef aliased = resolve(init, depth + 1);
          return new ObjectRef(
              aliased.key(), var.getSimpleName().toString(), aliased.declaration(), aliased.origin());
        }
      }
      return new ObjectRef(
          "local:" + var.getSimpleName() + "@" + var.pos,
          var.getSimpleName().toString(),
          var,
          ObjectRef.Origin.LOCAL);
    }
    return textRef(e);
  }

  private ObjectRef fieldRef(ExpressionTree e, VarSymbol field, int depth) {
    String name = field.getSimpleName().toString();
    if (field.isStatic()) {
      ClassSymbol owner = (ClassSymbol) field.owner;
      boolean qualified = e instanceof MemberSelectTree;
      return new ObjectRef(
          "static:" + owner.getQualifiedName() + "." + name,
          qualified ? owner.getSimpleName() + "." + name : name,
          field,
          ObjectRef.Origin.FIELD);
    }
    ExpressionTree receiver = e instanceof MemberSelectTree ms ? ms.getExpression() : null;
    if (receiver == null || isThis(receiver)) {
      return selfField(field);
    }
    ObjectRef base = resolve(receiver, depth + 1);
    return new ObjectRef(
        base.key() + "." + name, base.displayName() + "." + name, field, ObjectRef.Origin.FIELD);
  }

  /**
   * A field of the current object. Keyed by the field's declaring class, so {@code lock}, {@code
   * this.lock} and {@code Outer.this.lock} agree.
   */
  static ObjectRef selfField(VarSymbol field) {
    return new ObjectRef(
        "self:" + ((ClassSymbol) field.owner).getQualifiedName() + "." + field.getSimpleName(),
        field.getSimpleName().toString(),
        field,
        ObjectRef.Origin.FIELD);
  }

  private static boolean isThis(ExpressionTree e) {
    ExpressionTree s = strip(e);
    return s instanceof IdentifierTree id && id.getName().contentEquals("this")
        || s instanceof MemberSelectTree ms && ms.getIdentifier().contentEquals("this");
  }

  /**
   * {@code this} of {@code cls} as the code of this member names it: {@code Outer.this} from an inner
   * class. The same object, and the same key, as {@link #thisRef}.
   */
  private ObjectRef thisSeenHere(ClassSymbol cls) {
    if (cls == memberOwner || cls.getSimpleName().isEmpty()) {
      return thisRef(cls);
    }
    return new ObjectRef(
        "this:" + cls.getQualifiedName(), cls.getSimpleName() + ".this", cls, ObjectRef.Origin.THIS);
  }

  private static ObjectRef thisRef(ClassSymbol cls) {
    return new ObjectRef("this:" + cls.getQualifiedName(), "this", cls, ObjectRef.Origin.THIS);
  }

  private static ObjectRef classRef(ClassSymbol cls) {
    return new ObjectRef(
        "class:" + cls.getQualifiedName(),
        cls.getSimpleName() + ".class",
        cls,
        ObjectRef.Origin.CLASS_LITERAL);
  }

  private static ObjectRef textRef(ExpressionTree e) {
    String text = e.toString();
    return new ObjectRef(
        "expr:" + text.replaceAll("\\s+", ""), text, null, ObjectRef.Origin.OTHER);
  }

  /**
   * The initializer of a variable that cannot be reassigned: a final or effectively final local or
   * parameter of this member, or a final field whose source is in this compilation.
   */
  @Nullable
  private ExpressionTree aliasedInitializer(ExpressionTree e) {
    if (!(ASTHelpers.getSymbol(e) instanceof VarSymbol var)) {
      return null;
    }
    if (var.getKind() == ElementKind.FIELD) {
      return ASTHelpers.isConsideredFinal(var) ? FieldInitializers.of(state).initializer(var) : null;
    }
    // A local's effectively-final flag comes from javac's flow analysis, which a file read early (for
    // the lock order or a summary) may not have had yet: whether it is assigned again is read here.
    return localInitializers().get(var);
  }

  /** For a final field without an initializer, the value every constructor assigns it, if one. */
  @Nullable
  private ExpressionTree assignedInConstructor(ExpressionTree e) {
    if (!(ASTHelpers.getSymbol(e) instanceof VarSymbol var)
        || var.getKind() != ElementKind.FIELD
        || !ASTHelpers.isConsideredFinal(var)
        || !(JavacTrees.instance(state.context).getTree(var.owner) instanceof ClassTree owner)) {
      return null;
    }
    ExpressionTree[] found = new ExpressionTree[1];
    for (Tree member : owner.getMembers()) {
      if (member instanceof MethodTree ctor && ASTHelpers.getSymbol(ctor).isConstructor()) {
        new TreeScanner<Void, Void>() {
          @Override
          public Void visitAssignment(AssignmentTree node, Void unused) {
            if (ASTHelpers.getSymbol(node.getVariable()) == var) {
              found[0] = node.getExpression();
            }
            return super.visitAssignment(node, unused);
          }
        }.scan(ctor, null);
      }
    }
    return found[0];
  }

  private Map<VarSymbol, ExpressionTree> localInitializers() {
    if (localInitializers == null) {
      Map<VarSymbol, ExpressionTree> inits = new HashMap<>();
      Set<Symbol> assigned = new HashSet<>();
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitVariable(VariableTree node, Void unused) {
          VarSymbol var = ASTHelpers.getSymbol(node);
          if (node.getInitializer() != null && var != null && var.getKind() != ElementKind.FIELD) {
            inits.put(var, node.getInitializer());
          }
          return super.visitVariable(node, unused);
        }

        @Override
        public Void visitAssignment(AssignmentTree node, Void unused) {
          assigned.add(ASTHelpers.getSymbol(node.getVariable()));
          return super.visitAssignment(node, unused);
        }

        @Override
        public Void visitCompoundAssignment(CompoundAssignmentTree node, Void unused) {
          assigned.add(ASTHelpers.getSymbol(node.getVariable()));
          return super.visitCompoundAssignment(node, unused);
        }

        @Override
        public Void visitUnary(UnaryTree node, Void unused) {
          if (node.getExpression() instanceof IdentifierTree) {
            assigned.add(ASTHelpers.getSymbol(node.getExpression()));
          }
          return super.visitUnary(node, unused);
        }

        @Override
        public Void visitClass(ClassTree node, Void unused) {
          return null; // a nested class's locals are not visible here
        }
      }.scan(member instanceof ClassTree cls ? null : member, null);
      inits.keySet().removeAll(assigned); // assigned again: not an alias of its initializer
      localInitializers = inits;
    }
    return localInitializers;
  }

  private ObjectRef receiverRef(ExpressionTree invocation, int depth) {
    ExpressionTree receiver = ASTHelpers.getReceiver(invocation);
    return receiver != null ? resolve(receiver, depth + 1) : thisRef(memberOwner);
  }

  public static ExpressionTree strip(ExpressionTree e) {
    while (true) {
      ExpressionTree s = ASTHelpers.stripParentheses(e);
      if (s instanceof TypeCastTree cast) {
        e = cast.getExpression();
      } else {
        return s;
      }
    }
  }
}
