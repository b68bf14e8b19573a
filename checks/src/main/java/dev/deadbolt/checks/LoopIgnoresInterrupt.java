package dev.deadbolt.checks;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern.LinkType;
import com.google.errorprone.BugPattern.StandardTags;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import dev.deadbolt.config.OffByDefault;
import dev.deadbolt.config.OptIn;
import dev.deadbolt.engine.DeadboltChecker;
import dev.deadbolt.engine.DocLinks;
import dev.deadbolt.engine.Finding;
import dev.deadbolt.engine.NodeMatchers.DoWhileLoopMatcher;
import dev.deadbolt.engine.NodeMatchers.ForLoopMatcher;
import dev.deadbolt.engine.NodeMatchers.WhileLoopMatcher;
import dev.deadbolt.interrupts.TaskBodies;
import dev.deadbolt.interrupts.TaskLoops.Verdict;
import dev.deadbolt.interrupts.TaskLoops;

/**
 * An endless loop in a task body that waits or polls but can never be stopped by interruption. The
 * judgement is {@link TaskLoops}; this class words it and offers to test the status in the condition.
 * Off by default (see the docs page): JVM-lifetime daemon loops are written this way on purpose.
 */
@AutoService(BugChecker.class)
@OptIn
@BugPattern(
    name = "LoopIgnoresInterrupt",
    summary =
        "This task loop never ends and never checks for interruption, so cancel(true) and"
            + " shutdownNow() cannot stop it",
    severity = WARNING,
    linkType = LinkType.CUSTOM,
    link = DocLinks.BASE + "LoopIgnoresInterrupt.md",
    tags = StandardTags.CONCURRENCY)
public final class LoopIgnoresInterrupt extends DeadboltChecker
    implements WhileLoopMatcher, DoWhileLoopMatcher, ForLoopMatcher {
  private static final String NOT_INTERRUPTED = "!Thread.currentThread().isInterrupted()";

  public LoopIgnoresInterrupt() {}

  @Override
  public Description matchWhileLoop(WhileLoopTree tree, VisitorState state) {
    return match(tree, state);
  }

  @Override
  public Description matchDoWhileLoop(DoWhileLoopTree tree, VisitorState state) {
    return match(tree, state);
  }

  @Override
  public Description matchForLoop(ForLoopTree tree, VisitorState state) {
    return match(tree, state);
  }

  private Description match(Tree loop, VisitorState state) {
    if (!OffByDefault.enabled(this, state)) {
      return Description.NO_MATCH;
    }
    Verdict verdict = TaskLoops.judge(state.getPath(), state);
    String message =
        switch (verdict) {
          case STOPPABLE, SWALLOWED_INSIDE -> null;
          case IGNORES_INTERRUPT ->
              "This task loop never ends and never checks Thread.currentThread().isInterrupted() or"
                  + " a stop flag, so Future.cancel(true) and shutdownNow() cannot stop it and its"
                  + " thread is never released; test the interrupt status in the loop condition";
          case SPINS_AFTER_RESTORE ->
              "This task loop restores the interrupt status and goes round again, so once"
                  + " interrupted its next wait fails at once and it spins at full CPU instead of"
                  + " stopping; test the interrupt status in the loop condition";
        };
    if (message == null) {
      return Description.NO_MATCH;
    }
    Finding finding = finding(loop, state).message(message);
    // With the test in the condition the loop can end; where the task must return a value, code
    // after the loop would be needed, so only void task bodies get the fix.
    TreePath task = TaskBodies.enclosingBody(state.getPath());
    if (task != null && TaskBodies.isVoid(task.getLeaf(), state)) {
      SuggestedFix fix = testInterruptInCondition(loop, state);
      if (fix != null) {
        finding.fix(fix);
      }
    }
    return finding.report();
  }

  private static SuggestedFix testInterruptInCondition(Tree loop, VisitorState state) {
    if (loop instanceof WhileLoopTree whileLoop) {
      return SuggestedFix.replace(ASTHelpers.stripParentheses(whileLoop.getCondition()), NOT_INTERRUPTED);
    }
    if (loop instanceof DoWhileLoopTree doLoop) {
      return SuggestedFix.replace(ASTHelpers.stripParentheses(doLoop.getCondition()), NOT_INTERRUPTED);
    }
    ForLoopTree forLoop = (ForLoopTree) loop;
    if (forLoop.getCondition() != null) {
      return SuggestedFix.replace(forLoop.getCondition(), NOT_INTERRUPTED);
    }
    if (forLoop.getInitializer().isEmpty() && forLoop.getUpdate().isEmpty()) {
      // for (;;) has no condition to replace: rewrite the header as a while.
      return SuggestedFix.replace(
          ASTHelpers.getStartPosition(forLoop),
          ASTHelpers.getStartPosition(forLoop.getStatement()),
          "while (" + NOT_INTERRUPTED + ") ");
    }
    return null;
  }
}
