package dev.deadbolt.checks;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;
import static dev.deadbolt.javac.KnownMethod.instanceMethod;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern.LinkType;
import com.google.errorprone.BugPattern.StandardTags;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol;
import dev.deadbolt.engine.DeadboltChecker;
import dev.deadbolt.engine.DocLinks;
import dev.deadbolt.engine.NodeMatchers.MethodInvocationMatcher;
import dev.deadbolt.javac.Calls;
import javax.lang.model.element.ElementKind;

/**
 * {@code CompletableFuture.cancel(true)}: the flag is ignored, the running task is not interrupted,
 * yet the call reads as if it were.
 */
@AutoService(BugChecker.class)
@BugPattern(
    name = "CompletableFutureCancelDoesNotInterrupt",
    summary =
        "CompletableFuture.cancel(true) does not interrupt the running task; mayInterruptIfRunning is"
            + " ignored",
    severity = WARNING,
    linkType = LinkType.CUSTOM,
    link = DocLinks.BASE + "CompletableFutureCancelDoesNotInterrupt.md",
    tags = StandardTags.CONCURRENCY)
public final class CompletableFutureCancelDoesNotInterrupt extends DeadboltChecker
    implements MethodInvocationMatcher {
  private static final String COMPLETABLE_FUTURE = "java.util.concurrent.CompletableFuture";

  private static final Matcher<ExpressionTree> CANCEL =
      instanceMethod(COMPLETABLE_FUTURE, "cancel").withParameters("boolean");

  /** The JDK HTTP client's futures do abort the exchange on cancel(true) (JDK 16+). */
  private static final Matcher<ExpressionTree> HTTP_SEND_ASYNC =
      instanceMethod("java.net.http.HttpClient", "sendAsync");

  public CompletableFutureCancelDoesNotInterrupt() {}

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    if (!Calls.methodName(tree).equals("cancel")
        || !CANCEL.matches(tree, state)
        || !Boolean.TRUE.equals(ASTHelpers.constValue(tree.getArguments().get(0), Boolean.class))) {
      return Description.NO_MATCH;
    }
    // A subclass that overrides cancel may well interrupt; only CompletableFuture's own is known.
    MethodSymbol cancel = ASTHelpers.getSymbol(tree);
    if (!cancel.owner.getQualifiedName().contentEquals(COMPLETABLE_FUTURE)) {
      return Description.NO_MATCH;
    }
    ExpressionTree receiver = ASTHelpers.getReceiver(tree);
    if (receiver != null && isHttpExchange(receiver, state)) {
      return Description.NO_MATCH;
    }
    return finding(tree, state)
        .message(
            "CompletableFuture.cancel(true) only completes the future exceptionally: the thread"
                + " running the task is not interrupted and keeps working after this call; cancel"
                + " through the Future that ExecutorService.submit returned, or have the task check"
                + " a cancellation flag")
        .report();
  }

  /** {@code client.sendAsync(...)} itself, or a local variable initialised with it. */
  private static boolean isHttpExchange(ExpressionTree receiver, VisitorState state) {
    ExpressionTree stripped = ASTHelpers.stripParentheses(receiver);
    if (HTTP_SEND_ASYNC.matches(stripped, state)) {
      return true;
    }
    if (!(stripped instanceof IdentifierTree)) {
      return false;
    }
    Symbol variable = ASTHelpers.getSymbol(stripped);
    if (variable == null
        || variable.getKind() != ElementKind.LOCAL_VARIABLE
        || !ASTHelpers.isConsideredFinal(variable)) {
      return false;
    }
    // Local variable symbols are unique to their declaration; find it wherever the lambda nesting is.
    VariableTree[] declaration = {null};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree tree, Void unused) {
        if (variable.equals(ASTHelpers.getSymbol(tree))) {
          declaration[0] = tree;
        }
        return super.visitVariable(tree, null);
      }
    }.scan(state.getPath().getCompilationUnit(), null);
    return declaration[0] != null
        && declaration[0].getInitializer() != null
        && HTTP_SEND_ASYNC.matches(
            ASTHelpers.stripParentheses(declaration[0].getInitializer()), state);
  }
}
