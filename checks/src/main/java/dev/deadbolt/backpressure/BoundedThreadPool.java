package dev.deadbolt.backpressure;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.fixes.SuggestedFixes;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Symbol;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The explicit {@code ThreadPoolExecutor} that replaces an {@code Executors} factory whose queue is
 * unbounded: the same threads and keep-alive, an {@code ArrayBlockingQueue} of the given capacity, and
 * a rejection policy written out so the reader sees what happens when it is full.
 */
public final class BoundedThreadPool {
  private static final String EXECUTORS = "java.util.concurrent.Executors";

  /** What a full pool does with one more task. */
  public enum Rejection {
    /** Throws RejectedExecutionException to the submitter; keeps every task on pool threads. */
    ABORT("AbortPolicy"),
    /** Runs the task on the submitting thread, which slows the producer down. */
    CALLER_RUNS("CallerRunsPolicy");

    private final String policyClass;

    Rejection(String policyClass) {
      this.policyClass = policyClass;
    }
  }

  private BoundedThreadPool() {}

  /**
   * Replaces {@code factoryCall} with {@code new ThreadPoolExecutor(threads, threads, 0L,
   * TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity)[, threadFactory], new
   * ThreadPoolExecutor.<Policy>())}. Empty when {@code threads} would have to be evaluated twice.
   */
  public static Optional<SuggestedFix> replacing(
      ExpressionTree factoryCall,
      ExpressionTree threads,
      Optional<ExpressionTree> threadFactory,
      int capacity,
      Rejection rejection,
      VisitorState state) {
    if (!canRepeat(threads)) {
      return Optional.empty();
    }
    String source = state.getSourceForNode(threads);
    return Optional.of(
        replacing(factoryCall, source, threadFactory, capacity, rejection, state));
  }

  /** As above for a pool of a fixed, literal number of threads. */
  public static SuggestedFix replacing(
      ExpressionTree factoryCall,
      String threads,
      Optional<ExpressionTree> threadFactory,
      int capacity,
      Rejection rejection,
      VisitorState state) {
    SuggestedFix.Builder fix = SuggestedFix.builder();
    String pool = SuggestedFixes.qualifyType(state, fix, "java.util.concurrent.ThreadPoolExecutor");
    String unit = SuggestedFixes.qualifyType(state, fix, "java.util.concurrent.TimeUnit");
    String queue = SuggestedFixes.qualifyType(state, fix, "java.util.concurrent.ArrayBlockingQueue");
    StringBuilder replacement =
        new StringBuilder("new ")
            .append(pool)
            .append('(')
            .append(threads)
            .append(", ")
            .append(threads)
            .append(", 0L, ")
            .append(unit)
            .append(".MILLISECONDS, new ")
            .append(queue)
            .append("<>(")
            .append(capacity)
            .append(')');
    threadFactory.ifPresent(
        factory -> replacement.append(", ").append(state.getSourceForNode(factory)));
    replacement.append(", new ").append(pool).append('.').append(rejection.policyClass);
    replacement.append("())");
    fix.replace(factoryCall, replacement.toString());
    if (factoryCall instanceof MethodInvocationTree call) {
      removeImportLeftUnused(call, fix, state);
    }
    return fix.build();
  }

  // Drops the import the replaced call was the last user of: Executors itself for
  // Executors.f(...), the static import of f for a bare f(...).
  private static void removeImportLeftUnused(
      MethodInvocationTree call, SuggestedFix.Builder fix, VisitorState state) {
    Symbol executors = state.getSymbolFromString(EXECUTORS);
    Symbol method = ASTHelpers.getSymbol(call);
    if (executors == null || method == null) {
      return;
    }
    Predicate<Symbol> usesImport;
    Runnable removeImport;
    if (call.getMethodSelect() instanceof MemberSelectTree select
        && select.getExpression() instanceof IdentifierTree receiver
        && executors.equals(ASTHelpers.getSymbol(receiver))) {
      usesImport = executors::equals;
      removeImport = () -> fix.removeImport(EXECUTORS);
    } else if (call.getMethodSelect() instanceof IdentifierTree) {
      usesImport = symbol -> symbol.owner == executors && symbol.name.equals(method.name);
      removeImport = () -> fix.removeStaticImport(EXECUTORS + "." + method.name);
    } else {
      return;
    }
    int[] uses = {0};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitImport(ImportTree tree, Void unused) {
        return null;
      }

      @Override
      public Void visitIdentifier(IdentifierTree tree, Void unused) {
        Symbol symbol = ASTHelpers.getSymbol(tree);
        if (symbol != null && usesImport.test(symbol)) {
          uses[0]++;
        }
        return null;
      }
    }.scan(state.getPath().getCompilationUnit(), null);
    if (uses[0] == 1) {
      removeImport.run();
    }
  }
  // The thread count becomes both corePoolSize and maximumPoolSize; only expressions that read a
  // value (a constant, a variable, a field) are safe to write twice.
  private static boolean canRepeat(ExpressionTree expression) {
    if (expression instanceof ParenthesizedTree parenthesized) {
      return canRepeat(parenthesized.getExpression());
    }
    if (ASTHelpers.constValue(expression) != null || expression instanceof IdentifierTree) {
      return true;
    }
    if (expression instanceof MemberSelectTree select) {
      Symbol symbol = ASTHelpers.getSymbol(select);
      return symbol instanceof VarSymbol && canRepeat(select.getExpression());
    }
    return false;
  }
}
