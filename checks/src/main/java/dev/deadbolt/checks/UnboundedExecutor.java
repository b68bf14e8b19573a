package dev.deadbolt.checks;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;
import static dev.deadbolt.javac.KnownMethod.anyOf;
import static dev.deadbolt.javac.KnownMethod.constructor;
import static dev.deadbolt.javac.KnownMethod.staticMethod;

import com.google.auto.service.AutoService;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.BugPattern.LinkType;
import com.google.errorprone.BugPattern.StandardTags;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.tools.javac.code.Symbol;
import dev.deadbolt.backpressure.BackpressureOptions;
import dev.deadbolt.backpressure.BoundedThreadPool.Rejection;
import dev.deadbolt.backpressure.BoundedThreadPool;
import dev.deadbolt.backpressure.CapacityArguments;
import dev.deadbolt.backpressure.MethodScopedExecutors;
import dev.deadbolt.backpressure.ThreadPoolConstructors;
import dev.deadbolt.backpressure.UnboundedBuffer;
import dev.deadbolt.backpressure.UnboundedBuffers;
import dev.deadbolt.engine.BackpressureChecker;
import dev.deadbolt.engine.DocLinks;
import dev.deadbolt.engine.Finding;
import dev.deadbolt.engine.NodeMatchers.MethodInvocationMatcher;
import dev.deadbolt.engine.NodeMatchers.NewClassMatcher;
import dev.deadbolt.javac.Calls;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;

/** Reports the creation of an executor whose work queue or thread count has no bound. */
@AutoService(BugChecker.class)
@BugPattern(
    name = "UnboundedExecutor",
    summary =
        "This executor's work queue or thread count has no bound; when its threads fall behind,"
            + " tasks or threads pile up until memory runs out",
    severity = WARNING,
    linkType = LinkType.CUSTOM,
    link = DocLinks.BASE + "UnboundedExecutor.md",
    tags = StandardTags.CONCURRENCY)
