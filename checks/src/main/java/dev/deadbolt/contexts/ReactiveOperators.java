package dev.deadbolt.contexts;

import static dev.deadbolt.javac.KnownMethod.anyOf;
import static dev.deadbolt.javac.KnownMethod.instanceMethodOfAny;
import static dev.deadbolt.javac.KnownMethod.staticMethod;
import static dev.deadbolt.javac.KnownMethod.staticMethodOfAny;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import dev.deadbolt.catalog.CatalogEntry;
import dev.deadbolt.catalog.MethodCatalog;
import dev.deadbolt.contexts.NonBlockingContext.Kind;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Lambdas given to Reactor and RxJava operators ({@code reactive-operators.txt}), which run on whatever
 * thread signals the stream, unless the chain moves them to a scheduler.
 *
 * <p>The chain is the calls written as one expression. An operator runs where the nearest {@code
 * publishOn}/{@code observeOn}/{@code runOn} upstream of it puts it, else where the {@code subscribeOn}
 * nearest the source puts it, else on the signalling thread. A scheduler known to forbid blocking
 * ({@code Schedulers.parallel()}, RxJava's {@code computation()}) keeps the lambda a non-blocking
 * context; {@code immediate()}/{@code trampoline()} move nothing; any other scheduler, including one
 * held in a variable, is taken as the author's explicit move off the event loop.
 */
final class ReactiveOperators {
  private static final ImmutableList<String> PUBLISHERS =
      ImmutableList.of(
          "reactor.core.publisher.Flux",
          "reactor.core.publisher.Mono",
          "reactor.core.publisher.ParallelFlux",
          "io.reactivex.rxjava3.core.Flowable",
          "io.reactivex.rxjava3.core.Observable",
          "io.reactivex.rxjava3.core.Single",
          "io.reactivex.rxjava3.core.Maybe",
          "io.reactivex.rxjava3.core.Completable",
          "io.reactivex.Flowable",
          "io.reactivex.Observable",
          "io.reactivex.Single",
          "io.reactivex.Maybe",
          "io.reactivex.Completable");
  private static final ImmutableList<String> RX_SCHEDULERS =
      ImmutableList.of(
          "io.reactivex.rxjava3.schedulers.Schedulers", "io.reactivex.schedulers.Schedulers");

  /** Moves the operators downstream of it. */
  private static final Matcher<ExpressionTree> PUBLISH_ON =
      instanceMethodOfAny(PUBLISHERS, "publishOn", "observeOn", "runOn");
  /** Moves the subscription, and so the source and every operator before the first publishOn. */
  private static final Matcher<ExpressionTree> SUBSCRIBE_ON =
      instanceMethodOfAny(PUBLISHERS, "subscribeOn");
  private static final Matcher<ExpressionTree> NON_BLOCKING_SCHEDULER =
      anyOf(
          staticMethod(
              "reactor.core.scheduler.Schedulers", "parallel", "single", "newParallel", "newSingle"),
          staticMethodOfAny(RX_SCHEDULERS, "computation", "single"));
  private static final Matcher<ExpressionTree> SAME_THREAD_SCHEDULER =
      anyOf(
          staticMethod("reactor.core.scheduler.Schedulers", "immediate"),
          staticMethodOfAny(RX_SCHEDULERS, "trampoline"));

  /** Where a {@code publishOn}/{@code subscribeOn} sends the work. */
  private enum Move {
    /** A scheduler whose threads must not block. */
    NON_BLOCKING,
    /** The current thread: no move. */
    NONE,
    /** Any other scheduler: off the signalling thread. */
    OFF
  }

  private final Supplier<List<CatalogEntry>> entries;
  /**
   * Read on the first lambda of a compilation that has a publisher type on its class path, empty
   * without one: every type the catalog names is one of {@link #PUBLISHERS} (a test holds it to that).
   */
  private @Nullable Optional<MethodCatalog> operators;

  ReactiveOperators(Supplier<List<CatalogEntry>> entries) {
    this.entries = entries;
  }

  private Optional<MethodCatalog> operators(VisitorState state) {
    if (operators == null) {
      operators = Optional.empty();
      for (String publisher : PUBLISHERS) {
        if (state.getTypeFromString(publisher) != null) {
          operators = Optional.of(new MethodCatalog(entries.get()));
          break;
        }
      }
    }
    return operators;
  }

  /** The types whose operators the catalog lists, and which publishOn/subscribeOn move. */
  static ImmutableList<String> publisherTypes() {
    return PUBLISHERS;
  }

  /**
   * The context of the lambda or method reference at {@code function}, an argument of the call at
   * {@code callPath}, when that call is a reactive operator the chain leaves on a non-blocking thread.
   */
  Optional<NonBlockingContext> contextOf(TreePath function, TreePath callPath, VisitorState state) {
    Optional<MethodCatalog> catalog = operators(state);
    if (catalog.isEmpty()) {
      return Optional.empty();
    }
    MethodInvocationTree call = (MethodInvocationTree) callPath.getLeaf();
    MethodSymbol method = ASTHelpers.getSymbol(call);
    if (method == null) {
      return Optional.empty();
    }
    Optional<CatalogEntry> operator =
        catalog.get().lookup(method, ASTHelpers.getReceiverType(call), state.getTypes());
    if (operator.isEmpty()) {
      return Optional.empty();
    }
    String given =
        NonBlockingContexts.functionNoun(function)
            + " given to `"
            + method.owner.getSimpleName()
            + "."
            + method.getSimpleName()
            + "()`";
    MethodInvocationTree scheduling = schedulingOf(call, callPath, state);
    if (scheduling == null) {
      return Optional.of(
          new NonBlockingContext(
              Kind.REACTIVE_OPERATOR, given + ", " + operator.get().reason(), callPath));
    }
    if (move(scheduling, state) == Move.OFF) {
      return Optional.empty();
    }
    return Optional.of(
        new NonBlockingContext(
            Kind.NON_BLOCKING_SCHEDULER,
            given + " on `" + scheduling.getArguments().get(0) + "`",
            callPath));
  }

  /**
   * The {@code publishOn}/{@code subscribeOn} that decides where {@code operator} runs, or null when it
   * runs on the signalling thread; moves to the current thread are skipped.
   */
  @Nullable
  private static MethodInvocationTree schedulingOf(
      MethodInvocationTree operator, TreePath operatorPath, VisitorState state) {
    MethodInvocationTree subscribeOn = null;
    for (ExpressionTree upstream = ASTHelpers.getReceiver(operator);
        upstream instanceof MethodInvocationTree call;
        upstream = ASTHelpers.getReceiver(call)) {
      if (PUBLISH_ON.matches(call, state) && move(call, state) != Move.NONE) {
        return call;
      }
      if (SUBSCRIBE_ON.matches(call, state) && move(call, state) != Move.NONE) {
        subscribeOn = call; // the last one seen is the nearest the source
      }
    }
    if (subscribeOn != null) {
      return subscribeOn;
    }
    for (TreePath path = operatorPath;
        path.getParentPath().getLeaf() instanceof MemberSelectTree select
            && select.getExpression() == path.getLeaf()
            && path.getParentPath().getParentPath().getLeaf() instanceof MethodInvocationTree next
            && next.getMethodSelect() == select;
        path = path.getParentPath().getParentPath()) {
      if (SUBSCRIBE_ON.matches(next, state) && move(next, state) != Move.NONE) {
        return next; // the first one downstream is the nearest the source
      }
    }
    return null;
  }

  private static Move move(MethodInvocationTree schedulingCall, VisitorState state) {
    if (schedulingCall.getArguments().isEmpty()) {
      return Move.NONE;
    }
    ExpressionTree scheduler = ASTHelpers.stripParentheses(schedulingCall.getArguments().get(0));
    if (NON_BLOCKING_SCHEDULER.matches(scheduler, state)) {
      return Move.NON_BLOCKING;
    }
    if (SAME_THREAD_SCHEDULER.matches(scheduler, state)) {
      return Move.NONE;
    }
    return Move.OFF;
  }
}
