package dev.deadbolt.checks;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern.LinkType;
import com.google.errorprone.BugPattern.SeverityLevel;
import com.google.errorprone.BugPattern.StandardTags;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import dev.deadbolt.blocking.BlockingRegions.Call;
import dev.deadbolt.blocking.BlockingRegions.Region;
import dev.deadbolt.blocking.BlockingRegions;
import dev.deadbolt.config.DeadboltConfig;
import dev.deadbolt.engine.DocLinks;
import dev.deadbolt.engine.EnabledChecks;
import dev.deadbolt.engine.Finding;
import dev.deadbolt.engine.LockAnalysisChecker;
import dev.deadbolt.javac.Suppressions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import javax.inject.Inject;

/**
 * Reports a lock region that makes blocking calls: every thread that needs the lock waits too. One
 * finding per region ({@link BlockingRegions}), at the acquisition, listing its blocking calls; a
 * {@code synchronized} region that also pins a virtual thread says so, and VirtualThreadPinning leaves
 * it to this check.
 */
@AutoService(BugChecker.class)
@BugPattern(
    name = "BlockingCallUnderLock",
    summary = "A blocking call is made while a lock is held",
    severity = SeverityLevel.WARNING,
    linkType = LinkType.CUSTOM,
    link = DocLinks.BASE + "BlockingCallUnderLock.md",
    tags = StandardTags.CONCURRENCY)
public final class BlockingCallUnderLock extends LockAnalysisChecker {
  static final String NAME = "BlockingCallUnderLock";

  public BlockingCallUnderLock() {
    super(DeadboltConfig.defaults());
  }

  @Inject
  BlockingCallUnderLock(ErrorProneFlags flags) {
    super(DeadboltConfig.fromFlags(flags));
  }

  /** The whole file's regions, reported at their acquisitions once its calls are known. */
  @Override
  protected void onCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    super.onCompilationUnit(tree, state);
    for (Region region : blockingRegions(state).regions()) {
      VisitorState at = state.withPath(region.anchor());
      // A declaration between the acquisition and a call (a local's initializer, a lambda in a field)
      // that suppresses this check silences that call alone.
      List<Call> calls = new ArrayList<>();
      for (Call call : region.calls()) {
        if (!suppressedBetween(call.path(), region.anchor(), state)) {
          calls.add(call);
        }
      }
      if (calls.isEmpty()) {
        continue;
      }
      // Each call described once: the message groups the descriptions, SARIF shows each at its call.
      ClassSymbol context = enclosingClass(region.anchor());
      List<String> described = new ArrayList<>(calls.size());
      for (Call call : calls) {
        described.add(call.cause().describe(context));
      }
      Finding finding =
          finding(region.anchor().getLeaf(), at)
              .message(
                  RegionMessage.of(region, calls, described, pins(region, state), analyses(at), at));
      for (int i = 0; i < calls.size(); i++) {
        finding.related(calls.get(i).path().getLeaf(), described.get(i));
      }
      state.reportMatch(finding.report());
    }
  }

  /**
   * Whether a declaration between the region's acquisition and the call (not around the acquisition:
   * that decides the whole finding, in {@link Finding#report()}) suppresses this check.
   */
  private boolean suppressedBetween(TreePath call, TreePath anchor, VisitorState state) {
    if (state.errorProneOptions().isIgnoreSuppressionAnnotations()) {
      return false;
    }
    // Up to where the call's path meets the acquisition's (the acquisition itself, or for a lock()
    // call the block both are in).
    Set<Tree> aroundAnchor = Collections.newSetFromMap(new IdentityHashMap<>());
    for (TreePath p = anchor; p != null; p = p.getParentPath()) {
      aroundAnchor.add(p.getLeaf());
    }
    for (TreePath p = call; p != null && !aroundAnchor.contains(p.getLeaf()); p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if ((leaf instanceof VariableTree || leaf instanceof ClassTree || leaf instanceof MethodTree)
          && Suppressions.on(leaf, allNames(), state).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the message should add that the region pins a virtual thread: its lock is a monitor, on a
   * JDK where monitors pin, and VirtualThreadPinning runs and is not suppressed there (it leaves the
   * region to this finding).
   */
  private boolean pins(Region region, VisitorState state) {
    return region.lock().isMonitor()
        && VirtualThreadTarget.monitorsPin(config, state)
        && EnabledChecks.isOn(VirtualThreadPinning.NAME, state)
        && !suppressed(VirtualThreadPinning.NAME, region.anchor(), state);
  }

  /** Whether {@code @SuppressWarnings(checkName)} is on a declaration around {@code path}. */
  static boolean suppressed(String checkName, TreePath path, VisitorState state) {
    if (state.errorProneOptions().isIgnoreSuppressionAnnotations()) {
      return false;
    }
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (Suppressions.on(p.getLeaf(), Set.of(checkName), state)
          .isPresent()) {
        return true;
      }
    }
    return false;
  }

  static ClassSymbol enclosingClass(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof ClassTree cls) {
        return ASTHelpers.getSymbol(cls);
      }
    }
    return null;
  }
}
