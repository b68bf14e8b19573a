package dev.deadbolt.interrupts;

import static dev.deadbolt.javac.KnownMethod.exactInstanceMethod;
import static dev.deadbolt.javac.KnownMethod.instanceMethod;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.TypeTag;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * The stop-flag protocol: a loop {@code while (running)} whose owner stops it by clearing the flag and
 * then interrupting the thread ({@code running = false; worker.interrupt();}). The interrupt only wakes
 * the thread from its wait; the loop then tests the flag and ends, so a handler in it that swallows the
 * interrupt loses nothing. The flag need not be volatile: an interrupt synchronizes-with the point where
 * the interrupted thread learns of it (JLS 17.4.4), so the cleared flag is visible once the wait threw.
 *
 * <p>Interrupting first and clearing the flag after is a race: the woken thread may test the flag
 * before it is cleared and wait again, with no interrupt left to wake it.
 *
 * <p>The stopping code is looked for in the class that declares the flag field (its methods, lambdas
 * and nested classes), or in the method that declares a local flag ({@code AtomicBoolean stopped}), as
 * two statements of one block: one that sets the flag to the value that ends the loop, and one that
 * interrupts ({@code Thread.interrupt()} on a thread other than the current one, {@code
 * shutdownNow()}, {@code cancel(true)}).
 */
public final class StopFlags {
  /** The order in which some stopping code clears the loop's flag and interrupts. */
  public enum Order {
    /** No code found that does both. */
    NONE,
    /** The flag is cleared, then the thread interrupted: the loop ends. */
    CLEARS_FIRST,
    /** The thread is interrupted, then the flag cleared: the loop may wait again. */
    INTERRUPTS_FIRST
  }

  /** What the stopping code does; {@code flag} and {@code stopper} name them for a message. */
  public record Protocol(Order order, String flag, String stopper) {
    static final Protocol NONE = new Protocol(Order.NONE, "", "");
  }

  private static final Matcher<ExpressionTree> THREAD_INTERRUPT =
      instanceMethod("java.lang.Thread", "interrupt").withNoParameters();

  private static final Matcher<ExpressionTree> POOL_INTERRUPT =
      instanceMethod("java.util.concurrent.ExecutorService", "shutdownNow");

  private static final Matcher<ExpressionTree> FUTURE_CANCEL =
      instanceMethod("java.util.concurrent.Future", "cancel");

  private static final Matcher<ExpressionTree> ATOMIC_READ =
      exactInstanceMethod(
          "java.util.concurrent.atomic.AtomicBoolean", "get", "getAcquire", "getOpaque", "getPlain");

  /** Writes whose last argument is the new value. */
  private static final Matcher<ExpressionTree> ATOMIC_WRITE =
      exactInstanceMethod(
          "java.util.concurrent.atomic.AtomicBoolean",
          "set",
          "lazySet",
          "setRelease",
          "setOpaque",
          "setPlain",
          "getAndSet",
          "compareAndSet",
          "weakCompareAndSet",
          "weakCompareAndSetPlain",
          "weakCompareAndSetVolatile",
          "weakCompareAndSetAcquire",
          "weakCompareAndSetRelease",
          "compareAndExchange",
          "compareAndExchangeAcquire",
          "compareAndExchangeRelease");

  private StopFlags() {}

  /**
   * How the loop at {@code loopPath} is stopped, judged by the flags its condition requires ({@code
   * running}, {@code !stopped}, {@code !stopped.get()}, each alone or as an operand of {@code &&}).
   */
  public static Protocol of(TreePath loopPath, VisitorState state) {
    ExpressionTree condition = RetryLoops.condition(loopPath.getLeaf());
    if (condition == null) {
      return Protocol.NONE;
    }
    Map<Symbol, Boolean> stopValues = new HashMap<>();
    collectFlags(condition, true, stopValues, state);
    Protocol found = Protocol.NONE;
    for (Map.Entry<Symbol, Boolean> flag : stopValues.entrySet()) {
      TreePath scope = scopeOf(flag.getKey(), loopPath, state);
      if (scope == null) {
        continue;
      }
      Protocol protocol = new StopperScan(flag.getKey(), flag.getValue(), state).scanFor(scope);
      if (protocol.order() == Order.CLEARS_FIRST) {
        return protocol;
      }
      if (protocol.order() == Order.INTERRUPTS_FIRST) {
        found = protocol;
      }
    }
    return found;
  }

  /**
   * Adds the flags that {@code condition} requires to equal {@code whileValue} for the loop to go on,
   * each with the value that ends the loop.
   */
  private static void collectFlags(
      ExpressionTree condition,
      boolean whileValue,
      Map<Symbol, Boolean> stopValues,
      VisitorState state) {
    ExpressionTree tree = ASTHelpers.stripParentheses(condition);
    if (tree instanceof UnaryTree not && tree.getKind() == Tree.Kind.LOGICAL_COMPLEMENT) {
      collectFlags(not.getExpression(), !whileValue, stopValues, state);
      return;
    }
    if (whileValue
        && tree instanceof BinaryTree and
        && tree.getKind() == Tree.Kind.CONDITIONAL_AND) {
      collectFlags(and.getLeftOperand(), true, stopValues, state);
      collectFlags(and.getRightOperand(), true, stopValues, state);
      return;
    }
    Symbol flag = null;
    if (tree instanceof IdentifierTree || tree instanceof MemberSelectTree) {
      Symbol symbol = ASTHelpers.getSymbol(tree);
      if (symbol instanceof VarSymbol && symbol.type.getTag() == TypeTag.BOOLEAN) {
        flag = symbol;
      }
    } else if (tree instanceof MethodInvocationTree read && ATOMIC_READ.matches(read, state)) {
      flag = variableOf(ASTHelpers.getReceiver(read));
    }
    if (flag != null
        && (flag.getKind() == ElementKind.FIELD || flag.getKind() == ElementKind.LOCAL_VARIABLE)) {
      stopValues.put(flag, !whileValue);
    }
  }

