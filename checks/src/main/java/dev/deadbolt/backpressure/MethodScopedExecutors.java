package dev.deadbolt.backpressure;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.deadbolt.javac.OwnCodeScanner;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Name;

/**
 * Executors a method creates in a local and shuts down before it returns: only that method can give
 * them tasks, so their queue holds at most what it submitted. The local is a try-with-resources
 * resource ({@code close()} shuts it down on every exit), or a local followed in its block by {@code
 * shutdown()}, {@code shutdownNow()} or {@code close()} (a statement, or in the {@code finally} of a
 * later {@code try}) with no {@code return}, {@code break} or {@code continue} in between that skips it.
 * Every use of the local is a call on it, outside any lambda or class body: passed, returned, stored or
 * captured, it may get tasks from anywhere.
 */
public final class MethodScopedExecutors {
  private MethodScopedExecutors() {}

  /** Whether the executor created at {@code state}'s path is one of these. */
  public static boolean isShutDownBeforeReturn(VisitorState state) {
    TreePath path = state.getPath();
    Tree created = path.getLeaf();
    TreePath declaration = path.getParentPath();
    while (declaration != null && declaration.getLeaf() instanceof ParenthesizedTree parenthesized) {
      created = parenthesized;
      declaration = declaration.getParentPath();
    }
    if (declaration == null
        || !(declaration.getLeaf() instanceof VariableTree variable)
        || variable.getInitializer() != created) {
      return false;
    }
    VarSymbol local = ASTHelpers.getSymbol(variable);
    if (local == null
        || !(local.getKind() == ElementKind.LOCAL_VARIABLE
            || local.getKind() == ElementKind.RESOURCE_VARIABLE)) {
      return false;
    }
    TreePath scope = declaration.getParentPath();
    if (scope.getLeaf() instanceof TryTree tryTree && tryTree.getResources().contains(variable)) {
      return onlyCalledOn(local, scope);
    }
    return scope.getLeaf() instanceof BlockTree block
        && shutDownLaterInBlock(block, variable, local)
        && onlyCalledOn(local, scope);
  }

  /** A later statement of the block shuts the executor down, and none before it leaves the block. */
  private static boolean shutDownLaterInBlock(BlockTree block, VariableTree variable, VarSymbol local) {
    List<StatementTree> between = new ArrayList<>();
    boolean after = false;
    for (StatementTree statement : block.getStatements()) {
      if (statement == variable) {
        after = true;
      } else if (after) {
        if (shutsDown(statement, local)
            || statement instanceof TryTree t
                && t.getFinallyBlock() != null
                && t.getFinallyBlock().getStatements().stream().anyMatch(s -> shutsDown(s, local))) {
          return !mayLeave(between);
        }
        between.add(statement);
      }
    }
    return false;
  }

  private static boolean shutsDown(StatementTree statement, VarSymbol local) {
    return statement instanceof ExpressionStatementTree expression
        && expression.getExpression() instanceof MethodInvocationTree call
        && call.getMethodSelect() instanceof MemberSelectTree select
        && ASTHelpers.getSymbol(select.getExpression()) == local
        && switch (select.getIdentifier().toString()) {
          case "shutdown", "shutdownNow", "close" -> true;
          default -> false;
        };
  }

  /**
   * Whether a {@code return}, or a {@code break} or {@code continue} to a statement around them, can
   * leave {@code statements} (the code of lambdas and classes in them leaves only itself).
   */
  private static boolean mayLeave(List<StatementTree> statements) {
    boolean[] leaves = {false};
    // (Own code only: a lambda's or class's return leaves only itself.)
    OwnCodeScanner scanner =
        new OwnCodeScanner() {
          private int loops;
          private int switches;
          private final List<Name> labels = new ArrayList<>();

          @Override
          public Void visitReturn(ReturnTree node, Void unused) {
            leaves[0] = true;
            return null;
          }

          @Override
          public Void visitBreak(BreakTree node, Void unused) {
            leaves[0] |=
                node.getLabel() == null ? loops + switches == 0 : !labels.contains(node.getLabel());
            return null;
          }

          @Override
          public Void visitContinue(ContinueTree node, Void unused) {
            leaves[0] |= node.getLabel() == null ? loops == 0 : !labels.contains(node.getLabel());
            return null;
          }

          @Override
          public Void visitLabeledStatement(LabeledStatementTree node, Void unused) {
            labels.add(node.getLabel());
            super.visitLabeledStatement(node, unused);
            labels.remove(labels.size() - 1);
            return null;
          }

          @Override
          public Void visitSwitch(SwitchTree node, Void unused) {
            switches++;
            super.visitSwitch(node, unused);
            switches--;
            return null;
          }

          @Override
          public Void visitWhileLoop(WhileLoopTree node, Void unused) {
            return loop(() -> super.visitWhileLoop(node, unused));
          }

          @Override
          public Void visitDoWhileLoop(DoWhileLoopTree node, Void unused) {
            return loop(() -> super.visitDoWhileLoop(node, unused));
          }

          @Override
          public Void visitForLoop(ForLoopTree node, Void unused) {
            return loop(() -> super.visitForLoop(node, unused));
          }

          @Override
          public Void visitEnhancedForLoop(EnhancedForLoopTree node, Void unused) {
            return loop(() -> super.visitEnhancedForLoop(node, unused));
          }

          private Void loop(Runnable body) {
            loops++;
            body.run();
            loops--;
            return null;
          }
        };
    for (StatementTree statement : statements) {
      scanner.scan(statement, null);
    }
    return leaves[0];
  }

  /** Every use of {@code local} in {@code scope} is a call on it, outside lambdas and classes. */
  private static boolean onlyCalledOn(VarSymbol local, TreePath scope) {
    boolean[] escapes = {false};
    new TreePathScanner<Void, Void>() {
      private int captured;

      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        if (ASTHelpers.getSymbol(node) == local && (captured > 0 || !isReceiver(getCurrentPath()))) {
          escapes[0] = true;
        }
        return null;
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
        captured++;
        super.visitLambdaExpression(node, unused);
        captured--;
        return null;
      }

      @Override
      public Void visitClass(ClassTree node, Void unused) {
        captured++;
        super.visitClass(node, unused);
        captured--;
        return null;
      }
    }.scan(scope, null);
    return !escapes[0];
  }

  /** The identifier at {@code path} is what a method is called on: {@code pool.submit(...)}. */
  private static boolean isReceiver(TreePath path) {
    TreePath select = path.getParentPath();
    TreePath call = select.getParentPath();
    return select.getLeaf() instanceof MemberSelectTree member
        && call != null
        && call.getLeaf() instanceof MethodInvocationTree invocation
        && invocation.getMethodSelect() == member;
  }
}
