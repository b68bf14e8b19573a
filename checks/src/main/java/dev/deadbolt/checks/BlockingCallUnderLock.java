package dev.deadbolt.checks;

import com.google.auto.service.AutoService;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.BugPattern;
import com.google.errorprone.BugPattern.LinkType;
import com.google.errorprone.BugPattern.SeverityLevel;
import com.google.errorprone.BugPattern.StandardTags;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import dev.deadbolt.analysis.BlockingCause;
import dev.deadbolt.analysis.HeldLockAnalysis;
import dev.deadbolt.analysis.LockAnalyses;
import dev.deadbolt.analysis.LockId;
import dev.deadbolt.analysis.LockSigns;
import dev.deadbolt.checks.NodeMatchers.MemberReferenceMatcher;
import dev.deadbolt.checks.NodeMatchers.MethodInvocationMatcher;
import dev.deadbolt.checks.NodeMatchers.NewClassMatcher;
import dev.deadbolt.config.DeadboltConfig;
import java.util.Optional;
import javax.inject.Inject;

/** Reports a blocking call made while a lock is held: every thread that needs the lock waits too. */
@AutoService(BugChecker.class)
@BugPattern(
    name = "BlockingCallUnderLock",
    summary = "A blocking call is made while a lock is held",
    severity = SeverityLevel.WARNING,
    linkType = LinkType.CUSTOM,
    link = DocLinks.BASE + "BlockingCallUnderLock.md",
    tags = StandardTags.CONCURRENCY)
public final class BlockingCallUnderLock extends LockAnalysisChecker
    implements MethodInvocationMatcher, NewClassMatcher, MemberReferenceMatcher {

  public BlockingCallUnderLock() {
    super(DeadboltConfig.defaults());
  }

  @Inject
  BlockingCallUnderLock(ErrorProneFlags flags) {
    super(DeadboltConfig.fromFlags(flags));
  }

  /** A file with no sign of a lock holds none anywhere: none of its nodes is looked at. */
  @Override
  protected boolean matchesIn(UnitNodes.Kind kind, CompilationUnitTree unit, VisitorState state) {
    return LockSigns.anyInUnit(unit, state.context);
  }

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    return check(tree, state);
  }

  @Override
  public Description matchNewClass(NewClassTree tree, VisitorState state) {
    return check(tree, state);
  }

  @Override
  public Description matchMemberReference(MemberReferenceTree tree, VisitorState state) {
    // `items.forEach(this::send)` runs send() right here; a stored reference runs later.
    if (!analyses(state).immediateMethods().runsNow(state.getPath(), state)) {
      return Description.NO_MATCH;
    }
    return check(tree, state);
  }

  private Description check(ExpressionTree call, VisitorState state) {
    LockAnalyses analyses = analyses(state);
    HeldLockAnalysis heldLocks = analyses.heldLocks();
    // Cheapest first: in code that takes no lock this is a walk up the tree path, nothing more; the
    // dataflow runs only for a call that blocks, in a method that takes a lock.
    if (!heldLocks.mayHoldLocks(state.getPath(), state)) {
      return Description.NO_MATCH;
    }
    Optional<BlockingCause> cause =
        analyses.blockingCalls().causeOf(call, heldLocks.resolverFor(state.getPath(), state), state);
    if (cause.isEmpty()) {
      return Description.NO_MATCH;
    }
    ImmutableSet<LockId> held = heldLocks.heldAt(state.getPath(), state);
    if (held.isEmpty()) {
      return Description.NO_MATCH;
    }
    // wait()/await() give up their own lock while waiting; only the other locks stay held.
    ImmutableSet<LockId> stillHeld =
        held.stream()
            .filter(lock -> !cause.get().releasesWhileWaiting().equals(Optional.of(lock)))
            .collect(ImmutableSet.toImmutableSet());
    if (stillHeld.isEmpty()) {
      return Description.NO_MATCH;
    }
    ClassTree enclosingClass = ASTHelpers.findEnclosingNode(state.getPath(), ClassTree.class);
    return finding(call, state)
        .message(
            cause.get().describe(enclosingClass == null ? null : ASTHelpers.getSymbol(enclosingClass))
                + " while "
                + Locks.heldPhrase(stillHeld)
                + ", so every thread that needs "
                + (stillHeld.size() == 1 ? "it" : "them")
                + " waits too")
        .report();
  }
}
