package dev.deadbolt.blocking;

import static dev.deadbolt.javac.KnownMethod.exactInstanceMethod;
import static dev.deadbolt.javac.KnownMethod.instanceMethod;

import com.google.common.collect.ImmutableMap;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Attribute;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import dev.deadbolt.catalog.BuiltInCatalogs;
import dev.deadbolt.catalog.CatalogEntry;
import dev.deadbolt.catalog.MethodCatalog;
import dev.deadbolt.hierarchy.LockNode;
import dev.deadbolt.locks.AcquiredLock;
import dev.deadbolt.locks.LockId;
import dev.deadbolt.locks.LockOperation;
import dev.deadbolt.locks.LockResolver;
import dev.deadbolt.locks.LockTakers;
import dev.deadbolt.summaries.ModuleEffects;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import org.jspecify.annotations.Nullable;

/**
 * Whether a call blocks, and why: the catalog, any annotation named {@code Blocking}, or (through
 * {@link MethodSummaries}) a method of this compilation that transitively makes such a call. A method,
 * or a class, annotated with any {@code NonBlocking} is trusted never to block.
 */
public final class BlockingCalls {
  private static final Matcher<ExpressionTree> TIMED_WAIT =
      exactInstanceMethod("java.util.concurrent.TimeUnit", "timedWait");
  private static final Matcher<ExpressionTree> CONDITION_AWAIT =
      instanceMethod("java.util.concurrent.locks.Condition").namedWithPrefix("await");

  private final MethodCatalog catalog;
  private final MethodSummaries summaries;
  private final Map<MethodSymbol, Optional<String>> annotationReasons = new HashMap<>();

  public BlockingCalls(
      List<CatalogEntry> entries,
      ImmediateMethods immediate,
      LockTakers lockTakers,
      VisitorState state) {
    this.catalog = new MethodCatalog(withLibrariesOfThisCompile(entries, state));
    this.summaries = new MethodSummaries(this, immediate, lockTakers, state);
  }

  /**
   * {@code entries} and the built-in entries of every library this compile has met: each library's
   * file is parsed only in a compile that can call it ({@link BuiltInCatalogs#librariesKnownTo}).
   */
  private static List<CatalogEntry> withLibrariesOfThisCompile(
      List<CatalogEntry> entries, VisitorState state) {
    List<CatalogEntry> all = new ArrayList<>(entries);
    all.addAll(BuiltInCatalogs.librariesKnownTo(state.getSymtab(), state.getNames()));
    return all;
  }

  /**
   * Why {@code call} (a method invocation, constructor call or method reference run now) blocks, if it
   * does. {@code resolver} names the lock a {@code wait()}/{@code await()} releases.
   */
  public Optional<BlockingCause> causeOf(
      ExpressionTree call, LockResolver resolver, VisitorState state) {
    if (!(ASTHelpers.getSymbol(call) instanceof MethodSymbol method)) {
      return Optional.empty();
    }
    if (call instanceof MethodInvocationTree invocation) {
      Optional<LockOperation.Effect> effect = LockOperation.effectOf(invocation, state);
      if (effect.isPresent()) {
        // Taking or releasing a lock is lock ordering, not blocking, even when the lock's own source
        // (a Lock implementation of this compilation) parks — unless the catalog says taking it is a
        // round trip (a distributed lock: Redisson's RLock). Its release is not a cause of its own.
        return effect.get() == LockOperation.Effect.RELEASE
            ? Optional.empty()
            : catalogCause(call, method, state);
      }
    }
    Optional<BlockingCause> direct = directCause(call, method, resolver, state);
    if (direct.isPresent()) {
      return direct;
    }
    // The summary first: for most calls it is a cached "nothing", cheaper than reading annotations.
    Optional<BlockingCause> summarized = summaries.summaryOf(method).blocksAt(call);
    if (summarized.isEmpty() || isNonBlocking(method)) {
      return Optional.empty();
    }
    return Optional.of(atCallSite(summarized.get().through(method), method, call, resolver));
  }