  /**
   * Where code that stops the loop may be: the class declaring a field flag, or the outermost method
   * around the loop for a local one.
   */
  private static @Nullable TreePath scopeOf(Symbol flag, TreePath loopPath, VisitorState state) {
    TreePath outermostMethod = null;
    for (TreePath p = loopPath; p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (flag.getKind() == ElementKind.FIELD
          && leaf instanceof ClassTree type
          && ASTHelpers.getSymbol(type) == flag.owner) {
        return p;
      }
      if (leaf instanceof MethodTree) {
        outermostMethod = p;
      }
    }
    if (flag.getKind() == ElementKind.LOCAL_VARIABLE) {
      return outermostMethod;
    }
    // A field of another class: its declaration, when it is part of this compilation.
    return flag.owner instanceof ClassSymbol owner
        ? JavacTrees.instance(state.context).getPath(owner)
        : null;
  }

  private static @Nullable Symbol variableOf(@Nullable ExpressionTree tree) {
    if (tree == null) {
      return null;
    }
    Symbol symbol = ASTHelpers.getSymbol(ASTHelpers.stripParentheses(tree));
    return symbol instanceof VarSymbol ? symbol : null;
  }

  /** Finds two statements of one block that write the stop value and interrupt, in either order. */
  private static final class StopperScan extends TreePathScanner<Void, Void> {
    private final Symbol flag;
    private final boolean stopValue;
    private final VisitorState state;
    private Protocol found = Protocol.NONE;

    StopperScan(Symbol flag, boolean stopValue, VisitorState state) {
      this.flag = flag;
      this.stopValue = stopValue;
      this.state = state;
    }

    Protocol scanFor(TreePath scope) {
      scan(scope, null);
      return found;
    }

    @Override
    public Void scan(Tree tree, Void unused) {
      return found.order() == Order.CLEARS_FIRST ? null : super.scan(tree, unused);
    }

    @Override
    public Void visitBlock(BlockTree block, Void unused) {
      int cleared = -1;
      int interrupted = -1;
      List<? extends StatementTree> statements = block.getStatements();
      for (int i = 0; i < statements.size(); i++) {
        StatementTree statement = statements.get(i);
        if (cleared < 0 && BodySearch.anyMatch(statement, this::clears)) {
          cleared = i;
          if (interrupted >= 0 && interrupted < i) {
            found = protocol(Order.INTERRUPTS_FIRST);
          }
        }
        if (BodySearch.anyMatch(statement, this::interrupts)) {
          if (interrupted < 0) {
            interrupted = i;
          }
          if (cleared >= 0 && cleared < i) {
            found = protocol(Order.CLEARS_FIRST);
            return null;
          }
        }
      }
      return super.visitBlock(block, null);
    }

    private Protocol protocol(Order order) {
      String stopper = "the stopping code";
      for (Tree tree : getCurrentPath()) {
        if (tree instanceof MethodTree method) {
          stopper = method.getName() + "()";
          break;
        }
        if (tree instanceof LambdaExpressionTree || tree instanceof ClassTree) {
          break;
        }
      }
      return new Protocol(order, flag.getSimpleName().toString(), stopper);
    }

    /** Sets the flag to the value that ends the loop. */
    private boolean clears(Tree tree) {
      if (tree instanceof AssignmentTree assignment) {
        return flag.equals(ASTHelpers.getSymbol(assignment.getVariable()))
            && isStopValue(assignment.getExpression());
      }
      if (tree instanceof MethodInvocationTree call
          && ATOMIC_WRITE.matches(call, state)
          && flag.equals(variableOf(ASTHelpers.getReceiver(call)))) {
        List<? extends ExpressionTree> arguments = call.getArguments();
        return isStopValue(arguments.get(arguments.size() - 1));
      }
      return false;
    }

    private boolean isStopValue(ExpressionTree value) {
      return Boolean.valueOf(stopValue).equals(ASTHelpers.constValue(value, Boolean.class));
    }

    /** Asks another thread, or a pool's threads, to stop by interrupting them. */
    private boolean interrupts(Tree tree) {
      if (!(tree instanceof MethodInvocationTree call)) {
        return false;
      }
      if (THREAD_INTERRUPT.matches(call, state)) {
        return !InterruptCalls.isRestore(call, state);
      }
      if (POOL_INTERRUPT.matches(call, state)) {
        return true;
      }
      return FUTURE_CANCEL.matches(call, state)
          && call.getArguments().size() == 1
          && Boolean.TRUE.equals(ASTHelpers.constValue(call.getArguments().get(0), Boolean.class));
    }
  }
}
