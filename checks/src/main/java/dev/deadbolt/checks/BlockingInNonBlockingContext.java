package dev.deadbolt.checks;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern.LinkType;
import com.google.errorprone.BugPattern.SeverityLevel;
import com.google.errorprone.BugPattern.StandardTags;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.tools.javac.code.Symbol;
import dev.deadbolt.blocking.BlockingCause;
import dev.deadbolt.config.DeadboltConfig;
import dev.deadbolt.contexts.NonBlockingContext;
import dev.deadbolt.engine.DocLinks;
import dev.deadbolt.engine.Finding;
import dev.deadbolt.engine.LockAnalyses;
import dev.deadbolt.engine.LockAnalysisChecker;
import dev.deadbolt.engine.NodeMatchers.MemberReferenceMatcher;
import dev.deadbolt.engine.NodeMatchers.MethodInvocationMatcher;
import dev.deadbolt.engine.NodeMatchers.NewClassMatcher;
import dev.deadbolt.fixes.ExplicitExecutorFix;
import java.util.Optional;
import javax.inject.Inject;

/**
 * Reports a blocking call on a thread that must not block: a method marked {@code @NonBlocking}, a task
 * on the common {@code ForkJoinPool}, a Netty event loop, a reactive operator. For a {@code
 * CompletableFuture} {@code *Async} call without an executor, the fix passes the one in scope.
 */
@AutoService(BugChecker.class)
@BugPattern(
    name = "BlockingInNonBlockingContext",
    summary = "A blocking call is made on a thread that must not block",
    severity = SeverityLevel.WARNING,
    linkType = LinkType.CUSTOM,
    link = DocLinks.BASE + "BlockingInNonBlockingContext.md",
    tags = StandardTags.CONCURRENCY)
public final class BlockingInNonBlockingContext extends LockAnalysisChecker
    implements MethodInvocationMatcher, NewClassMatcher, MemberReferenceMatcher {

  private static final String COMMON_POOL =
      ", which runs on the common ForkJoinPool, so it holds one of the few threads that every"
          + " default async task and parallel stream in the JVM shares";

  public BlockingInNonBlockingContext() {
    super(DeadboltConfig.defaults());
  }

  @Inject
  BlockingInNonBlockingContext(ErrorProneFlags flags) {
    super(DeadboltConfig.fromFlags(flags));
  }

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    return check(tree, state);
  }

  @Override
  public Description matchNewClass(NewClassTree tree, VisitorState state) {
    return check(tree, state);
  }

  @Override
  public Description matchMemberReference(MemberReferenceTree tree, VisitorState state) {
    // supplyAsync(this::load) runs load() on the common pool; the analysis says where it runs.
    return check(tree, state);
  }

  private Description check(ExpressionTree call, VisitorState state) {
    LockAnalyses analyses = analyses(state);
    // The context first: for code outside one it is a walk up the tree path, nothing more.
    Optional<NonBlockingContext> context =
        analyses.nonBlockingContexts().contextOf(state.getPath(), state);
    if (context.isEmpty() || context.get().takesACompletedResult(call, state)) {
      return Description.NO_MATCH;
    }
    Optional<BlockingCause> cause =
        analyses
            .blockingCalls()
            .causeOf(call, analyses.heldLocks().resolverFor(state.getPath(), state), state);
    if (cause.isEmpty()) {
      return Description.NO_MATCH;
    }
    ClassTree enclosingClass = ASTHelpers.findEnclosingNode(state.getPath(), ClassTree.class);
    Finding finding =
        finding(call, state)
            .message(
                cause.get().describe(enclosingClass == null ? null : ASTHelpers.getSymbol(enclosingClass))
                    + " in "
                    + context.get().description()
                    + consequence(context.get()));
    if (context.get().kind() == NonBlockingContext.Kind.DEFAULT_ASYNC_EXECUTOR) {
      finding.fix(ExplicitExecutorFix.of(context.get().origin(), state));
    }
    return finding.report();
  }

  /** Why blocking there hurts, and what to do instead, as the end of the sentence. */
  private static String consequence(NonBlockingContext context) {
    return switch (context.kind()) {
      case NON_BLOCKING_METHOD ->
          ", so a caller that relies on it never blocking (an event loop, a shared pool) stalls with it";
      case DEFAULT_ASYNC_EXECUTOR -> COMMON_POOL + ": pass an executor meant for blocking work";
      case COMMON_POOL -> COMMON_POOL + ": submit it to an executor meant for blocking work";
      case PARALLEL_STREAM -> COMMON_POOL + ": do the blocking work outside the parallel stream";
      case EVENT_LOOP_CALLBACK ->
          ", which runs on an event loop, so every channel that loop serves stalls until it returns";
      case REACTIVE_OPERATOR ->
          ", which runs on whatever thread signals the stream (an event loop in a reactive server),"
              + " so everything that thread serves stalls: move the call off it with "
              + moveOff(context);
      case NON_BLOCKING_SCHEDULER ->
          ", whose few threads must never block, so every task scheduled there stalls: use "
              + blockingScheduler(context)
              + " for blocking work";
    };
  }

  /**
   * How to move the lambda to a scheduler meant for blocking: {@code subscribeOn} for a source (a
   * static factory such as {@code Mono.fromCallable}), {@code publishOn}/{@code observeOn} for an
   * operator.
   */
  private static String moveOff(NonBlockingContext context) {
    Symbol method = ASTHelpers.getSymbol(context.origin().getLeaf());
    String operator =
        method != null && method.isStatic()
            ? "subscribeOn"
            : isReactor(context) ? "publishOn" : "observeOn";
    return "`" + operator + "(" + blockingScheduler(context).replace("`", "") + ")`";
  }

  /** Reactor's {@code Schedulers.boundedElastic()}, or RxJava's {@code Schedulers.io()}. */
  private static String blockingScheduler(NonBlockingContext context) {
    return isReactor(context) ? "`Schedulers.boundedElastic()`" : "`Schedulers.io()`";
  }

  private static boolean isReactor(NonBlockingContext context) {
    Symbol method = ASTHelpers.getSymbol(context.origin().getLeaf());
    return method != null && method.owner.getQualifiedName().toString().startsWith("reactor.");
  }
}
