package dev.deadbolt.checks;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern.LinkType;
import com.google.errorprone.BugPattern.StandardTags;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.AnnotationTree;
import dev.deadbolt.backpressure.BoundedByAnnotation;
import dev.deadbolt.engine.DeadboltChecker;
import dev.deadbolt.engine.DocLinks;
import dev.deadbolt.engine.NodeMatchers.AnnotationMatcher;

/**
 * Reports a {@code @BoundedBy} whose reason is empty. Such an annotation suppresses nothing (the
 * unbounded findings stay), so this tells the author why.
 */
@AutoService(BugChecker.class)
@BugPattern(
    name = "BoundedByWithoutReason",
    summary = "@BoundedBy needs a reason that says what keeps the buffer small",
    severity = WARNING,
    linkType = LinkType.CUSTOM,
    link = DocLinks.BASE + "BoundedByWithoutReason.md",
    tags = StandardTags.CONCURRENCY)
public final class BoundedByWithoutReason extends DeadboltChecker implements AnnotationMatcher {

  @Override
  public Description matchAnnotation(AnnotationTree tree, VisitorState state) {
    if (!BoundedByAnnotation.isBoundedBy(tree)
        || BoundedByAnnotation.reason(tree).filter(reason -> !reason.isBlank()).isPresent()) {
      return Description.NO_MATCH;
    }
    return finding(tree, state)
        .message(
            "This @BoundedBy has an empty reason, so it suppresses nothing: say what keeps the"
                + " buffer small (an upstream rate limit, a fixed input size) so a reader can check"
                + " it still holds.")
        .report();
  }
}