  /**
   * A cause summarized for {@code callee}, as its call {@code call} sees it: a wait on one of the
   * callee's parameters (a helper that waits on the monitor it is given) gives up the monitor that the
   * call passes, named as the caller's {@code resolver} names it.
   */
  static BlockingCause atCallSite(
      BlockingCause cause, MethodSymbol callee, ExpressionTree call, LockResolver resolver) {
    if (cause.releasesWhileWaiting().isEmpty()
        || !(call instanceof MethodInvocationTree invocation)
        || !(cause.releasesWhileWaiting().get().declaration() instanceof Symbol.VarSymbol parameter)
        || parameter.owner != callee
        || !cause.releasesWhileWaiting().get().isMonitor()) {
      return cause;
    }
    int index = callee.getParameters().indexOf(parameter);
    if (index < 0 || index >= invocation.getArguments().size() || callee.isVarArgs()) {
      return cause;
    }
    return cause.releasing(Optional.of(resolver.monitor(invocation.getArguments().get(index))));
  }

  /** Why a call of a method of this compilation ends up parking on a lock, if it does (for pinning). */
  public Optional<BlockingCause> parksOnLockThrough(ExpressionTree call) {
    // Trusted @NonBlocking methods are taken at their word here too.
    if (!(ASTHelpers.getSymbol(call) instanceof MethodSymbol method) || isNonBlocking(method)) {
      return Optional.empty();
    }
    Optional<BlockingCause> parks = summaries.summaryOf(method).parks();
    return parks.isPresent() ? Optional.of(parks.get().through(method)) : Optional.empty();
  }

  /**
   * Whether taking {@code lock} in {@code method} never waits, or not for long (a lock that is never
   * contended, or only ever held briefly).
   */
  public boolean neverWaitsLong(
      LockId lock, MethodSymbol method, TreePath methodPath, VisitorState state) {
    return summaries.neverWaitsLong(lock, method, methodPath, state);
  }

  /**
   * The locks a call of a method of this compilation waits for, by declaration, with the chain that
   * reaches each.
   */
  public ImmutableMap<LockNode, AcquiredLock> acquiredThrough(ExpressionTree call) {
    if (!(ASTHelpers.getSymbol(call) instanceof MethodSymbol method)) {
      return ImmutableMap.of();
    }
    ImmutableMap.Builder<LockNode, AcquiredLock> acquired = ImmutableMap.builder();
    for (Map.Entry<LockNode, AcquiredLock> lock : summaries.summaryOf(method).acquires().entrySet()) {
      acquired.put(lock.getKey(), lock.getValue().through(method));
    }
    return acquired.buildKeepingLast();
  }

  // ---- Summaries across compilations (#19): what the summaries file records of a method ----------

  /** What running {@code method}, compiled from source here, can do: for the summaries file. */
  public ModuleEffects effectsOf(MethodSymbol method) {
    MethodSummaries.Summary summary = summaries.summaryOf(method);
    return new ModuleEffects(summary.blocks(), summary.parks(), summary.acquires());
  }

  // ------------------------------------------------------------------------------------------------

  /**
   * The catalog's entry for a lock operation, if taking that lock is itself a round trip: named by the
   * receiver's type ({@code RLock.lock()}), since the method is {@code Lock}'s.
   */
  Optional<BlockingCause> catalogCause(ExpressionTree call, MethodSymbol method, VisitorState state) {
    Type receiver = receiverType(call);
    Optional<CatalogEntry> entry = catalog.lookup(method, receiver, state.getTypes());
    if (entry.isEmpty()) {
      return Optional.empty();
    }
    String name =
        receiver != null && receiver.tsym != null
            ? receiver.tsym.getSimpleName() + "." + method.getSimpleName() + "()"
            : BlockingCause.name(method, null);
    return Optional.of(BlockingCause.direct(name, entry.get().reason(), Optional.empty()));
  }

  /** The catalog or annotation says this very call blocks. */
  Optional<BlockingCause> directCause(
      ExpressionTree call, MethodSymbol method, LockResolver resolver, VisitorState state) {
    Optional<String> annotated = annotationReason(method, state);
    if (annotated.isPresent()) {
      return Optional.of(
          BlockingCause.direct(BlockingCause.name(method, null), annotated.get(), Optional.empty()));
    }
    Optional<CatalogEntry> entry = catalog.lookup(method, receiverType(call), state.getTypes());
    if (entry.isEmpty() || CallsThatCannotWait.cannotWait(call, method, resolver, state)) {
      return Optional.empty();
    }
    return Optional.of(
        BlockingCause.direct(
            BlockingCause.name(method, null),
            entry.get().reason(),
            releasedWhileWaiting(call, resolver, state)));
  }

