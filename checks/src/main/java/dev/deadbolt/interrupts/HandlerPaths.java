package dev.deadbolt.interrupts;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BindingPatternTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseLabelTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DefaultCaseLabelTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.tree.JCTree;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Path reasoning over a catch handler: the exits on which an {@link InterruptedException} it caught
 * leaves with the interrupt status neither restored nor propagated.
 *
 * <p>The handler body is interpreted statement by statement over {@link PathFacts}, following if/else
 * (including {@code e instanceof InterruptedException} tests on the caught exception), loops, switch,
 * labelled break/continue, early return, throw, and try/catch/finally inside the handler. Calls inside
 * expressions change the facts through {@link CallEffects}. Exceptions thrown by calls are not followed:
 * only {@code throw} statements are exits.
 */
public final class HandlerPaths {
  /** How control leaves a handler. */
  public enum Exit {
    /** Falls off the end of the handler and continues after the try statement. */
    COMPLETES,
    RETURNS,
    BREAKS,
    CONTINUES,
    /** Throws an exception that does not say "interrupted" (a wrapper, an unrelated failure). */
    THROWS
  }

  /** One exit on which the interrupt is lost; {@code at} is the statement, or the block for COMPLETES. */
  public record Leak(Exit exit, Tree at) {}

  private HandlerPaths() {}

  /** The leaks of the handler at the end of {@code catchPath}, in source order. */
  public static List<Leak> leaks(TreePath catchPath, VisitorState state) {
    CatchTree handler = (CatchTree) catchPath.getLeaf();
    TreePath body = TaskBodies.enclosingBody(catchPath);
    Symbol caught = ASTHelpers.getSymbol(handler.getParameter());
    Interpreter interpreter =
        new Interpreter(state, subjects(caught, handler.getBlock()), body, new CallEffects(state, 0));
    return interpreter.leaks(handler.getBlock());
  }

  /**
   * Whether {@code method}'s body restores or propagates an interrupt on every way it returns, with
   * {@code subjectParameter} (or -1) standing for the caught exception. Used to credit helpers such as
   * {@code restoreInterrupt(e)}.
   */
  static boolean handlesOnEveryReturn(
      MethodTree method, TreePath methodPath, int subjectParameter, CallEffects effects, VisitorState state) {
    if (method.getBody() == null) {
      return false;
    }
    Symbol subject =
        subjectParameter >= 0 && subjectParameter < method.getParameters().size()
            ? ASTHelpers.getSymbol(method.getParameters().get(subjectParameter))
            : null;
    Interpreter interpreter =
        new Interpreter(state, subjects(subject, method.getBody()), methodPath, effects);
    return interpreter.leaks(method.getBody()).isEmpty();
  }

  /** The caught exception and the variables that alias it (casts, pattern bindings). */
  private static Set<Symbol> subjects(Symbol caught, BlockTree block) {
    Set<Symbol> subjects = new HashSet<>();
    if (caught == null) {
      return subjects;
    }
    subjects.add(caught);
    for (Tree tree :
        BodySearch.findAll(
            block, t -> t instanceof VariableTree || t instanceof InstanceOfTree)) {
      if (tree instanceof VariableTree variable
          && variable.getInitializer() != null
          && subjects.contains(ASTHelpers.getSymbol(stripCasts(variable.getInitializer())))) {
        subjects.add(ASTHelpers.getSymbol(variable));
      } else if (tree instanceof InstanceOfTree test
          && test.getPattern() instanceof BindingPatternTree binding
          && subjects.contains(ASTHelpers.getSymbol(stripCasts(test.getExpression())))) {
        subjects.add(ASTHelpers.getSymbol(binding.getVariable()));
      }
    }
    return subjects;
  }

  static ExpressionTree stripCasts(ExpressionTree tree) {
    while (true) {
      if (tree instanceof ParenthesizedTree parens) {
        tree = parens.getExpression();
      } else if (tree instanceof TypeCastTree cast) {
        tree = cast.getExpression();
      } else {
        return tree;
      }
    }
  }

  /** A transfer of control out of a statement: where to, and with what facts. */
  private record Jump(Exit exit, Tree at, PathFacts facts, Tree target, boolean propagates) {
    Jump withFacts(PathFacts newFacts) {
      return new Jump(exit, at, newFacts, target, propagates);
    }
  }

  /** What running a statement yields: the facts on normal completion and the jumps out of it. */
  private record Outcome(PathFacts normal, List<Jump> jumps) {
    static Outcome normally(PathFacts facts) {
      return new Outcome(facts, new ArrayList<>());
    }
  }

  /** Facts on the paths where a condition is true, and where it is false. */
  private record Branches(PathFacts whenTrue, PathFacts whenFalse) {}

