package dev.deadbolt.interrupts;

import static dev.deadbolt.javac.KnownMethod.anyOf;
import static dev.deadbolt.javac.KnownMethod.instanceMethod;
import static dev.deadbolt.javac.KnownMethod.instanceMethodOfAny;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Calls that wait for a future ({@code get}, {@code join}), and the futures known to be done where
 * such a call is made: those on the path where their {@code cancel(...)} returned {@code false}.
 *
 * <p>{@code Future.cancel} returns false when "the task could not be cancelled, typically because it
 * has already completed"; the JDK's {@code FutureTask}, {@code CompletableFuture} and {@code
 * ForkJoinTask} return false only when the task is done (completed, failed, or cancelled before). A
 * {@code get()} there returns at once: it neither waits nor throws {@code InterruptedException}. A
 * {@code cancel} whose result is ignored proves nothing, and neither does a future reached through a
 * method call ({@code holder.future().cancel(true)}), which need not return the same future twice.
 */
public final class FutureWaits {
  private static final Matcher<ExpressionTree> CANCEL =
      instanceMethod("java.util.concurrent.Future", "cancel");

  private static final Matcher<ExpressionTree> WAITS =
      anyOf(
          instanceMethod("java.util.concurrent.Future", "get"),
          instanceMethodOfAny(
              java.util.List.of(
                  "java.util.concurrent.CompletableFuture", "java.util.concurrent.ForkJoinTask"),
              "join"));

  private FutureWaits() {}

  /** The {@code get}/{@code join} calls under {@code root} that run as part of it, in source order. */
  public static List<MethodInvocationTree> in(Tree root, VisitorState state) {
    return BodySearch.findAll(
            root, t -> t instanceof MethodInvocationTree call && WAITS.matches(call, state))
        .stream()
        .map(MethodInvocationTree.class::cast)
        .toList();
  }

  /** Whether every one of {@code waits}, all under {@code root}, is a statement of its own. */
  public static boolean resultsDiscarded(Tree root, List<MethodInvocationTree> waits) {
    Set<Tree> discarded = new HashSet<>();
    for (Tree statement : BodySearch.findAll(root, t -> t instanceof ExpressionStatementTree)) {
      discarded.add(((ExpressionStatementTree) statement).getExpression());
    }
    return discarded.containsAll(waits);
  }

  /**
   * Whether there is at least one wait in {@code waits} and each is on a future known to be done at
   * {@code statement} (a statement that holds them all).
   */
  public static boolean allOnDoneFutures(
      List<MethodInvocationTree> waits, TreePath statement, VisitorState state) {
    if (waits.isEmpty()) {
      return false;
    }
    Set<Symbol> done = doneAt(statement, state);
    return !done.isEmpty() && waits.stream().allMatch(wait -> done.contains(futureOf(wait)));
  }

  /**
   * Whether the only way the try statement at {@code tryPath} can throw an {@code
   * InterruptedException} is a {@code get()} on a future known to be done there, which cannot throw
   * it.
   */
  public static boolean interruptibleOnlyByDoneFutures(TreePath tryPath, VisitorState state) {
    TryTree tryTree = (TryTree) tryPath.getLeaf();
    if (!tryTree.getResources().isEmpty()) {
      return false; // close() may throw it too
    }
    // The walk up is cheap and almost always finds nothing; only then read the try block.
    Set<Symbol> done = doneAt(tryPath, state);
    if (done.isEmpty()) {
      return false;
    }
    Type interrupted = InterruptCalls.interruptedException(state);
    List<Tree> sources =
        BodySearch.findAll(tryTree.getBlock(), t -> mayThrow(t, interrupted, state));
    return !sources.isEmpty()
        && sources.stream()
            .allMatch(
                t ->
                    t instanceof MethodInvocationTree call
                        && WAITS.matches(call, state)
                        && done.contains(futureOf(call)));
  }

  /** A call, constructor call or throw statement that may throw {@code interrupted}. */
  private static boolean mayThrow(Tree tree, Type interrupted, VisitorState state) {
    List<Type> thrown;
    if (tree instanceof MethodInvocationTree || tree instanceof NewClassTree) {
      thrown =
          ASTHelpers.getSymbol(tree) instanceof MethodSymbol method
              ? method.getThrownTypes()
              : List.of();
    } else if (tree instanceof ThrowTree throwTree) {
      Type type = ASTHelpers.getType(throwTree.getExpression());
      thrown = type == null ? List.of() : List.of(type);
    } else {
      return false;
    }
    return thrown.stream()
        .anyMatch(
            t ->
                ASTHelpers.isSubtype(t, interrupted, state)
                    || ASTHelpers.isSubtype(interrupted, t, state));
  }

