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
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.JCDiagnostic;
import com.sun.tools.javac.util.Log;
import dev.deadbolt.blocking.Chains;
import dev.deadbolt.config.DeadboltConfig;
import dev.deadbolt.engine.DocLinks;
import dev.deadbolt.engine.LockAnalyses;
import dev.deadbolt.engine.LockAnalysisChecker;
import dev.deadbolt.engine.NodeMatchers.MethodInvocationMatcher;
import dev.deadbolt.engine.NodeMatchers.SynchronizedMatcher;
import dev.deadbolt.engine.UnitNodes;
import dev.deadbolt.hierarchy.DeclaredLockOrder;
import dev.deadbolt.hierarchy.LockEdge;
import dev.deadbolt.hierarchy.LockEdgeReport;
import dev.deadbolt.hierarchy.LockEdges;
import dev.deadbolt.hierarchy.LockNode;
import dev.deadbolt.hierarchy.ObservedLockOrder;
import dev.deadbolt.hierarchy.OrderedNesting;
import dev.deadbolt.locks.LockSigns;
import dev.deadbolt.report.ReportFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;

/**
 * Reports two code paths of the compilation that take the same two locks in opposite orders — a
 * potential deadlock — once per pair, at the inner acquisition of one path (the first of all of either
 * order, by file and position), naming the other. Also two locks of the same declaration taken nested
 * when nothing orders them. Re-entering a lock already held is no acquisition ({@link LockEdges}).
 */
@AutoService(BugChecker.class)
@BugPattern(
    name = "LockOrderInversion",
    summary = "Two code paths acquire the same locks in opposite orders",
    severity = SeverityLevel.WARNING,
    linkType = LinkType.CUSTOM,
    link = DocLinks.BASE + "LockOrderInversion.md",
    tags = StandardTags.CONCURRENCY)
public final class LockOrderInversion extends LockAnalysisChecker
    implements SynchronizedMatcher, MethodInvocationMatcher {
  private static final Context.Key<Path> EDGES_WRITTEN = new Context.Key<>();

  public LockOrderInversion() {
    super(DeadboltConfig.defaults());
  }

  @Inject
  LockOrderInversion(ErrorProneFlags flags) {
    super(DeadboltConfig.fromFlags(flags));
  }

  @Override
  protected void onCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    super.onCompilationUnit(tree, state);
    if (config.reportDir().isPresent() && state.context.get(EDGES_WRITTEN) == null) {
      Path dir = config.reportDir().get();
      try {
        state.context.put(
            EDGES_WRITTEN,
            LockEdgeReport.write(
                dir,
                ReportFiles.compilationKey(state.context),
                ObservedLockOrder.of(state, analyses(state)),
                DeclaredLockOrder.of(state),
                state));
      } catch (IOException e) {
        state.context.put(EDGES_WRITTEN, dir);
        Log.instance(state.context)
            .error(
                new JCDiagnostic.Error(
                    "compiler",
                    "proc.messager",
                    "Deadbolt: cannot write lock edges to -XepOpt:Deadbolt:ReportDir=" + dir + ": " + e));
      }
    }
  }

  /** A file with no sign of a lock holds none anywhere: none of its nodes is looked at. */
  @Override
  protected boolean matchesIn(UnitNodes.Kind kind, CompilationUnitTree unit, VisitorState state) {
    return LockSigns.anyInUnit(unit, state.context);
  }

  @Override
  public Description matchSynchronized(SynchronizedTree tree, VisitorState state) {
    return checkSite(tree, state);
  }

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    return checkSite(tree, state);
  }

  private Description checkSite(Tree site, VisitorState state) {
    LockAnalyses analyses = analyses(state);
    // Once the whole compilation's order is built, it has computed the edges of most sites with any.
    Optional<ObservedLockOrder> built = ObservedLockOrder.ifBuilt(state);
    Optional<List<LockEdge>> known = built.isPresent() ? built.get().edgesAt(site) : Optional.empty();
    List<LockEdge> edges =
        known.isPresent()
            ? known.get()
            : LockEdges.at(state.getPath(), analyses.heldLocks(), analyses.blockingCalls(), state);
    // One finding per pair of declarations at a site: two held locks of one declaration give it twice.
    Set<List<LockNode>> reported = new HashSet<>();
    for (LockEdge edge : edges) {
      if (!reported.add(List.of(edge.heldNode(), edge.acquiredNode()))) {
        continue;
      }
      if (edge.heldNode().equals(edge.acquiredNode())) {
        if (edge.via().isEmpty() && !OrderedNesting.isOrdered(state.getPath())) {
          state.reportMatch(sameDeclaration(edge, site, state));
        }
        continue;
      }
      DeclaredLockOrder declared = DeclaredLockOrder.of(state);
      if (declared.requiresBefore(edge.heldNode(), edge.acquiredNode()).isPresent()
          || declared.requiresBefore(edge.acquiredNode(), edge.heldNode()).isPresent()) {
        continue; // the hierarchy decides this pair: LockOrderViolation's business
      }
      // One finding per pair taken in both orders, at the one site of either order it is anchored at.
      ObservedLockOrder.of(state, analyses)
          .inversionAnchoredAt(site, edge.heldNode(), edge.acquiredNode())
          .ifPresent(inversion -> state.reportMatch(inversion(edge, inversion, site, state)));
    }
    return Description.NO_MATCH;
  }

  private Description sameDeclaration(LockEdge edge, Tree site, VisitorState state) {
    return finding(site, state)
        .message(
            "`"
                + edge.acquired()
                + "` is acquired while `"
                + edge.held().displayName()
                + "` is held and both are `"
                + edge.heldNode().display()
                + "`: two threads that lock the same two objects the other way round"
                + " deadlock; take them in a fixed order (e.g. lower id first)")
        .report();
  }

  /**
   * {@code `Pool.close()` acquires `Registry.pools` while `Pool.this` is held (as does 1 more site),
   * but Registry.closeAll() (Registry.java:12) and 1 more site acquire them in the opposite order}.
   */
  private Description inversion(
      LockEdge edge, ObservedLockOrder.Inversion inversion, Tree site, VisitorState state) {
    ClassTree cls = ASTHelpers.findEnclosingNode(state.getPath(), ClassTree.class);
    String acquisition =
        edge.via().isEmpty()
            ? "`" + edge.acquiredNode().display() + "` is acquired"
            : Chains.render(edge.via(), cls == null ? null : ASTHelpers.getSymbol(cls))
                + " acquires `"
                + edge.acquiredNode().display()
                + "`";
    int same = inversion.moreInThisOrder();
    int opposite = inversion.moreInOppositeOrder();
    return finding(site, state)
        .message(
            acquisition
                + " while `"
                + edge.heldNode().display()
                + "` is held"
                + (same == 0 ? "" : " (as " + (same == 1 ? "does " : "do ") + sites(same) + ")")
                + ", but "
                + inversion.opposite().describe()
                + (opposite == 0 ? " acquires" : " and " + sites(opposite) + " acquire")
                + " them in the opposite order: two threads running both can deadlock")
        .report();
  }

  /** {@code 1 more site}, {@code 2 more sites}. */
  private static String sites(int more) {
    return more + " more site" + (more == 1 ? "" : "s");
  }
}
