package dev.deadbolt.checks;

import com.google.errorprone.BugPattern.SeverityLevel;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.sun.source.tree.CompilationUnitTree;
import dev.deadbolt.blocking.BlockingRegions.Call;
import dev.deadbolt.blocking.BlockingRegions.Region;
import dev.deadbolt.blocking.BlockingRegions;
import dev.deadbolt.config.DeadboltConfig;
import dev.deadbolt.engine.LockAnalysisChecker;

/**
 * Test-only: reports every blocking call that {@link BlockingRegions} counts in a region, at the call,
 * as {@code <why it blocks> while <held> is held [region at line N]}, so that what the analysis decides
 * call by call (what blocks, what is held, which region it falls in) is tested apart from how
 * BlockingCallUnderLock words and groups its findings.
 */
@BugPattern(
    name = "BlockingRegionsPrinter",
    summary = "Prints the blocking calls of lock regions",
    severity = SeverityLevel.WARNING)
public final class BlockingRegionsPrinter extends LockAnalysisChecker {
  public BlockingRegionsPrinter() {
    super(DeadboltConfig.defaults());
  }

  @Override
  protected void onCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    for (Region region : blockingRegions(state).regions()) {
      long anchorLine =
          tree.getLineMap()
              .getLineNumber(
                  ((com.sun.tools.javac.tree.JCTree) region.anchor().getLeaf()).getStartPosition());
      for (Call call : region.calls()) {
        VisitorState at = state.withPath(call.path());
        state.reportMatch(
            finding(call.path().getLeaf(), at)
                .message(
                    call.cause().describe(BlockingCallUnderLock.enclosingClass(call.path()))
                        + " while "
                        + Locks.heldPhrase(call.held())
                        + " [region at line "
                        + anchorLine
                        + "]")
                .report());
      }
    }
  }
}
