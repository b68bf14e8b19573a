package dev.deadbolt.engine;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.tools.javac.util.Context;
import dev.deadbolt.blocking.BlockingRegions;
import dev.deadbolt.config.ConfigProblems;
import dev.deadbolt.config.DeadboltConfig;
import dev.deadbolt.summaries.SummaryWriter;

/**
 * Base of the checks that ask the shared lock analyses: holds the parsed configuration, reports its
 * problems as compile errors at the first compilation unit, and hands out the analyses of the current
 * compilation.
 */
public abstract class LockAnalysisChecker extends DeadboltChecker {
  protected final DeadboltConfig config;

  protected LockAnalysisChecker(DeadboltConfig config) {
    this.config = config;
  }

  @Override
  protected void onCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    ConfigProblems.reportOnce(config.problems(), state);
    // Summaries across compilations (#19): written into the class output once all is analysed.
    SummaryWriter.onCompilationUnit(state, analyses(state));
  }

  /** The analyses of the compilation last asked about: asked for at almost every node. */
  private LockAnalyses analyses;

  private Context analysesContext;

  /**
   * The lock regions of the current unit that block (computed by whichever check asks first), from the
   * calls the unit's walk found.
   */
  protected final BlockingRegions blockingRegions(VisitorState state) {
    CompilationUnitTree unit = state.getPath().getCompilationUnit();
    return BlockingRegions.of(
        unit,
        analyses(state),
        visitor ->
            UnitNodes.of(unit, state)
                .forEach(CALLS, state, (kind, node, nodeState) -> visitor.visit(node, nodeState)));
  }

  private static final UnitNodes.Kind[] CALLS = {
    UnitNodes.Kind.METHOD_INVOCATION, UnitNodes.Kind.NEW_CLASS, UnitNodes.Kind.MEMBER_REFERENCE
  };

  protected final LockAnalyses analyses(VisitorState state) {
    if (analysesContext != state.context) {
      analyses = LockAnalyses.of(state, config);
      analysesContext = state.context;
    }
    return analyses;
  }
}
