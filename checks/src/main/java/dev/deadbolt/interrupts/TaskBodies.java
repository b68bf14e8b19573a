package dev.deadbolt.interrupts;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Task bodies: the {@code run()} of a {@link Runnable} or {@link Thread}, the {@code call()} of a
 * {@code Callable}, and lambdas implementing either. A task body is where a thread's interruption
 * policy is decided: once it returns, the task has stopped.
 */
public final class TaskBodies {
  private TaskBodies() {}

  /**
   * The path of the method or lambda whose body holds {@code path}'s leaf, or null in a field
   * initializer or initializer block.
   */
  public static @Nullable TreePath enclosingBody(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof MethodTree || leaf instanceof LambdaExpressionTree) {
        return p;
      }
      if (leaf instanceof ClassTree) {
        return null;
      }
    }
    return null;
  }

  /** A {@code Runnable}'s {@code run()} (a thread's too), or a lambda implementing {@code Runnable}. */
  public static boolean isRunnableBody(Tree body, VisitorState state) {
    return implementsTask(body, "java.lang.Runnable", "run", state);
  }

  /** A {@code Runnable} or {@code Callable} body, as method or lambda. */
  public static boolean isTaskBody(Tree body, VisitorState state) {
    return isRunnableBody(body, state)
        || implementsTask(body, "java.util.concurrent.Callable", "call", state);
  }

  /**
   * Whether a method or lambda returns {@code void} (not {@code Void}), so that control may fall off
   * the end of its body.
   */
  public static boolean isVoid(Tree body, VisitorState state) {
    if (body instanceof MethodTree method) {
      return ASTHelpers.getSymbol(method).getReturnType().getTag() == TypeTag.VOID;
    }
    if (body instanceof LambdaExpressionTree lambda) {
      Type type = ASTHelpers.getType(lambda);
      return type != null
          && state.getTypes().findDescriptorType(type).getReturnType().getTag() == TypeTag.VOID;
    }
    return false;
  }

  /**
   * Whether normal completion of the statement at {@code statement} ends the task body around it:
   * nothing follows it on the way out, and no loop sends control round again.
   */
  public static boolean endsTask(TreePath statement, VisitorState state) {
    return endsTask(statement, statement.getLeaf(), false, state);
  }

  /**
   * Whether control that leaves the statement {@code leaving} normally, coming from {@code from} (the
   * statement itself or a catch clause or {@code break} inside it), ends the task body around it
   * without waiting again: no loop sends control round, and what runs on the way out ({@code finally}
   * blocks, the statements that follow in each enclosing block) makes no call that an interrupt would
   * cut short ({@link InterruptCalls#waitsOnStatus}). Calls are judged by their own signatures;
   * helpers are not followed.
   */
  public static boolean endsTaskWithoutWaiting(TreePath from, Tree leaving, VisitorState state) {
    return endsTask(from, leaving, true, state);
  }

  private static boolean endsTask(
      TreePath from, Tree leaving, boolean quietTail, VisitorState state) {
    TreePath body = enclosingBody(from);
    if (body == null || !isRunnableBody(body.getLeaf(), state)) {
      return false;
    }
    Tree child = from.getLeaf();
    boolean left = child == leaving;
    for (TreePath p = from.getParentPath(); p != null; p = p.getParentPath()) {
      Tree parent = p.getLeaf();
      if (parent == body.getLeaf()) {
        return left; // false if `leaving` was not around `from`
      }
      if (parent instanceof TryTree tryTree) {
        // Every way out of the try block or a catch clause runs the finally block.
        BlockTree finallyBlock = tryTree.getFinallyBlock();
        if (quietTail
            && finallyBlock != null
            && finallyBlock != child
            && waits(finallyBlock, state)) {
          return false;
        }
      } else if (!left) {
        // Still inside the statement being left: what follows here is jumped over.
      } else if (parent instanceof BlockTree block) {
        List<? extends StatementTree> statements = block.getStatements();
        if (quietTail) {
          List<? extends StatementTree> tail =
              statements.subList(statements.indexOf(child) + 1, statements.size());
          if (tail.stream().anyMatch(next -> waits(next, state))) {
            return false;
          }
        } else if (statements.isEmpty() || statements.get(statements.size() - 1) != child) {
          return false;
        }
      } else if (!(parent instanceof IfTree
          || parent instanceof LabeledStatementTree
          || parent instanceof SynchronizedTree
          || parent instanceof CatchTree)) {
        // Loops go round again; switch cases and anything else are not worth modelling.
        return false;
      }
      left |= parent == leaving;
      child = parent;
    }
    return false;
  }

  private static boolean waits(Tree tree, VisitorState state) {
    return BodySearch.anyMatch(tree, t -> InterruptCalls.waitsOnStatus(t, state));
  }

  private static boolean implementsTask(
      Tree body, String iface, String methodName, VisitorState state) {
    Type taskType = state.getTypeFromString(iface);
    if (taskType == null) {
      return false;
    }
    if (body instanceof MethodTree method) {
      MethodSymbol symbol = ASTHelpers.getSymbol(method);
      return symbol.getSimpleName().contentEquals(methodName)
          && symbol.getParameters().isEmpty()
          && !symbol.isStatic()
          && ASTHelpers.isSubtype(symbol.owner.type, taskType, state);
    }
    if (body instanceof LambdaExpressionTree lambda) {
      Type type = ASTHelpers.getType(lambda);
      return type != null
          && ASTHelpers.isSameType(state.getTypes().erasure(type), state.getTypes().erasure(taskType), state);
    }
    return false;
  }
}
