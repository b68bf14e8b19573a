package dev.deadbolt.checks;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.BugPattern.LinkType;
import com.google.errorprone.BugPattern.SeverityLevel;
import com.google.errorprone.BugPattern.StandardTags;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import dev.deadbolt.analysis.LockSigns;
import dev.deadbolt.analysis.PinningCall;
import dev.deadbolt.analysis.PinningCalls;
import dev.deadbolt.checks.NodeMatchers.ClassMatcher;
import dev.deadbolt.checks.NodeMatchers.MethodMatcher;
import dev.deadbolt.checks.NodeMatchers.SynchronizedMatcher;
import dev.deadbolt.config.CompilationTarget;
import dev.deadbolt.config.DeadboltConfig;
import java.util.List;
import javax.inject.Inject;

/**
 * Reports code where a virtual thread that blocks pins its carrier thread: a {@code synchronized}
 * region (on JDK 21 to 23) or a class initializer (on every JDK) that blocks, counting parking on a
 * {@code java.util.concurrent} lock as blocking.
 */
@AutoService(BugChecker.class)
@BugPattern(
    name = "VirtualThreadPinning",
    summary = "A virtual thread that blocks here pins its carrier thread",
    severity = SeverityLevel.WARNING,
    linkType = LinkType.CUSTOM,
    link = DocLinks.BASE + "VirtualThreadPinning.md",
    tags = StandardTags.CONCURRENCY)
public final class VirtualThreadPinning extends LockAnalysisChecker
    implements SynchronizedMatcher, MethodMatcher, ClassMatcher {

  /** JEP 491: from this JDK on, blocking while holding a monitor no longer pins. */
  static final int MONITORS_STOP_PINNING = 24;

  private static final int CALLS_LISTED = 3;

  public VirtualThreadPinning() {
    super(DeadboltConfig.defaults());
  }

  @Inject
  VirtualThreadPinning(ErrorProneFlags flags) {
    super(DeadboltConfig.fromFlags(flags));
  }

  @Override
  public Description matchSynchronized(SynchronizedTree tree, VisitorState state) {
    if (!monitorsPin(state)) {
      return Description.NO_MATCH;
    }
    List<PinningCall> calls = pinningCalls(new TreePath(state.getPath(), tree.getBlock()), state);
    if (calls.isEmpty()) {
      return Description.NO_MATCH;
    }
    return finding(tree, state)
        .message(
            "`synchronized ("
                + tree.getExpression().toString().replaceAll("^\\((.*)\\)$", "$1")
                + ")` "
                + monitorMessage(calls, state))
        .fix(MonitorToLockFix.forRegion(tree, state))
        .report();
  }

  /**
   * A file with no sign of a lock has no monitor to pin on ({@code synchronized} is one); its class
   * initializers are still looked at.
   */
  @Override
  protected boolean matchesIn(UnitNodes.Kind kind, CompilationUnitTree unit, VisitorState state) {
    return switch (kind) {
      case SYNCHRONIZED, METHOD -> LockSigns.anyInUnit(unit, state.context);
      default -> true;
    };
  }

  @Override
  public Description matchMethod(MethodTree tree, VisitorState state) {
    MethodSymbol symbol = ASTHelpers.getSymbol(tree);
    // The symbol's flags: the tree's modifier set is a copy, made for every method.
    if (symbol == null
        || (symbol.flags() & Flags.SYNCHRONIZED) == 0
        || tree.getBody() == null
        || !monitorsPin(state)) {
      return Description.NO_MATCH;
    }
    List<PinningCall> calls = pinningCalls(new TreePath(state.getPath(), tree.getBody()), state);
    if (calls.isEmpty()) {
      return Description.NO_MATCH;
    }
    return finding(tree, state)
        .message("`synchronized` method " + monitorMessage(calls, state))
        .report();
  }

  /**
   * A class's initializers: its static blocks and its static fields' initializers, found among its
   * members (not by looking at every block and variable of the file).
   */
  @Override
  public Description matchClass(ClassTree tree, VisitorState state) {
    for (Tree member : tree.getMembers()) {
      if (member instanceof BlockTree block && block.isStatic()) {
        TreePath path = new TreePath(state.getPath(), block);
        state.reportMatch(classInitializer(block, path, state.withPath(path)));
      } else if (member instanceof VariableTree field
          && field.getInitializer() != null
          && ASTHelpers.getSymbol(field) != null
          && ASTHelpers.getSymbol(field).isStatic()) {
        TreePath path = new TreePath(state.getPath(), field);
        state.reportMatch(
            classInitializer(field, new TreePath(path, field.getInitializer()), state.withPath(path)));
      }
    }
    return Description.NO_MATCH;
  }

  private Description classInitializer(Tree reported, TreePath code, VisitorState state) {
    List<PinningCall> calls = pinningCalls(code, state);
    if (calls.isEmpty()) {
      return Description.NO_MATCH;
    }
    return finding(reported, state)
        .message(
            "class initialization "
                + blocksAt(calls, state)
                + "; a virtual thread that blocks in a class initializer pins its carrier on every"
                + " JDK, and every thread that touches the class waits for it: move the work out of"
                + " static initialization")
        .report();
  }

  private String monitorMessage(List<PinningCall> calls, VisitorState state) {
    return blocksAt(calls, state)
        + ", which pins a virtual thread's carrier thread on JDK 21-23 (compiled for "
        + runtimeJdk(state)
        + "; set -XepOpt:Deadbolt:RuntimeJdk=24 if it only runs on JDK 24+): use a ReentrantLock";
  }

  /** {@code blocks: `Thread.sleep()` sleeps the thread (line 12), and 2 more calls}. */
  private static String blocksAt(List<PinningCall> calls, VisitorState state) {
    StringBuilder text = new StringBuilder("blocks: ");
    for (int i = 0; i < Math.min(CALLS_LISTED, calls.size()); i++) {
      PinningCall call = calls.get(i);
      if (i > 0) {
        text.append("; ");
      }
      text.append(call.cause().describe(enclosingClass(state)))
          .append(" (line ")
          .append(call.line(state))
          .append(')');
    }
    if (calls.size() > CALLS_LISTED) {
      int more = calls.size() - CALLS_LISTED;
      text.append("; and ").append(more).append(more == 1 ? " more call" : " more calls");
    }
    return text.toString();
  }

  private List<PinningCall> pinningCalls(TreePath code, VisitorState state) {
    return PinningCalls.in(code, analyses(state), canonicalName(), state);
  }

  private boolean monitorsPin(VisitorState state) {
    return runtimeJdk(state) < MONITORS_STOP_PINNING;
  }

  /**
   * The oldest JDK the code runs on: the flag, else the oldest that {@code --release}/{@code -target}
   * allows, and never older than the first JDK with virtual threads.
   */
  private int runtimeJdk(VisitorState state) {
    if (config.runtimeJdk().isPresent()) {
      return config.runtimeJdk().getAsInt();
    }
    return Math.max(
        DeadboltConfig.FIRST_VIRTUAL_THREAD_JDK, CompilationTarget.release(state.context));
  }


  private static com.sun.tools.javac.code.Symbol.ClassSymbol enclosingClass(VisitorState state) {
    ClassTree cls = ASTHelpers.findEnclosingNode(state.getPath(), ClassTree.class);
    return cls == null ? null : ASTHelpers.getSymbol(cls);
  }
}