  /**
   * The futures (variables) whose {@code cancel(...)} returned false on every path to {@code
   * statement}: inside {@code if (!f.cancel(true))} (also as one operand of {@code &&}), in the else
   * branch of {@code if (f.cancel(true))}, after {@code if (f.cancel(true)) return;}, and the same
   * through a local {@code boolean cancelled = f.cancel(false);} that is never reassigned.
   */
  static Set<Symbol> doneAt(TreePath statement, VisitorState state) {
    Facts facts = new Facts(state);
    Tree child = statement.getLeaf();
    for (TreePath p = statement.getParentPath(); p != null; p = p.getParentPath()) {
      Tree parent = p.getLeaf();
      if (parent instanceof MethodTree
          || parent instanceof LambdaExpressionTree
          || parent instanceof ClassTree) {
        break;
      }
      if (parent instanceof IfTree ifTree) {
        if (child == ifTree.getThenStatement()) {
          facts.learn(ifTree.getCondition(), true);
        } else if (child == ifTree.getElseStatement()) {
          facts.learn(ifTree.getCondition(), false);
        }
      } else if (parent instanceof BlockTree block) {
        for (StatementTree earlier : block.getStatements()) {
          if (earlier == child) {
            break;
          }
          if (earlier instanceof VariableTree variable) {
            facts.declared(variable);
          } else if (earlier instanceof IfTree guard
              && guard.getElseStatement() == null
              && alwaysLeaves(guard.getThenStatement())) {
            facts.learn(guard.getCondition(), false);
          }
        }
      }
      child = parent;
    }
    return facts.done();
  }

  /** The variable a wait is called on, or null for any other receiver. */
  private static Symbol futureOf(MethodInvocationTree call) {
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    if (receiver == null) {
      return null;
    }
    Symbol symbol = ASTHelpers.getSymbol(ASTHelpers.stripParentheses(receiver));
    return symbol instanceof VarSymbol ? symbol : null;
  }

  private static boolean alwaysLeaves(StatementTree statement) {
    if (statement instanceof BlockTree block) {
      List<? extends StatementTree> statements = block.getStatements();
      return !statements.isEmpty() && alwaysLeaves(statements.get(statements.size() - 1));
    }
    return statement instanceof ReturnTree
        || statement instanceof ThrowTree
        || statement instanceof BreakTree
        || statement instanceof ContinueTree;
  }

  /** What the conditions on the way to a statement say about cancel() results. */
  private static final class Facts {
    private final VisitorState state;
    private final Set<Symbol> done = new HashSet<>();
    private final Set<Symbol> falseLocals = new HashSet<>();
    private final Map<Symbol, Symbol> cancelResults = new HashMap<>();

    Facts(VisitorState state) {
      this.state = state;
    }

    /** {@code condition} is known to have evaluated to {@code value}. */
    void learn(ExpressionTree condition, boolean value) {
      ExpressionTree tree = ASTHelpers.stripParentheses(condition);
      if (tree instanceof UnaryTree not && tree.getKind() == Tree.Kind.LOGICAL_COMPLEMENT) {
        learn(not.getExpression(), !value);
      } else if (tree instanceof BinaryTree binary
          && ((value && tree.getKind() == Tree.Kind.CONDITIONAL_AND)
              || (!value && tree.getKind() == Tree.Kind.CONDITIONAL_OR))) {
        learn(binary.getLeftOperand(), value);
        learn(binary.getRightOperand(), value);
      } else if (!value) {
        Symbol future = cancelled(tree);
        if (future != null) {
          done.add(future);
        } else if (tree instanceof IdentifierTree
            && ASTHelpers.getSymbol(tree) instanceof VarSymbol local) {
          falseLocals.add(local);
        }
      }
    }

    /** Records {@code boolean cancelled = f.cancel(...)} when {@code cancelled} is never reassigned. */
    void declared(VariableTree variable) {
      VarSymbol local = ASTHelpers.getSymbol(variable);
      Symbol future = variable.getInitializer() == null ? null : cancelled(variable.getInitializer());
      if (future != null && (local.flags() & (Flags.FINAL | Flags.EFFECTIVELY_FINAL)) != 0) {
        cancelResults.put(local, future);
      }
    }

    Set<Symbol> done() {
      for (Symbol local : falseLocals) {
        Symbol future = cancelResults.get(local);
        if (future != null) {
          done.add(future);
        }
      }
      return done;
    }

    /** The variable {@code tree} calls {@code cancel(...)} on, or null. */
    private Symbol cancelled(ExpressionTree tree) {
      ExpressionTree stripped = ASTHelpers.stripParentheses(tree);
      return stripped instanceof MethodInvocationTree call && CANCEL.matches(call, state)
          ? futureOf(call)
          : null;
    }
  }
}
