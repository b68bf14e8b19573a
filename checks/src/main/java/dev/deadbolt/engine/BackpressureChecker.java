package dev.deadbolt.engine;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import dev.deadbolt.backpressure.BackpressureOptions;
import dev.deadbolt.backpressure.BoundedByAnnotation;
import dev.deadbolt.config.ConfigProblems;
import dev.deadbolt.report.Suppression;
import java.util.Optional;

/**
 * Base of UnboundedQueue and UnboundedExecutor: holds their parsed flags, reports malformed ones as
 * compile errors at the first compilation unit, and lets {@code @BoundedBy("reason")} suppress them.
 */
public abstract class BackpressureChecker extends DeadboltChecker {
  protected final BackpressureOptions options;

  protected BackpressureChecker(BackpressureOptions options) {
    this.options = options;
  }

  @Override
  protected final void onCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    ConfigProblems.reportOnce(options.problems(), state);
  }

  /** A {@code @BoundedBy} with a reason silences these checks, recorded with its reason. */
  @Override
  protected final Optional<Suppression> suppressionOn(Tree declaration, VisitorState state) {
    return BoundedByAnnotation.on(declaration, state);
  }
}
