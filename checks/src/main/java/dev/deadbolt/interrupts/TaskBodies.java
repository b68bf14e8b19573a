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
    TreePath body = enclosingBody(statement);
    if (body == null || !isRunnableBody(body.getLeaf(), state)) {
      return false;
    }
    Tree child = statement.getLeaf();
    for (TreePath p = statement.getParentPath(); p != null; p = p.getParentPath()) {
      Tree parent = p.getLeaf();
      if (parent == body.getLeaf()) {
        return true;
      }
      if (parent instanceof BlockTree block) {
        List<? extends StatementTree> statements = block.getStatements();
        if (statements.isEmpty() || statements.get(statements.size() - 1) != child) {
          return false;
        }
      } else if (!(parent instanceof IfTree
          || parent instanceof LabeledStatementTree
          || parent instanceof SynchronizedTree
          || parent instanceof TryTree
          || parent instanceof CatchTree)) {
        // Loops go round again; switch cases and anything else are not worth modelling.
        return false;
      }
      child = parent;
    }
    return false;
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
