package dev.deadbolt.checks;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;
import static dev.deadbolt.javac.KnownMethod.instanceMethod;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern.LinkType;
import com.google.errorprone.BugPattern.StandardTags;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.fixes.SuggestedFixes;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.matchers.UnusedReturnValueMatcher;
import com.google.errorprone.util.ASTHelpers;
import com.google.errorprone.util.FindIdentifiers;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Type;
import dev.deadbolt.config.OffByDefault;
import dev.deadbolt.config.OptIn;
import dev.deadbolt.engine.DeadboltChecker;
import dev.deadbolt.engine.DocLinks;
import dev.deadbolt.engine.Finding;
import dev.deadbolt.engine.NodeMatchers.MethodInvocationMatcher;
import dev.deadbolt.javac.Calls;

/**
 * {@code executor.shutdownNow();} with the returned list dropped: the tasks that never started vanish,
 * and the Futures of submitted ones never complete. Off by default (see the docs page): the JDK's own
 * shutdown idiom drops the list, so most findings would restate a deliberate choice.
 */
@AutoService(BugChecker.class)
@OptIn
@BugPattern(
    name = "ShutdownNowResultIgnored",
    summary =
        "shutdownNow() returns the tasks that never ran; ignoring the list loses them and leaves their"
            + " Futures incomplete",
    severity = WARNING,
    linkType = LinkType.CUSTOM,
    link = DocLinks.BASE + "ShutdownNowResultIgnored.md",
    tags = StandardTags.CONCURRENCY)
public final class ShutdownNowResultIgnored extends DeadboltChecker
    implements MethodInvocationMatcher {
  private static final Matcher<ExpressionTree> SHUTDOWN_NOW =
      instanceMethod("java.util.concurrent.ExecutorService", "shutdownNow").withNoParameters();

  public ShutdownNowResultIgnored() {}

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    if (!Calls.methodName(tree).equals("shutdownNow")
        || !SHUTDOWN_NOW.matches(tree, state)
        || !UnusedReturnValueMatcher.isReturnValueUnused(tree, state)
        || !OffByDefault.enabled(this, state)) {
      return Description.NO_MATCH;
    }
    // ForkJoinPool.shutdownNow() always returns an empty list: there is nothing to lose.
    Type receiver = ASTHelpers.getReceiverType(tree);
    Type forkJoinPool = state.getTypeFromString("java.util.concurrent.ForkJoinPool");
    if (receiver != null && forkJoinPool != null && ASTHelpers.isSubtype(receiver, forkJoinPool, state)) {
      return Description.NO_MATCH;
    }
    Finding finding =
        finding(tree, state)
            .message(
                "shutdownNow() hands back the tasks that never started and this call drops them:"
                    + " their work is lost without a trace and the Futures of submitted ones never"
                    + " complete, so a caller blocked in get() waits forever; cancel or record them");
    Tree parent = state.getPath().getParentPath().getLeaf();
    if (parent instanceof ExpressionStatementTree statement) {
      finding.fix(cancelNeverRan(statement, tree, state));
    }
    return finding.report();
  }

  /** Cancels the Futures among the returned tasks, so that nobody waits on them forever. */
  private static SuggestedFix cancelNeverRan(
      ExpressionStatementTree statement, MethodInvocationTree call, VisitorState state) {
    SuggestedFix.Builder fix = SuggestedFix.builder();
    String future = SuggestedFixes.qualifyType(state, fix, "java.util.concurrent.Future");
    String task = "neverRan";
    for (int i = 2; FindIdentifiers.findIdent(task, state) != null; i++) {
      task = "neverRan" + i;
    }
    fix.replace(
        statement,
        "for (Runnable "
            + task
            + " : "
            + state.getSourceForNode(call)
            + ") {\n"
            + "  if ("
            + task
            + " instanceof "
            + future
            + ") {\n"
            + "    (("
            + future
            + "<?>) "
            + task
            + ").cancel(false);\n"
            + "  }\n"
            + "}");
    return fix.build();
  }
}