  private static final class Interpreter {
    private final VisitorState state;
    private final Set<Symbol> subjects;
    private final TreePath scope;
    private final CallEffects effects;

    Interpreter(VisitorState state, Set<Symbol> subjects, TreePath scope, CallEffects effects) {
      this.state = state;
      this.subjects = subjects;
      this.scope = scope;
      this.effects = effects;
    }

    List<Leak> leaks(BlockTree block) {
      Outcome outcome = exec(block, PathFacts.entry());
      List<Leak> leaks = new ArrayList<>();
      for (Jump jump : outcome.jumps()) {
        if (!jump.propagates() && jump.facts().losesInterrupt()) {
          leaks.add(new Leak(jump.exit(), jump.at()));
        }
      }
      leaks.sort(Comparator.comparingInt(leak -> ((JCTree) leak.at()).getStartPosition()));
      if (outcome.normal().losesInterrupt()) {
        leaks.add(new Leak(Exit.COMPLETES, block));
      }
      return leaks;
    }

    private Outcome exec(StatementTree statement, PathFacts in) {
      if (in.isEmpty()) {
        return Outcome.normally(in);
      }
      if (statement instanceof BlockTree block) {
        return sequence(block.getStatements(), in);
      }
      if (statement instanceof ExpressionStatementTree expression) {
        return Outcome.normally(apply(expression.getExpression(), in));
      }
      if (statement instanceof VariableTree variable) {
        return Outcome.normally(apply(variable.getInitializer(), in));
      }
      if (statement instanceof IfTree ifTree) {
        Branches branches = branch(ifTree.getCondition(), apply(ifTree.getCondition(), in));
        Outcome then = exec(ifTree.getThenStatement(), branches.whenTrue());
        Outcome otherwise =
            ifTree.getElseStatement() == null
                ? Outcome.normally(branches.whenFalse())
                : exec(ifTree.getElseStatement(), branches.whenFalse());
        return merge(then, otherwise);
      }
      if (statement instanceof ReturnTree returnTree) {
        return jump(Exit.RETURNS, statement, apply(returnTree.getExpression(), in), null, false);
      }
      if (statement instanceof ThrowTree throwTree) {
        return jump(
            Exit.THROWS,
            statement,
            apply(throwTree.getExpression(), in),
            null,
            propagates(throwTree.getExpression()));
      }
      if (statement instanceof BreakTree) {
        return jump(Exit.BREAKS, statement, in, ((JCTree.JCBreak) statement).target, false);
      }
      if (statement instanceof ContinueTree) {
        return jump(Exit.CONTINUES, statement, in, ((JCTree.JCContinue) statement).target, false);
      }
      if (statement instanceof WhileLoopTree loop) {
        return loop(loop, loop.getCondition(), loop.getStatement(), List.of(), in, false);
      }
      if (statement instanceof DoWhileLoopTree loop) {
        return loop(loop, loop.getCondition(), loop.getStatement(), List.of(), in, true);
      }
      if (statement instanceof ForLoopTree loop) {
        Outcome init = sequence(loop.getInitializer(), in);
        Outcome body =
            loop(loop, loop.getCondition(), loop.getStatement(), loop.getUpdate(), init.normal(), false);
        body.jumps().addAll(init.jumps());
        return body;
      }
      if (statement instanceof EnhancedForLoopTree loop) {
        return loop(loop, null, loop.getStatement(), List.of(), apply(loop.getExpression(), in), false);
      }
      if (statement instanceof LabeledStatementTree labeled) {
        Outcome body = exec(labeled.getStatement(), in);
        return consume(body, labeled, Exit.BREAKS, body.normal());
      }
      if (statement instanceof SynchronizedTree sync) {
        return exec(sync.getBlock(), apply(sync.getExpression(), in));
      }
      if (statement instanceof TryTree tryTree) {
        return tryStatement(tryTree, in);
      }
      if (statement instanceof SwitchTree switchTree) {
        return switchStatement(switchTree, in);
      }
      // Empty statements, local classes, assert, yield: nothing that changes the facts.
      return Outcome.normally(in);
    }

    private Outcome sequence(List<? extends StatementTree> statements, PathFacts in) {
      PathFacts facts = in;
      List<Jump> jumps = new ArrayList<>();
      for (StatementTree statement : statements) {
        Outcome outcome = exec(statement, facts);
        jumps.addAll(outcome.jumps());
        facts = outcome.normal();
      }
      return new Outcome(facts, jumps);
    }