public final class UnboundedExecutor extends BackpressureChecker
    implements MethodInvocationMatcher, NewClassMatcher {

  private static final String EXECUTORS = "java.util.concurrent.Executors";

  // A LinkedBlockingQueue with no capacity behind n threads (one for the single-thread executor).
  private static final Matcher<ExpressionTree> FIXED_POOL =
      staticMethod(EXECUTORS, "newFixedThreadPool");
  private static final Matcher<ExpressionTree> SINGLE_THREAD =
      staticMethod(EXECUTORS, "newSingleThreadExecutor");
  // A SynchronousQueue in front of up to Integer.MAX_VALUE threads.
  private static final Matcher<ExpressionTree> CACHED_POOL =
      staticMethod(EXECUTORS, "newCachedThreadPool");

  // Reported only with -XepOpt:Deadbolt:StrictExecutorBounds: unbounded by design, usually used
  // deliberately, and the JDK has no bounded variant to switch to (see UnboundedExecutor.md).
  private static final Matcher<ExpressionTree> SCHEDULED_POOL =
      anyOf(
          staticMethod(EXECUTORS, "newScheduledThreadPool", "newSingleThreadScheduledExecutor"),
          constructor("java.util.concurrent.ScheduledThreadPoolExecutor"));
  private static final Matcher<ExpressionTree> WORK_STEALING_POOL =
      staticMethod(EXECUTORS, "newWorkStealingPool");
  private static final Matcher<ExpressionTree> THREAD_PER_TASK =
      staticMethod(EXECUTORS, "newVirtualThreadPerTaskExecutor", "newThreadPerTaskExecutor");

  /** How every call matched here is written: a factory, a constructor, or a subclass's super(). */
  private static final ImmutableSet<String> WRITTEN_NAMES =
      ImmutableSet.of(
          "newFixedThreadPool",
          "newSingleThreadExecutor",
          "newCachedThreadPool",
          "newScheduledThreadPool",
          "newSingleThreadScheduledExecutor",
          "newWorkStealingPool",
          "newVirtualThreadPerTaskExecutor",
          "newThreadPerTaskExecutor",
          "ThreadPoolExecutor",
          "ScheduledThreadPoolExecutor",
          "super",
          "this");

  private static final String TASKS_PILE_UP = "submitted tasks pile up until the heap runs out.";
  private static final String THREADS_PILE_UP =
      "when tasks arrive faster than they finish, threads pile up until memory or the OS thread"
          + " limit runs out.";

  /** For ServiceLoader; Error Prone itself uses the flags constructor. */
  public UnboundedExecutor() {
    super(BackpressureOptions.defaults());
  }

  @Inject
  public UnboundedExecutor(ErrorProneFlags flags) {
    super(BackpressureOptions.fromFlags(flags));
  }

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    return check(tree, tree.getArguments(), state);
  }

  @Override
  public Description matchNewClass(NewClassTree tree, VisitorState state) {
    return check(tree, tree.getArguments(), state);
  }

  private Description check(
      ExpressionTree tree, List<? extends ExpressionTree> args, VisitorState state) {
    return describe(tree, args, state).map(Finding::report).orElse(Description.NO_MATCH);
  }

  private Optional<Finding> describe(
      ExpressionTree tree, List<? extends ExpressionTree> args, VisitorState state) {
    if (!WRITTEN_NAMES.contains(Calls.simpleName(tree))) {
      return Optional.empty(); // by the name as written: most calls are none of the ones below
    }
    int capacity = options.defaultCapacity();
    if (FIXED_POOL.matches(tree, state)) {
      if (MethodScopedExecutors.isShutDownBeforeReturn(state)) {
        return Optional.empty(); // its queue holds at most what its method submitted (also below)
      }
      Finding description =
          finding(tree, state)
              .message(
                  "Executors.newFixedThreadPool queues tasks in a LinkedBlockingQueue with no"
                      + " capacity: when its threads fall behind, "
                      + TASKS_PILE_UP);
      Optional<ExpressionTree> threadFactory = argument(args, 1);
      // AbortPolicy first: the fix a patching run applies keeps every task on the pool's threads.
      for (Rejection rejection : List.of(Rejection.ABORT, Rejection.CALLER_RUNS)) {
        BoundedThreadPool.replacing(tree, args.get(0), threadFactory, capacity, rejection, state)
            .ifPresent(description::fix);
      }
      return Optional.of(description);
    }
    if (SINGLE_THREAD.matches(tree, state)) {
      if (MethodScopedExecutors.isShutDownBeforeReturn(state)) {
        return Optional.empty();
      }
      // No CallerRunsPolicy here: running a task on the caller would break the one-at-a-time order
      // a single-thread executor promises.
      Optional<ExpressionTree> threadFactory = argument(args, 0);
      return Optional.of(
          finding(tree, state)
              .message(
                  "Executors.newSingleThreadExecutor queues tasks in a LinkedBlockingQueue with no"
                      + " capacity: when its thread falls behind, "
                      + TASKS_PILE_UP)
              .fix(
                  BoundedThreadPool.replacing(
                      tree, "1", threadFactory, capacity, Rejection.ABORT, state)));
    }
    if (CACHED_POOL.matches(tree, state)) {
      // Reported even when its method shuts it down: every task it is given may start a thread.
      return message(
          tree,
          state,
          "Executors.newCachedThreadPool starts a new thread for every task no idle thread can"
              + " take: "
              + THREADS_PILE_UP);
    }
    List<? extends ExpressionTree> poolArgs = ThreadPoolConstructors.arguments(tree, state);
    if (!poolArgs.isEmpty()) {
      return describeThreadPool(tree, poolArgs, state);
    }
    if (!options.strictExecutors()) {
      return Optional.empty();
    }
    if (MethodScopedExecutors.isShutDownBeforeReturn(state)) {
      return Optional.empty(); // what piles up below is what its method submitted
    }
    if (SCHEDULED_POOL.matches(tree, state)) {
      return message(
          tree,
          state,
          name(tree)
              + " keeps tasks in an unbounded delay queue: when tasks are scheduled faster than"
              + " they run, they pile up until the heap runs out.");
    }
    if (WORK_STEALING_POOL.matches(tree, state)) {
      return message(
          tree,
          state,
          "Executors.newWorkStealingPool queues tasks in unbounded ForkJoinPool queues: when its"
              + " workers fall behind, "
              + TASKS_PILE_UP);
    }
    if (THREAD_PER_TASK.matches(tree, state)) {
      return message(
          tree,
          state,
          name(tree)
              + " starts a thread for every task: when tasks arrive faster than they finish,"
              + " threads and everything they hold pile up until the heap runs out.");
    }
    return Optional.empty();
  }

  private Optional<Finding> describeThreadPool(
      ExpressionTree tree, List<? extends ExpressionTree> args, VisitorState state) {
    Optional<UnboundedBuffer> queue =
        UnboundedBuffers.recognize(args.get(ThreadPoolConstructors.WORK_QUEUE), state);
    if (queue.isPresent()) {
      if (MethodScopedExecutors.isShutDownBeforeReturn(state)) {
        return Optional.empty();
      }
      Finding description =
          finding(tree, state)
              .message(
                  "This ThreadPoolExecutor's work queue, "
                      + queue.get().subject()
                      + ", grows without bound: when its threads fall behind, submitted tasks pile"
                      + " up until the heap runs out (and no thread beyond corePoolSize ever"
                      + " starts).");
      queue.get().fix(options.defaultCapacity(), state).ifPresent(description::fix);
      return Optional.of(description);
    }
    if (CapacityArguments.isNoBound(args.get(ThreadPoolConstructors.MAXIMUM_POOL_SIZE))) {
      return message(
          tree,
          state,
          "This ThreadPoolExecutor's maximumPoolSize of Integer.MAX_VALUE is no bound: "
              + THREADS_PILE_UP);
    }
    return Optional.empty();
  }

  private Optional<Finding> message(ExpressionTree tree, VisitorState state, String message) {
    return Optional.of(finding(tree, state).message(message));
  }

  private static Optional<ExpressionTree> argument(
      List<? extends ExpressionTree> args, int index) {
    return index < args.size() ? Optional.of(args.get(index)) : Optional.empty();
  }

  // "Executors.newScheduledThreadPool", or the class name for a constructor.
  private static String name(ExpressionTree tree) {
    Symbol symbol = ASTHelpers.getSymbol(tree);
    return symbol.isConstructor()
        ? symbol.owner.getSimpleName().toString()
        : symbol.owner.getSimpleName() + "." + symbol.getSimpleName();
  }
}
