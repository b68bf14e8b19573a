package dev.deadbolt.interrupts;

import static dev.deadbolt.javac.KnownMethod.anyOf;
import static dev.deadbolt.javac.KnownMethod.instanceMethod;
import static dev.deadbolt.javac.KnownMethod.staticMethod;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import dev.deadbolt.javac.Calls;
import java.util.ArrayList;
import java.util.List;

/** The JDK vocabulary of interruption: restoring, clearing and querying the status, and its exceptions. */
public final class InterruptCalls {
  private static final Matcher<ExpressionTree> CURRENT_THREAD =
      staticMethod("java.lang.Thread", "currentThread").withNoParameters();

  private static final Matcher<ExpressionTree> INTERRUPT =
      instanceMethod("java.lang.Thread", "interrupt").withNoParameters();

  private static final Matcher<ExpressionTree> INTERRUPTED =
      staticMethod("java.lang.Thread", "interrupted").withNoParameters();

  private static final Matcher<ExpressionTree> IS_INTERRUPTED =
      instanceMethod("java.lang.Thread", "isInterrupted").withNoParameters();

  /** Waits that do not declare InterruptedException but return at once when the status is set. */
  private static final Matcher<ExpressionTree> STATUS_WAKES =
      anyOf(
          staticMethod("java.util.concurrent.locks.LockSupport", "park", "parkNanos", "parkUntil"),
          instanceMethod("java.nio.channels.Selector", "select"));

  /** The process ends here, so nothing after the call needs the status. */
  private static final Matcher<ExpressionTree> ENDS_PROCESS =
      anyOf(
          staticMethod("java.lang.System", "exit"),
          instanceMethod("java.lang.Runtime", "exit", "halt"));

  /**
   * Exceptions whose very type tells the caller the work was interrupted or cancelled, so throwing one
   * propagates the stop request even though the status flag is clear.
   */
  private static final List<String> INTERRUPTION_EXCEPTIONS =
      List.of(
          "java.lang.InterruptedException",
          "java.io.InterruptedIOException",
          "java.nio.channels.ClosedByInterruptException",
          "java.util.concurrent.CancellationException");

  private InterruptCalls() {}

  /** {@code Thread.currentThread().interrupt()}: sets the status again after catching it. */
  public static boolean isRestore(ExpressionTree tree, VisitorState state) {
    return tree instanceof MethodInvocationTree call
        && INTERRUPT.matches(call, state)
        && ASTHelpers.getReceiver(call) != null
        && CURRENT_THREAD.matches(ASTHelpers.stripParentheses(ASTHelpers.getReceiver(call)), state);
  }

  /** {@code Thread.interrupted()}: reads the status and clears it. */
  public static boolean isClear(ExpressionTree tree, VisitorState state) {
    return Calls.simpleName(tree).equals("interrupted") && INTERRUPTED.matches(tree, state);
  }

  /** A read of the status: {@code Thread.interrupted()} or {@code someThread.isInterrupted()}. */
  public static boolean isQuery(ExpressionTree tree, VisitorState state) {
    return INTERRUPTED.matches(tree, state) || IS_INTERRUPTED.matches(tree, state);
  }

  /**
   * {@code Thread.interrupted();} statements (result ignored) directly inside a block under {@code
   * root}, so that a fix can delete them.
   */
  public static List<StatementTree> bareClears(Tree root, VisitorState state) {
    List<StatementTree> clears = new ArrayList<>();
    for (Tree block : BodySearch.findAll(root, t -> t instanceof BlockTree)) {
      for (StatementTree statement : ((BlockTree) block).getStatements()) {
        if (statement instanceof ExpressionStatementTree expression
            && isClear(expression.getExpression(), state)) {
          clears.add(statement);
        }
      }
    }
    return clears;
  }

  /**
   * A call whose wait an interrupt cuts short, so that it waits in vain once the status is lost: one
   * declared to throw InterruptedException, {@code LockSupport.park*} or {@code Selector.select}.
   */
  public static boolean waitsOnStatus(Tree tree, VisitorState state) {
    if (!(tree instanceof MethodInvocationTree call)) {
      return false;
    }
    if (STATUS_WAKES.matches(call, state)) {
      return true;
    }
    Type interrupted = interruptedException(state);
    MethodSymbol method = ASTHelpers.getSymbol(call);
    if (method == null) {
      return false;
    }
    for (Type thrown : method.getThrownTypes()) {
      if (ASTHelpers.isSubtype(thrown, interrupted, state)) {
        return true;
      }
    }
    return false;
  }

  /** {@code System.exit} and friends: the path ends with the process. */
  public static boolean endsProcess(ExpressionTree tree, VisitorState state) {
    return ENDS_PROCESS.matches(tree, state);
  }

  /** Whether throwing {@code type} tells the caller that the work was interrupted or cancelled. */
  public static boolean signalsInterruption(Type type, VisitorState state) {
    if (type == null) {
      return false;
    }
    for (String name : INTERRUPTION_EXCEPTIONS) {
      Type signal = state.getTypeFromString(name);
      if (signal != null && ASTHelpers.isSubtype(type, signal, state)) {
        return true;
      }
    }
    return false;
  }

  /** {@code java.lang.InterruptedException}. */
  public static Type interruptedException(VisitorState state) {
    return state.getSymtab().interruptedExceptionType;
  }
}
