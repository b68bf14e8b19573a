package dev.deadbolt.checks;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern.LinkType;
import com.google.errorprone.BugPattern.SeverityLevel;
import com.google.errorprone.BugPattern.StandardTags;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import dev.deadbolt.blocking.PinningCall;
import dev.deadbolt.blocking.PinningCalls;
import dev.deadbolt.config.DeadboltConfig;
import dev.deadbolt.engine.DocLinks;
import dev.deadbolt.engine.EnabledChecks;
import dev.deadbolt.engine.Finding;
import dev.deadbolt.engine.LockAnalysisChecker;
import dev.deadbolt.engine.NodeMatchers.ClassMatcher;
import dev.deadbolt.engine.NodeMatchers.MethodMatcher;
import dev.deadbolt.engine.NodeMatchers.SynchronizedMatcher;
import dev.deadbolt.engine.UnitNodes;
import dev.deadbolt.fixes.MonitorToLockFix;
import dev.deadbolt.hierarchy.LockNode;
import dev.deadbolt.locks.HeldLockAnalysis;
import dev.deadbolt.locks.LockId;
import dev.deadbolt.locks.LockSigns;
import dev.deadbolt.locks.ObjectRef;
import java.util.List;
import javax.inject.Inject;
import org.jspecify.annotations.Nullable;

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
  static final String NAME = "VirtualThreadPinning";

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
    if (!VirtualThreadTarget.monitorsPin(config, state)) {
      return Description.NO_MATCH;
    }
    if (reportedAsBlocking(tree, state)) {
      return Description.NO_MATCH; // (asked first: a lookup, where the calls are a scan)
    }
    LockId monitor =
        analyses(state).heldLocks().resolverFor(state.getPath(), state).monitor(tree.getExpression());
    List<PinningCall> calls =
        pinningCalls(new TreePath(state.getPath(), tree.getBlock()), monitor, state);
    if (calls.isEmpty()) {
      return Description.NO_MATCH;
    }
    Advice advice = Advice.of(monitor, calls);
    return withCalls(finding(tree, state), calls, state)
        .message(
            "`synchronized ("
                + tree.getExpression().toString().replaceAll("^\\((.*)\\)$", "$1")
                + ")` "
                + monitorMessage(calls, advice, state))
        .fix(advice == Advice.REENTRANT_LOCK ? MonitorToLockFix.forRegion(tree, state) : java.util.Optional.empty())
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
        || !VirtualThreadTarget.monitorsPin(config, state)) {
      return Description.NO_MATCH;
    }
    if (reportedAsBlocking(tree, state)) {
      return Description.NO_MATCH;
    }
    LockId monitor = HeldLockAnalysis.synchronizedMethodMonitor(tree).iterator().next();
    List<PinningCall> calls =
        pinningCalls(new TreePath(state.getPath(), tree.getBody()), monitor, state);
    if (calls.isEmpty()) {
      return Description.NO_MATCH;
    }
    return withCalls(finding(tree, state), calls, state)
        .message("`synchronized` method " + monitorMessage(calls, Advice.of(monitor, calls), state))
        .report();
  }

  /**
   * Whether BlockingCallUnderLock reports this region (its blocking calls, with a word on pinning):
   * then the region is its finding, not this check's. It is not when that check is off or suppressed
   * there, or when what pins here is only waiting (on this monitor, for a j.u.c lock).
   */
  private boolean reportedAsBlocking(Tree region, VisitorState state) {
    return EnabledChecks.isOn(BlockingCallUnderLock.NAME, state)
        && blockingRegions(state).anchoredAt(region).isPresent()
        && !BlockingCallUnderLock.suppressed(BlockingCallUnderLock.NAME, state.getPath(), state);
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
    List<PinningCall> calls = pinningCalls(code, null, state);
    if (calls.isEmpty()) {
      return Description.NO_MATCH;
    }
    return withCalls(finding(reported, state), calls, state)
        .message(
            "class initialization "
                + blocksAt(calls, state)
                + "; a virtual thread that blocks in a class initializer pins its carrier on every"
                + " JDK, and every thread that touches the class waits for it: move the work out of"
                + " static initialization")
        .report();
  }

  /** Every call that pins, as a related place of the finding (the message lists the first few). */
  private static Finding withCalls(Finding finding, List<PinningCall> calls, VisitorState state) {
    for (PinningCall call : calls) {
      finding.related(call.call(), call.cause().describe(enclosingClass(state)));
    }
    return finding;
  }

  private String monitorMessage(List<PinningCall> calls, Advice advice, VisitorState state) {
    return "pins a virtual thread's carrier on JDK 21-23 while it "
        + blocksAt(calls, state)
        + "; "
        + advice.text
        + " ("
        + VirtualThreadTarget.assumption(config, state)
        + ")";
  }

  /** What to do about a monitor that pins, by what pins in it and what the monitor is. */
  enum Advice {
    CONDITION("use a ReentrantLock with a Condition in place of the monitor and its wait()/notify()"),
    RESTRUCTURE(
        "restructure so that the java.util.concurrent lock is not taken while the monitor is held"
            + " (take it first, or move the call out of the region)"),
    CALLERS_OBJECT(
        "the monitor is an object the caller passes, so other code may synchronize on it too: move"
            + " the blocking work out of the region"),
    REENTRANT_LOCK("use a ReentrantLock");

    final String text;

    Advice(String text) {
      this.text = text;
    }

    static Advice of(LockId monitor, List<PinningCall> calls) {
      boolean allPark = true;
      for (PinningCall call : calls) {
        if (call.cause().releasesWhileWaiting().equals(java.util.Optional.of(monitor))) {
          return CONDITION;
        }
        allPark &= call.cause().reason().startsWith(PinningCalls.PARKS);
      }
      if (allPark) {
        return RESTRUCTURE;
      }
      return monitor.origin() == ObjectRef.Origin.LOCAL ? CALLERS_OBJECT : REENTRANT_LOCK;
    }
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

  /**
   * The calls that pin in {@code code}; in a region on {@code monitor}, without those whose chain
   * blocks inside a region of its own on the same monitor, re-entered: that region is reported itself.
   */
  private List<PinningCall> pinningCalls(
      TreePath code, @Nullable LockId monitor, VisitorState state) {
    List<PinningCall> calls = PinningCalls.in(code, analyses(state), canonicalName(), state);
    java.util.Optional<LockNode> node = monitor == null ? java.util.Optional.empty() : LockNode.of(monitor);
    if (node.isEmpty()) {
      return calls;
    }
    List<PinningCall> own = new java.util.ArrayList<>(calls.size());
    for (PinningCall call : calls) {
      if (!call.cause().takenByChain().contains(node.get())) {
        own.add(call);
      }
    }
    return own;
  }

  private static com.sun.tools.javac.code.Symbol.ClassSymbol enclosingClass(VisitorState state) {
    ClassTree cls = ASTHelpers.findEnclosingNode(state.getPath(), ClassTree.class);
    return cls == null ? null : ASTHelpers.getSymbol(cls);
  }
}
