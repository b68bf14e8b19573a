package dev.deadbolt.engine;

import com.google.errorprone.BugPattern.SeverityLevel;
import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.Fix;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import dev.deadbolt.report.FindingsReport;
import dev.deadbolt.report.Suppression;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A finding being built by a Deadbolt check ({@link DeadboltChecker#finding}): its message, fixes and
 * severity, then {@link #report()}.
 */
public final class Finding {
  private final DeadboltChecker checker;
  private final Tree tree;
  private final VisitorState state;
  private final Description.Builder description;
  private final List<FindingsReport.Related> related = new ArrayList<>();

  Finding(DeadboltChecker checker, Tree tree, VisitorState state, Description.Builder description) {
    this.checker = checker;
    this.tree = tree;
    this.state = state;
    this.description = description;
  }

  public Finding message(String message) {
    description.setMessage(message);
    return this;
  }

  public Finding fix(Fix fix) {
    description.addFix(fix);
    return this;
  }

  public Finding fix(Optional<? extends Fix> fix) {
    description.addFix(fix);
    return this;
  }

  /**
   * Another place that takes part in the finding, in the same file (a region's blocking call): SARIF
   * shows it as a related location.
   */
  public Finding related(Tree place, String message) {
    related.add(new FindingsReport.Related(place, message));
    return this;
  }

  public Finding severity(SeverityLevel severity) {
    description.overrideSeverity(severity);
    return this;
  }

  /**
   * Decides suppression and records the finding: returns it for Error Prone to report, or {@link
   * Description#NO_MATCH} when an enclosing declaration suppresses the check (recorded as suppressed,
   * with the annotation and its reason).
   */
  public Description report() {
    Description built = description.build();
    TreePath flagged = pathOf(tree, state);
    if (inSilencedGeneratedCode(flagged)) {
      return Description.NO_MATCH;
    }
    FindingsReport report = FindingsReport.of(state);
    if (!state.errorProneOptions().isIgnoreSuppressionAnnotations()) {
      Optional<Suppression> suppression = checker.suppressionAt(flagged, state);
      if (suppression.isEmpty()) {
        suppression = checker.suppressionAt(state.getPath(), state);
      }
      if (suppression.isPresent()) {
        report.suppressed(built, flagged, related, suppression.get(), state);
        return Description.NO_MATCH;
      }
    }
    report.reported(built, flagged, related, state);
    return built;
  }

  /**
   * Whether {@code -XepDisableWarningsInGeneratedCode} silences this finding: it is in a class marked
   * {@code @Generated} and the check is not an error. Error Prone decides this itself for the matchers
   * it calls; it calls Deadbolt's checks once per file (see {@link NodeMatchers}), where it can see only
   * whether the file's top-level class is generated.
   */
  private boolean inSilencedGeneratedCode(TreePath flagged) {
    if (!state.errorProneOptions().disableWarningsInGeneratedCode()) {
      return false;
    }
    SeverityLevel severity =
        state.severityMap().getOrDefault(checker.canonicalName(), checker.defaultSeverity());
    if (severity == SeverityLevel.ERROR) {
      return false;
    }
    for (TreePath p = flagged; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof ClassTree cls
          && ASTHelpers.getSymbol(cls) != null
          && !ASTHelpers.getGeneratedBy(ASTHelpers.getSymbol(cls)).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** The path to {@code tree}: usually the matched node or below it, else anywhere in its file. */
  private static TreePath pathOf(Tree tree, VisitorState state) {
    for (TreePath p = state.getPath(); p != null; p = p.getParentPath()) {
      if (p.getLeaf() == tree) {
        return p;
      }
    }
    TreePath below = TreePath.getPath(state.getPath(), tree);
    if (below != null) {
      return below;
    }
    TreePath anywhere = TreePath.getPath(state.getPath().getCompilationUnit(), tree);
    return anywhere != null ? anywhere : state.getPath();
  }
}
