package dev.deadbolt.contexts;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import dev.deadbolt.blocking.BlockingCalls;
import dev.deadbolt.blocking.BlockingCause;
import dev.deadbolt.blocking.ImmediateMethods;
import dev.deadbolt.catalog.CatalogEntry;
import dev.deadbolt.contexts.NonBlockingContext.Kind;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Whether code runs on a thread that must not block, and why: the thread of a method marked {@code
 * NonBlocking} or of an event-loop callback, the common {@code ForkJoinPool} for tasks handed to it, or
 * whatever thread signals a reactive stream.
 *
 * <p>The innermost lambda, method reference or method around the code decides. A lambda handed to the
 * common pool, a parallel stream or a reactive operator is a context of its own. A lambda given to an
 * {@link ImmediateMethods immediate} method ({@code forEach}, a sequential stream) runs where the code
 * around it runs. Any other lambda, and every anonymous or local class, runs later on a thread this
 * cannot see: inside a {@code @NonBlocking} method, a task handed to an executor is not a context.
 */
public final class NonBlockingContexts {
  private final ImmediateMethods immediate;
  private final EventLoopCallbacks callbacks;
  private final ReactiveOperators reactive;
  /** The context of the code directly in each lambda and method asked about so far. */
  private final Map<Tree, Optional<NonBlockingContext>> decided = new IdentityHashMap<>();
  @Nullable private CompilationUnitTree unit;

  /** The catalogs are read when first needed: most compiles need neither. */
  public NonBlockingContexts(
      ImmediateMethods immediate,
      Supplier<List<CatalogEntry>> callbacks,
      Supplier<List<CatalogEntry>> operators) {
    this.immediate = immediate;
    this.callbacks = new EventLoopCallbacks(callbacks);
    this.reactive = new ReactiveOperators(operators);
  }

  /**
   * The context the call (or method reference) at {@code path} runs in, if it must not block there.
   * For a method reference, that is where the referenced method runs.
   */
  public Optional<NonBlockingContext> contextOf(TreePath path, VisitorState state) {
    enter(path.getCompilationUnit());
    // The lambdas and the method passed on the way have the same answer (made only when one is met).
    List<Tree> scopes = null;
    Optional<NonBlockingContext> context = Optional.empty();
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      // Only lambdas and methods are ever decided: no map lookup for every node on the way up.
      Optional<NonBlockingContext> known =
          leaf instanceof LambdaExpressionTree || leaf instanceof MethodTree ? decided.get(leaf) : null;
      if (known != null) {
        context = known;
        break;
      }
      if (leaf instanceof MemberReferenceTree && p == path) {
        context = functionContext(p, state);
        if (context.isPresent() || !immediate.runsNow(p, state)) {
          return context;
        }
      } else if (leaf instanceof LambdaExpressionTree) {
        // (A method reference met further up: the call is in its qualifier, evaluated right here.)
        scopes = add(scopes, leaf);
        context = functionContext(p, state);
        if (context.isPresent() || !immediate.runsNow(p, state)) {
          break;
        }
      } else if (leaf instanceof MethodTree method) {
        scopes = add(scopes, leaf);
        context = methodContext(p, method, state);
        break;
      } else if (leaf instanceof ClassTree) {
        context = Optional.empty(); // a field initializer or initializer block
        break;
      }
    }
    if (scopes != null) {
      for (Tree scope : scopes) {
        decided.put(scope, context);
      }
    }
    return context;
  }

  private static List<Tree> add(@Nullable List<Tree> scopes, Tree scope) {
    List<Tree> list = scopes == null ? new ArrayList<>(2) : scopes;
    list.add(scope);
    return list;
  }

  /** Answers are kept per compilation unit: trees of other units are never queried here. */
  private void enter(CompilationUnitTree current) {
    if (current != unit) {
      unit = current;
      decided.clear();
    }
  }

  /** The context a lambda or method reference runs in, given the call it is an argument of. */
  private Optional<NonBlockingContext> functionContext(TreePath function, VisitorState state) {
    TreePath callPath = function.getParentPath();
    if (!(callPath.getLeaf() instanceof MethodInvocationTree call)
        || !call.getArguments().contains((Object) function.getLeaf())) {
      return Optional.empty();
    }
    Optional<NonBlockingContext> context = CommonPoolTasks.contextOf(function, callPath, state);
    if (context.isEmpty()) {
      context = ParallelStreams.contextOf(function, callPath, state);
    }
    if (context.isEmpty()) {
      context = reactive.contextOf(function, callPath, state);
    }
    return context;
  }

  private Optional<NonBlockingContext> methodContext(
      TreePath path, MethodTree tree, VisitorState state) {
    MethodSymbol method = ASTHelpers.getSymbol(tree);
    if (BlockingCalls.annotationNamed(method, "NonBlocking") != null) {
      String name = displayName(method);
      return Optional.of(
          new NonBlockingContext(Kind.NON_BLOCKING_METHOD, name + ", marked @NonBlocking", path));
    }
    if (BlockingCalls.isNonBlocking(method)) {
      String name = displayName(method);
      return Optional.of(
          new NonBlockingContext(
              Kind.NON_BLOCKING_METHOD,
              name + " of `" + method.owner.getSimpleName() + "`, a class marked @NonBlocking",
              path));
    }
    Optional<String> kind = callbacks.callbackKind(method, state);
    if (kind.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new NonBlockingContext(
            Kind.EVENT_LOOP_CALLBACK, displayName(method) + ", " + kind.get(), path));
  }

  /** {@code `Handler.read()`}: built only for a method that is a context (most are not). */
  private static String displayName(MethodSymbol method) {
    return "`" + BlockingCause.name(method, (ClassSymbol) method.owner) + "`";
  }

  /** "a lambda" or "a method reference", as a message names the code handed over. */
  static String functionNoun(TreePath function) {
    return function.getLeaf() instanceof MemberReferenceTree ? "a method reference" : "a lambda";
  }
}
