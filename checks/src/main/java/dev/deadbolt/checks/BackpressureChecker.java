package dev.deadbolt.checks;

import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.CompilationUnitTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.CompilationUnitTree;
import dev.deadbolt.backpressure.BackpressureOptions;
import dev.deadbolt.config.ConfigProblems;

/**
 * Base of UnboundedQueue and UnboundedExecutor: holds their parsed flags and reports malformed ones as
 * compile errors at the first compilation unit.
 */
abstract class BackpressureChecker extends BugChecker implements CompilationUnitTreeMatcher {
  protected final BackpressureOptions options;

  protected BackpressureChecker(BackpressureOptions options) {
    this.options = options;
  }

  @Override
  public final Description matchCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    ConfigProblems.reportOnce(options.problems(), state);
    return Description.NO_MATCH;
  }
}
