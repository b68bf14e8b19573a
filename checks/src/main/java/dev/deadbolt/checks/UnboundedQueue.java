package dev.deadbolt.checks;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern.LinkType;
import com.google.errorprone.BugPattern.StandardTags;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import dev.deadbolt.backpressure.AdmissionBoundedQueues;
import dev.deadbolt.backpressure.BackpressureOptions;
import dev.deadbolt.backpressure.ThreadPoolConstructors;
import dev.deadbolt.backpressure.UnboundedBuffer;
import dev.deadbolt.backpressure.UnboundedBuffers;
import dev.deadbolt.engine.BackpressureChecker;
import dev.deadbolt.engine.DocLinks;
import dev.deadbolt.engine.NodeMatchers.MemberReferenceMatcher;
import dev.deadbolt.engine.NodeMatchers.MethodInvocationMatcher;
import dev.deadbolt.engine.NodeMatchers.NewClassMatcher;
import java.util.Optional;
import javax.inject.Inject;

/** Reports the construction of a concurrent queue or reactive buffer that has no capacity bound. */
@AutoService(BugChecker.class)
@BugPattern(
    name = "UnboundedQueue",
    summary =
        "This concurrent queue has no capacity bound; when consumers fall behind it grows until the"
            + " heap runs out",
    severity = WARNING,
    linkType = LinkType.CUSTOM,
    link = DocLinks.BASE + "UnboundedQueue.md",
    tags = StandardTags.CONCURRENCY)
public final class UnboundedQueue extends BackpressureChecker
    implements NewClassMatcher, MethodInvocationMatcher, MemberReferenceMatcher {

  /** For ServiceLoader; Error Prone itself uses the flags constructor. */
  public UnboundedQueue() {
    super(BackpressureOptions.defaults());
  }

  @Inject
  public UnboundedQueue(ErrorProneFlags flags) {
    super(BackpressureOptions.fromFlags(flags));
  }

  @Override
  public Description matchNewClass(NewClassTree tree, VisitorState state) {
    return check(tree, state);
  }

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    return check(tree, state);
  }

  @Override
  public Description matchMemberReference(MemberReferenceTree tree, VisitorState state) {
    return check(tree, state);
  }

  private Description check(ExpressionTree tree, VisitorState state) {
    Optional<UnboundedBuffer> buffer = UnboundedBuffers.recognize(tree, state);
    if (buffer.isEmpty()
        || ThreadPoolConstructors.isWorkQueueArgument(state)
        || AdmissionBoundedQueues.isAdmissionBounded(state)) {
      return Description.NO_MATCH;
    }
    return finding(tree, state)
        .message(
            buffer.get().sentenceSubject()
                + " grows without bound: when consumers fall behind, it keeps every element"
                + " they have not taken until the heap runs out.")
        .fix(buffer.get().fix(options.defaultCapacity(), state))
        .report();
  }
}