    private Outcome loop(
        StatementTree loop,
        ExpressionTree condition,
        StatementTree body,
        List<? extends StatementTree> update,
        PathFacts in,
        boolean bodyFirst) {
      // Iterate to a fixpoint over the loop head; four facts make this a handful of rounds at most.
      PathFacts head = in;
      while (true) {
        PathFacts enter;
        PathFacts exit;
        Outcome round;
        if (bodyFirst) {
          round = exec(body, head);
          PathFacts afterBody = round.normal().join(targeting(round, loop, Exit.CONTINUES));
          Branches branches = condition(loop, condition, afterBody);
          enter = in.join(branches.whenTrue());
          exit = branches.whenFalse();
        } else {
          Branches branches = condition(loop, condition, head);
          round = exec(body, branches.whenTrue());
          PathFacts afterBody = round.normal().join(targeting(round, loop, Exit.CONTINUES));
          Outcome updated = sequence(update, afterBody);
          round.jumps().addAll(updated.jumps());
          enter = head.join(updated.normal());
          exit = branches.whenFalse();
        }
        if (enter.equals(head)) {
          // Continues went back to the head (already in `enter`); breaks leave with the exit paths.
          List<Jump> jumps = new ArrayList<>();
          for (Jump jump : round.jumps()) {
            if (!(jump.exit() == Exit.CONTINUES && targets(jump, loop))) {
              jumps.add(jump);
            }
          }
          return consume(new Outcome(exit, jumps), loop, Exit.BREAKS, exit);
        }
        head = enter;
      }
    }

    /** A loop condition: an enhanced for may stop at any round, {@code for (;;)} never does. */
    private Branches condition(StatementTree loop, ExpressionTree condition, PathFacts facts) {
      if (condition == null) {
        return loop instanceof EnhancedForLoopTree
            ? new Branches(facts, facts)
            : new Branches(facts, PathFacts.NONE);
      }
      return branch(condition, apply(condition, facts));
    }

    private Outcome tryStatement(TryTree tryTree, PathFacts in) {
      PathFacts facts = in;
      for (Tree resource : tryTree.getResources()) {
        facts =
            resource instanceof VariableTree variable
                ? apply(variable.getInitializer(), facts)
                : apply((ExpressionTree) resource, facts);
      }
      Outcome body = exec(tryTree.getBlock(), facts);
      // An exception can leave the try block at any point; the facts there are among these.
      PathFacts caught = facts.join(body.normal());
      for (Jump jump : body.jumps()) {
        caught = caught.join(jump.facts());
      }
      PathFacts normal = body.normal();
      List<Jump> jumps = new ArrayList<>(body.jumps());
      for (CatchTree handler : tryTree.getCatches()) {
        Outcome outcome = exec(handler.getBlock(), caught);
        normal = normal.join(outcome.normal());
        jumps.addAll(outcome.jumps());
      }
      if (tryTree.getFinallyBlock() == null) {
        return new Outcome(normal, jumps);
      }
      // Every way out runs the finally block, which may restore, clear, or replace the exit.
      Outcome afterNormal = exec(tryTree.getFinallyBlock(), normal);
      List<Jump> finalJumps = new ArrayList<>(afterNormal.jumps());
      for (Jump jump : jumps) {
        Outcome through = exec(tryTree.getFinallyBlock(), jump.facts());
        if (!through.normal().isEmpty()) {
          finalJumps.add(jump.withFacts(through.normal()));
        }
        finalJumps.addAll(through.jumps());
      }
      return new Outcome(afterNormal.normal(), finalJumps);
    }

    private Outcome switchStatement(SwitchTree switchTree, PathFacts in) {
      PathFacts entry = apply(switchTree.getExpression(), in);
      PathFacts normal = PathFacts.NONE;
      PathFacts fallthrough = PathFacts.NONE;
      boolean hasDefault = false;
      List<Jump> jumps = new ArrayList<>();
      for (CaseTree caseTree : switchTree.getCases()) {
        for (CaseLabelTree label : caseTree.getLabels()) {
          hasDefault |= label instanceof DefaultCaseLabelTree;
        }
        Outcome outcome;
        if (caseTree.getCaseKind() == CaseTree.CaseKind.RULE) {
          Tree body = caseTree.getBody();
          outcome =
              body instanceof StatementTree statement
                  ? exec(statement, entry)
                  : Outcome.normally(apply((ExpressionTree) body, entry));
          normal = normal.join(outcome.normal());
        } else {
          outcome = sequence(caseTree.getStatements(), entry.join(fallthrough));
          fallthrough = outcome.normal();
        }
        jumps.addAll(outcome.jumps());
      }
      normal = normal.join(fallthrough);
      if (!hasDefault) {
        normal = normal.join(entry);
      }
      return consume(new Outcome(normal, jumps), switchTree, Exit.BREAKS, normal);
    }

    /** Folds the jumps of {@code kind} that target {@code statement} into {@code normal}. */
    private static Outcome consume(Outcome outcome, Tree statement, Exit kind, PathFacts normal) {
      PathFacts facts = normal;
      List<Jump> remaining = new ArrayList<>();
      for (Jump jump : outcome.jumps()) {
        if (jump.exit() == kind && targets(jump, statement)) {
          facts = facts.join(jump.facts());
        } else {
          remaining.add(jump);
        }
      }
      return new Outcome(facts, remaining);
    }

