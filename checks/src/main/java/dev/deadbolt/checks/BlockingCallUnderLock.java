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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * The whole file's regions, reported once its calls are known: the regions of one class that hold the
   * same lock are one finding, at the first, naming the others — one cause (the class holds that lock
   * across blocking work), fixed or suppressed in one place. A region suppressed where it is stays a
   * finding of its own, recorded as suppressed.
   */
  @Override
  protected void onCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    super.onCompilationUnit(tree, state);
    Map<String, List<Reported>> groups = new LinkedHashMap<>();
    for (Region region : blockingRegions(state).regions()) {
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
      ClassSymbol context = enclosingClass(region.anchor());
      Reported reported = new Reported(region, calls, context);
      if (!state.errorProneOptions().isIgnoreSuppressionAnnotations()
          && suppressionAt(region.anchor(), state).isPresent()) {
        report(List.of(reported), state); // recorded as suppressed, alone
        continue;
      }
      String key = (context == null ? "" : context.flatName().toString()) + "|" + region.lock().key();
      List<Reported> group = groups.get(key);
      if (group == null) {
        group = new ArrayList<>(1);
        groups.put(key, group);
      }
      group.add(reported);
    }
    for (List<Reported> group : groups.values()) {
      report(group, state);
    }
  }

  /** A region with the calls it reports and the class it is in. */
  private record Reported(Region region, List<Call> calls, ClassSymbol context) {}

  /** One finding at the first region of {@code group}, naming the others. */
  private void report(List<Reported> group, VisitorState state) {
    Reported first = group.get(0);
    VisitorState at = state.withPath(first.region().anchor());
    // Each call described once: the message groups the descriptions, SARIF shows each at its call.
    List<String> described = new ArrayList<>(first.calls().size());
    for (Call call : first.calls()) {
      described.add(call.cause().describe(first.context()));
    }
    String message =
        RegionMessage.of(
            first.region(),
            first.calls(),
            described,
            regionsOf(group.subList(1, group.size())),
            pins(first.region(), state),
            analyses(at),
            at);
    Finding finding = finding(first.region().anchor().getLeaf(), at).message(message);
    for (int i = 0; i < first.calls().size(); i++) {
      finding.related(first.calls().get(i).path().getLeaf(), described.get(i));
    }
    for (Reported other : group.subList(1, group.size())) {
      for (Call call : other.calls()) {
        finding.related(call.path().getLeaf(), call.cause().describe(other.context()));
      }
    }
    state.reportMatch(finding.report());
  }

  private static List<Region> regionsOf(List<Reported> reported) {
    List<Region> regions = new ArrayList<>(reported.size());
    for (Reported r : reported) {
      regions.add(r.region());
    }
    return regions;
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
