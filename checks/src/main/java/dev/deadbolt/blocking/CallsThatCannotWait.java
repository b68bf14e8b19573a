package dev.deadbolt.blocking;

import static dev.deadbolt.javac.KnownMethod.constructorOfAny;
import static dev.deadbolt.javac.KnownMethod.instanceMethod;
import static dev.deadbolt.javac.KnownMethod.staticMethod;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.util.Context;
import dev.deadbolt.backpressure.ThreadPoolConstructors;
import dev.deadbolt.backpressure.UnboundedBuffers;
import dev.deadbolt.javac.FieldInitializers;
import dev.deadbolt.locks.LockResolver;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Calls the catalog lists as blocking that cannot wait where they are made, because of how their
 * receiver was built:
 *
 * <ul>
 *   <li>{@code put} or a timed {@code offer} (and a deque's {@code First}/{@code Last} forms) on a
 *       queue with no capacity never waits for space: the receiver is a {@code PriorityBlockingQueue},
 *       {@code DelayQueue} or {@code LinkedTransferQueue} by its type, or a final field or a local
 *       every value of which is a construction with no capacity ({@link UnboundedBuffers}).
 *       {@code take} and a timed {@code poll} still wait, for an element.
 *   <li>{@code awaitTermination} (after a {@code shutdown}) or {@code close} on an executor that a
 *       local of the same method created and that is only ever shut down or asked about: it has no
 *       task to wait for.
 * </ul>
 *
 * Asked only for calls the catalog says block; most of those are neither of the above, and are told
 * apart by the method alone.
 */
final class CallsThatCannotWait {
  private static final Context.Key<CallsThatCannotWait> KEY = new Context.Key<>();

  private static final Matcher<ExpressionTree> WAITS_FOR_SPACE =
      instanceMethod(
          "java.util.concurrent.BlockingQueue",
          "put",
          "putFirst",
          "putLast",
          "offer",
          "offerFirst",
          "offerLast");
  private static final Matcher<ExpressionTree> WAITS_FOR_TERMINATION =
      instanceMethod("java.util.concurrent.ExecutorService", "awaitTermination", "close");

  /** What can be asked of an executor without giving it a task. */
  private static final ImmutableSet<String> LIFECYCLE =
      ImmutableSet.of(
          "shutdown",
          "shutdownNow",
          "awaitTermination",
          "isShutdown",
          "isTerminated",
          "isTerminating",
          "close");

  private static final ImmutableSet<String> SHUTS_DOWN =
      ImmutableSet.of("shutdown", "shutdownNow", "close");

  /** Each of these makes a new executor with no task and no thread. */
  private static final Matcher<ExpressionTree> NEW_EXECUTOR =
      staticMethod("java.util.concurrent.Executors").namedWithPrefix("new");
  private static final Matcher<ExpressionTree> NEW_POOL =
      constructorOfAny(
                  ImmutableList.of(
                      "java.util.concurrent.ThreadPoolExecutor",
                      "java.util.concurrent.ScheduledThreadPoolExecutor",
                      "java.util.concurrent.ForkJoinPool"));

  private final Map<VarSymbol, Boolean> withoutCapacity = new IdentityHashMap<>();

  private CallsThatCannotWait() {}

  /**
   * Whether {@code call} of {@code method}, which the catalog lists as blocking, cannot wait here.
   * {@code resolver} reads the member the call is in.
   */
  static boolean cannotWait(
      ExpressionTree call, MethodSymbol method, LockResolver resolver, VisitorState state) {
    String name = method.getSimpleName().toString();
    boolean space = name.startsWith("put") || name.startsWith("offer");
    if (!space && !name.equals("awaitTermination") && !name.equals("close")) {
      return false; // the cost for almost every blocking call
    }
    if (space && WAITS_FOR_SPACE.matches(call, state)) {
      return of(state).hasNoCapacity(call, method, resolver, state);
    }
    return !space
        && call instanceof MethodInvocationTree invocation
        && WAITS_FOR_TERMINATION.matches(call, state)
        && hasNoTask(invocation, resolver, state);
  }

  private static CallsThatCannotWait of(VisitorState state) {
    CallsThatCannotWait known = state.context.get(KEY);
    if (known == null) {
      known = new CallsThatCannotWait();
      state.context.put(KEY, known);
    }
    return known;
  }

  // ---- put and timed offer on a queue with no capacity ---------------------------------------------

  private boolean hasNoCapacity(
      ExpressionTree call, MethodSymbol method, LockResolver resolver, VisitorState state) {
    // The class's own put or offer, not a subclass's override: a queue of that class has no bound.
    if (UnboundedBuffers.NEVER_BOUNDED.contains(method.owner.getQualifiedName().toString())) {
      return true;
    }
    ExpressionTree receiver =
        call instanceof MemberReferenceTree ref
            ? ref.getQualifierExpression()
            : ASTHelpers.getReceiver(call);
    if (receiver == null
        || !(ASTHelpers.getSymbol(LockResolver.strip(receiver)) instanceof VarSymbol var)) {
      return false;
    }
    Boolean known = withoutCapacity.get(var);
    if (known == null) {
      List<ExpressionTree> values = valuesOf(var, resolver, state);
      known =
          values != null
              && !values.isEmpty()
              && values.stream().allMatch(value -> isConstructedWithoutCapacity(value, state));
      withoutCapacity.put(var, known);
    }
    return known;
  }

  /**
   * Every value a final field or a local is given, or null when they cannot all be seen: a field's
   * initializer, or its assignments in its class's constructors and initializer blocks; a local's
   * initializer and assignments in the member it is declared in.
   */
  @Nullable
  private static List<ExpressionTree> valuesOf(
      VarSymbol var, LockResolver resolver, VisitorState state) {
    if (var.getKind() == ElementKind.FIELD) {
      if ((var.flags() & Flags.FINAL) == 0) {
        return null;
      }
      ExpressionTree initializer = FieldInitializers.of(state).initializer(var);
      if (initializer != null) {
        return List.of(initializer);
      }
      ClassTree owner =
          var.owner instanceof ClassSymbol cls ? JavacTrees.instance(state.context).getTree(cls) : null;
      if (owner == null) {
        return null;
      }
      List<ExpressionTree> values = new ArrayList<>();
      for (Tree member : owner.getMembers()) {
        // A final field is assigned in constructors or initializer blocks only.
        if (member instanceof MethodTree m && ASTHelpers.getSymbol(m).isConstructor()
            || member instanceof BlockTree) {
          values.addAll(assignments(var, member).values);
        }
      }
      return values;
    }
    if (var.getKind() != ElementKind.LOCAL_VARIABLE) {
      return null;
    }
    Assignments found = assignments(var, resolver.member());
    return found.declared ? found.values : null;
  }

  private record Assignments(boolean declared, List<ExpressionTree> values) {}

  /** The declaration of {@code var} in {@code scope}, and the values it is given there. */
  private static Assignments assignments(VarSymbol var, Tree scope) {
    List<ExpressionTree> values = new ArrayList<>();
    boolean[] declared = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        if (ASTHelpers.getSymbol(node) == var) {
          declared[0] = true;
          if (node.getInitializer() != null) {
            values.add(node.getInitializer());
          }
        }
        return super.visitVariable(node, unused);
      }

      @Override
      public Void visitAssignment(AssignmentTree node, Void unused) {
        if (ASTHelpers.getSymbol(node.getVariable()) == var) {
          values.add(node.getExpression());
        }
        return super.visitAssignment(node, unused);
      }
    }.scan(scope, null);
    return new Assignments(declared[0], values);
  }

  /** A construction UnboundedQueue would report, and not an anonymous subclass (which may bound it). */
  private static boolean isConstructedWithoutCapacity(ExpressionTree value, VisitorState state) {
    ExpressionTree e = LockResolver.strip(value);
    return !(e instanceof NewClassTree created && created.getClassBody() != null)
        && UnboundedBuffers.recognize(e, state).isPresent();
  }

  // ---- awaitTermination and close on an executor that never had a task -----------------------------

  private static boolean hasNoTask(
      MethodInvocationTree call, LockResolver resolver, VisitorState state) {
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    if (!(receiver instanceof IdentifierTree)
        || !(ASTHelpers.getSymbol(receiver) instanceof VarSymbol local)
        || local.getKind() != ElementKind.LOCAL_VARIABLE) {
      return false;
    }
    ExpressionTree[] created = {null};
    List<Tree> callAncestors = new ArrayList<>();
    boolean[] otherUse = {false};
    new TreeScanner<Void, Void>() {
      /** The trees from the member down to the one being scanned. */
      private final List<Tree> ancestors = new ArrayList<>();

      @Override
      public Void scan(Tree tree, Void unused) {
        if (tree == null || otherUse[0]) {
          return null;
        }
        ancestors.add(tree);
        try {
          return super.scan(tree, unused);
        } finally {
          ancestors.remove(ancestors.size() - 1);
        }
      }

      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        if (ASTHelpers.getSymbol(node) == local) {
          created[0] = node.getInitializer();
        }
        return super.visitVariable(node, unused);
      }

      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        if (ASTHelpers.getSymbol(node) == local && !isLifecycleCall(ancestors)) {
          otherUse[0] = true; // a task, an alias, an argument, a reassignment
        }
        return null;
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        if (node == call) {
          callAncestors.addAll(ancestors);
        }
        return super.visitMethodInvocation(node, unused);
      }
    }.scan(resolver.member(), null);
    if (otherUse[0] || callAncestors.isEmpty() || !isNewExecutor(created[0], state)) {
      return false;
    }
    // close() shuts the executor down itself; awaitTermination() waits unless that happened before.
    return ASTHelpers.getSymbol(call).getSimpleName().contentEquals("close")
        || shutDownBefore(callAncestors, local);
  }

  /**
   * The identifier last in {@code ancestors} is the receiver of a lifecycle call: {@code
   * it.shutdown()}.
   */
  private static boolean isLifecycleCall(List<Tree> ancestors) {
    int at = ancestors.size() - 1;
    return at >= 2
        && ancestors.get(at - 1) instanceof MemberSelectTree select
        && ancestors.get(at - 2) instanceof MethodInvocationTree invocation
        && invocation.getMethodSelect() == select
        && LIFECYCLE.contains(select.getIdentifier().toString());
  }

  /**
   * A new executor with no task yet: an {@code Executors.new...} factory, or a pool constructed with
   * no work queue or an empty new one (a queue given with tasks in it would keep it from terminating).
   */
  private static boolean isNewExecutor(@Nullable ExpressionTree initializer, VisitorState state) {
    if (initializer == null) {
      return false;
    }
    ExpressionTree e = LockResolver.strip(initializer);
    if (NEW_EXECUTOR.matches(e, state)) {
      return true;
    }
    if (!(e instanceof NewClassTree created)
        || created.getClassBody() != null
        || !NEW_POOL.matches(e, state)) {
      return false;
    }
    List<? extends ExpressionTree> args = ThreadPoolConstructors.arguments(e, state);
    return args.isEmpty() || isNewEmptyQueue(args.get(ThreadPoolConstructors.WORK_QUEUE));
  }

  /** {@code new LinkedBlockingQueue<>(n)}: constructed here, from numbers and flags only. */
  private static boolean isNewEmptyQueue(ExpressionTree queue) {
    if (!(LockResolver.strip(queue) instanceof NewClassTree created)
        || created.getClassBody() != null) {
      return false;
    }
    for (ExpressionTree arg : created.getArguments()) {
      Type type = ASTHelpers.getType(arg);
      if (type == null || !type.isPrimitive()) {
        return false;
      }
    }
    return true;
  }

  /**
   * A statement {@code local.shutdown()} (or {@code shutdownNow()}, {@code close()}) precedes the
   * call (last of {@code ancestors}) in a block around it, so it ran on every path to the call.
   */
  private static boolean shutDownBefore(List<Tree> ancestors, VarSymbol local) {
    for (int i = ancestors.size() - 2; i >= 0; i--) {
      if (ancestors.get(i) instanceof BlockTree block) {
        Tree child = ancestors.get(i + 1);
        for (StatementTree statement : block.getStatements()) {
          if (statement == child) {
            break;
          }
          if (isShutdownOf(statement, local)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean isShutdownOf(StatementTree statement, VarSymbol local) {
    return statement instanceof ExpressionStatementTree expression
        && expression.getExpression() instanceof MethodInvocationTree call
        && call.getMethodSelect() instanceof MemberSelectTree select
        && SHUTS_DOWN.contains(select.getIdentifier().toString())
        && ASTHelpers.getSymbol(select.getExpression()) == local;
  }
}