    private static PathFacts targeting(Outcome outcome, Tree statement, Exit kind) {
      PathFacts facts = PathFacts.NONE;
      for (Jump jump : outcome.jumps()) {
        if (jump.exit() == kind && targets(jump, statement)) {
          facts = facts.join(jump.facts());
        }
      }
      return facts;
    }

    private static boolean targets(Jump jump, Tree statement) {
      Tree target = jump.target();
      return target == statement
          || (target instanceof LabeledStatementTree labeled && labeled.getStatement() == statement);
    }

    private static Outcome merge(Outcome a, Outcome b) {
      List<Jump> jumps = new ArrayList<>(a.jumps());
      jumps.addAll(b.jumps());
      return new Outcome(a.normal().join(b.normal()), jumps);
    }

    private static Outcome jump(Exit exit, Tree at, PathFacts facts, Tree target, boolean propagates) {
      List<Jump> jumps = new ArrayList<>();
      if (!facts.isEmpty()) {
        jumps.add(new Jump(exit, at, facts, target, propagates));
      }
      return new Outcome(PathFacts.NONE, jumps);
    }

    private PathFacts apply(ExpressionTree expression, PathFacts in) {
      return expression == null ? in : effects.apply(expression, in, subjects, scope);
    }

    /** Rethrowing the caught exception, or throwing one whose type means "interrupted". */
    private boolean propagates(ExpressionTree thrown) {
      ExpressionTree stripped = stripCasts(thrown);
      if (stripped instanceof IdentifierTree && subjects.contains(ASTHelpers.getSymbol(stripped))) {
        return true;
      }
      return InterruptCalls.signalsInterruption(ASTHelpers.getType(thrown), state);
    }

    /** Splits the facts on a condition, learning from {@code instanceof} tests of the caught exception. */
    private Branches branch(ExpressionTree condition, PathFacts facts) {
      ExpressionTree tree = ASTHelpers.stripParentheses(condition);
      Boolean constant = ASTHelpers.constValue(tree, Boolean.class);
      if (constant != null) {
        return constant
            ? new Branches(facts, PathFacts.NONE)
            : new Branches(PathFacts.NONE, facts);
      }
      if (tree instanceof UnaryTree not && tree.getKind() == Tree.Kind.LOGICAL_COMPLEMENT) {
        Branches inner = branch(not.getExpression(), facts);
        return new Branches(inner.whenFalse(), inner.whenTrue());
      }
      if (tree instanceof BinaryTree binary && tree.getKind() == Tree.Kind.CONDITIONAL_AND) {
        Branches left = branch(binary.getLeftOperand(), facts);
        Branches right = branch(binary.getRightOperand(), left.whenTrue());
        return new Branches(right.whenTrue(), left.whenFalse().join(right.whenFalse()));
      }
      if (tree instanceof BinaryTree binary && tree.getKind() == Tree.Kind.CONDITIONAL_OR) {
        Branches left = branch(binary.getLeftOperand(), facts);
        Branches right = branch(binary.getRightOperand(), left.whenFalse());
        return new Branches(left.whenTrue().join(right.whenTrue()), right.whenFalse());
      }
      if (tree instanceof InstanceOfTree test
          && subjects.contains(ASTHelpers.getSymbol(stripCasts(test.getExpression())))) {
        return instanceOf(testedType(test), facts);
      }
      if (scope != null && DeferredRestores.isFlagRead(tree, scope.getLeaf(), state)) {
        // Where the "restore later" flag is already set, this interrupt is remembered too.
        return new Branches(facts.restore(), facts);
      }
      return new Branches(facts, facts);
    }

    private Branches instanceOf(Type tested, PathFacts facts) {
      Type interrupted = InterruptCalls.interruptedException(state);
      if (tested == null) {
        return new Branches(facts, facts);
      }
      if (ASTHelpers.isSubtype(tested, interrupted, state)) {
        return new Branches(facts, facts.notInterrupt());
      }
      // An unrelated class (RuntimeException, IOException): an InterruptedException is never one.
      // Interfaces prove nothing, since a subclass of InterruptedException could implement them.
      if (!tested.isInterface() && !ASTHelpers.isSubtype(interrupted, tested, state)) {
        return new Branches(facts.notInterrupt(), facts);
      }
      return new Branches(facts, facts);
    }

    private static Type testedType(InstanceOfTree test) {
      if (test.getPattern() instanceof BindingPatternTree binding) {
        return ASTHelpers.getType(binding.getVariable());
      }
      return test.getType() == null ? null : ASTHelpers.getType(test.getType());
    }
  }
}