  /** The type the method is looked up on: the receiver's, the constructed one, or the qualifier's. */
  @Nullable
  private static Type receiverType(ExpressionTree call) {
    if (call instanceof MemberReferenceTree ref) {
      return ASTHelpers.getType(ref.getQualifierExpression());
    }
    if (call instanceof NewClassTree) {
      return ASTHelpers.getType(call);
    }
    return ASTHelpers.getReceiverType(call);
  }

  /** {@code m.wait()} gives up monitor {@code m}; {@code c.await()} gives up the lock {@code c} came from. */
  private static Optional<LockId> releasedWhileWaiting(
      ExpressionTree call, LockResolver resolver, VisitorState state) {
    if (call instanceof MemberReferenceTree) {
      return Optional.empty();
    }
    if (isObjectWait(call)) {
      return Optional.of(LockId.of(resolver.receiver(call), LockId.Kind.MONITOR));
    }
    if (TIMED_WAIT.matches(call, state)
        && call instanceof MethodInvocationTree invocation
        && !invocation.getArguments().isEmpty()) {
      // TimeUnit.timedWait(monitor, timeout) waits on its first argument.
      return Optional.of(resolver.monitor(invocation.getArguments().get(0)));
    }
    if (CONDITION_AWAIT.matches(call, state)) {
      ExpressionTree condition = ASTHelpers.getReceiver(call);
      return condition == null ? Optional.empty() : resolver.conditionOwner(condition);
    }
    return Optional.empty();
  }

  /**
   * {@code Object.wait}, whatever the receiver's type ({@code wait()}, {@code this.wait()}, a {@code
   * Set} field's {@code wait()}): by the method, which only {@code Object} declares.
   */
  private static boolean isObjectWait(ExpressionTree call) {
    return ASTHelpers.getSymbol(call) instanceof MethodSymbol method
        && method.getSimpleName().contentEquals("wait")
        && method.owner.getQualifiedName().contentEquals("java.lang.Object");
  }

  /** Any annotation named {@code Blocking} on the method or a method it overrides. */
  private Optional<String> annotationReason(MethodSymbol method, VisitorState state) {
    Optional<String> cached = annotationReasons.get(method);
    if (cached != null) {
      return cached;
    }
    Optional<String> reason = Optional.empty();
    for (MethodSymbol m : withSuperMethods(method, state)) {
      AnnotationMirror blocking = annotationNamed(m, "Blocking");
      if (blocking != null) {
        String value = stringValue(blocking);
        reason = Optional.of(value.isEmpty() ? "is marked @Blocking" : "blocks (" + value + ")");
        break;
      }
    }
    annotationReasons.put(method, reason);
    return reason;
  }

  /**
   * The method and the methods it overrides, nearest first, as {@code ASTHelpers.findSuperMethods}
   * finds them, without its stream: asked once for every method a call reaches.
   */
  private static List<MethodSymbol> withSuperMethods(MethodSymbol method, VisitorState state) {
    if (method.isConstructor() || method.isStatic() || method.isPrivate()) {
      return List.of(method);
    }
    Types types = state.getTypes();
    List<MethodSymbol> methods = new ArrayList<>();
    methods.add(method);
    for (Type supertype : types.closure(method.owner.type)) {
      MethodSymbol overridden = ASTHelpers.findSuperMethodInType(method, supertype, types);
      if (overridden != null) {
        methods.add(overridden);
      }
    }
    return methods;
  }

  /** A method, or its class, annotated with any annotation named {@code NonBlocking}. */
  public static boolean isNonBlocking(MethodSymbol method) {
    return annotationNamed(method, "NonBlocking") != null
        || annotationNamed(method.owner, "NonBlocking") != null;
  }

  /** The first annotation on {@code symbol} whose simple name is {@code simpleName}, whatever its package. */
  @Nullable
  public static AnnotationMirror annotationNamed(Symbol symbol, String simpleName) {
    for (AnnotationMirror annotation : symbol.getAnnotationMirrors()) {
      if (annotation.getAnnotationType().asElement().getSimpleName().contentEquals(simpleName)) {
        return annotation;
      }
    }
    return null;
  }

  private static String stringValue(AnnotationMirror annotation) {
    for (var e : annotation.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals("value")
          && e.getValue() instanceof Attribute.Constant constant
          && constant.getValue() instanceof String s) {
        return s.strip();
      }
    }
    return "";
  }
}
