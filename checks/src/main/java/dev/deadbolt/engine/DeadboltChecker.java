package dev.deadbolt.engine;

import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker.CompilationUnitTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.fixes.Fix;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.util.JCDiagnostic.DiagnosticPosition;
import dev.deadbolt.config.ConfigProblems;
import dev.deadbolt.javac.Suppressions;
import dev.deadbolt.report.FindingsReport;
import dev.deadbolt.report.Suppression;
import java.util.Arrays;
import java.util.Optional;

/**
 * Base of every Deadbolt check, and the one way a finding reaches the user: a check builds it with
 * {@link #finding} and returns {@link Finding#report()}. There suppression is decided and, with {@code
 * -XepOpt:Deadbolt:ReportDir}, the finding is recorded (see {@link FindingsReport}).
 *
 * <p>Checks match nodes through {@link NodeMatchers}, never Error Prone's matcher interfaces, and are
 * called from {@link #matchCompilationUnit}.
 *
 * <p>Error Prone decides {@code @SuppressWarnings} before it calls a matcher, so a suppressed finding is
 * never seen by the check that would have made it. To record suppressed findings with what suppressed
 * them, Error Prone's own {@code @SuppressWarnings} handling is off for Deadbolt checks ({@link
 * #supportsSuppressWarnings()} is false) and {@link Finding#report()} decides it instead, the same way
 * (see {@link Suppressions}); {@code -XepIgnoreSuppressionAnnotations} and generated-code exclusion keep
 * working. Because a Description built any other way would skip that decision, {@code
 * BugChecker}'s {@code describeMatch} and {@code buildDescription} (for a tree or position) throw here.
 */
public abstract class DeadboltChecker extends BugChecker implements CompilationUnitTreeMatcher {

  /** Suppression is decided by {@link Finding#report()}, so Error Prone always runs the matchers. */
  @Override
  public final boolean supportsSuppressWarnings() {
    return false;
  }

  /** The node kinds this check matches ({@link NodeMatchers}). */
  private final UnitNodes.Kind[] kinds = NodeMatchers.kindsOf(this).toArray(new UnitNodes.Kind[0]);

  /**
   * Error Prone's one call per file: opens the compilation's findings report (so a compilation without
   * findings still leaves one), lets the check do its per-file work ({@link #onCompilationUnit}), then
   * calls the check's {@link NodeMatchers} for every node of the kinds it matches, from the file's
   * shared {@link UnitNodes}, each with a state whose path is that node's.
   *
   * <p>An unexpected exception from the check stops it for the rest of this file and is contained (see
   * {@link InternalErrors}): the user's compile never breaks on a Deadbolt bug.
   */
  @Override
  public final Description matchCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    Tree[] at = {tree};
    try {
      ConfigProblems.reportOnce(InternalErrors.flagProblems(state), state);
      FindingsReport.of(state);
      UnitNodes.offerWalksAhead(state.context);
      onCompilationUnit(tree, state);
      if (kinds.length > 0) {
        UnitNodes nodes = UnitNodes.of(tree, state);
        UnitNodes.Kind[] wanted = kindsIn(tree, state);
        nodes.forEach(
            wanted,
            state,
            (kind, node, nodeState) -> {
              at[0] = node;
              nodeState.reportMatch(NodeMatchers.match(this, kind, node, nodeState));
            });
      }
    } catch (RuntimeException | AssertionError | StackOverflowError | LinkageError e) {
      InternalErrors.contain(canonicalName(), at[0], state, e);
    }
    return Description.NO_MATCH;
  }

  /**
   * A check's work once per file, before its nodes are matched: e.g. reporting its configuration's
   * problems. Findings go through {@code state.reportMatch}. Nothing by default.
   */
  protected void onCompilationUnit(CompilationUnitTree tree, VisitorState state) {}

  /**
   * Whether this check can find anything at nodes of {@code kind} in {@code unit}, asked once its
   * nodes are walked (so what the walk records, such as the file's {@link
   * dev.deadbolt.locks.LockSigns}, is known): the check is not called for nodes of a kind it says no
   * to. True by default.
   */
  protected boolean matchesIn(UnitNodes.Kind kind, CompilationUnitTree unit, VisitorState state) {
    return true;
  }

  /** The kinds this check matches and is to be called for in {@code unit}. */
  private UnitNodes.Kind[] kindsIn(CompilationUnitTree unit, VisitorState state) {
    UnitNodes.Kind[] in = new UnitNodes.Kind[kinds.length];
    int count = 0;
    for (UnitNodes.Kind kind : kinds) {
      if (matchesIn(kind, unit, state)) {
        in[count++] = kind;
      }
    }
    return count == kinds.length ? kinds : Arrays.copyOf(in, count);
  }

  /** A finding of this check at {@code tree}; finish it with {@link Finding#report()}. */
  protected final Finding finding(Tree tree, VisitorState state) {
    // BugChecker's own builder (its position type differs across Error Prone versions).
    return new Finding(this, tree, state, super.buildDescription(tree));
  }

  /**
   * A suppression of this check on {@code declaration} other than {@code @SuppressWarnings} (which every
   * check honours), e.g. {@code @BoundedBy("reason")}. None by default.
   */
  protected Optional<Suppression> suppressionOn(Tree declaration, VisitorState state) {
    return Optional.empty();
  }

  /** What suppresses this check at {@code path}: the innermost suppressing declaration around it. */
  protected final Optional<Suppression> suppressionAt(TreePath path, VisitorState state) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      Tree declaration = p.getLeaf();
      Optional<Suppression> found =
          Suppressions.on(declaration, allNames(), state).or(() -> suppressionOn(declaration, state));
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  // ---- Error Prone's shortcuts would bypass Finding.report() --------------------------------------

  private UnsupportedOperationException bypass() {
    return new UnsupportedOperationException(
        canonicalName()
            + ": a Deadbolt check reports through finding(tree, state)...report(), which decides"
            + " @SuppressWarnings and records the finding; describeMatch/buildDescription would skip"
            + " both");
  }

  /** @deprecated use {@link #finding}. */
  @Deprecated
  @Override
  public final Description describeMatch(Tree node, Fix fix) {
    throw bypass();
  }

  /** @deprecated use {@link #finding}. */
  @Deprecated
  @Override
  public final Description describeMatch(JCTree node, Fix fix) {
    throw bypass();
  }

  /** @deprecated use {@link #finding}. */
  @Deprecated
  @Override
  public final Description describeMatch(DiagnosticPosition position, Fix fix) {
    throw bypass();
  }

  /** @deprecated use {@link #finding}. */
  @Deprecated
  @Override
  public final Description describeMatch(Tree node) {
    throw bypass();
  }

  /** @deprecated use {@link #finding}. */
  @Deprecated
  @Override
  public final Description describeMatch(JCTree node) {
    throw bypass();
  }

  /** @deprecated use {@link #finding}. */
  @Deprecated
  @Override
  public final Description describeMatch(DiagnosticPosition position) {
    throw bypass();
  }

  /** @deprecated use {@link #finding}. */
  @Deprecated
  @Override
  public final Description.Builder buildDescription(Tree node) {
    throw bypass();
  }

  /** @deprecated use {@link #finding}. */
  @Deprecated
  @Override
  public final Description.Builder buildDescription(DiagnosticPosition position) {
    throw bypass();
  }

  /** @deprecated use {@link #finding}. */
  @Deprecated
  @Override
  public final Description.Builder buildDescription(JCTree tree) {
    throw bypass();
  }
}
