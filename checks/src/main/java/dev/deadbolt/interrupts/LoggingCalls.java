package dev.deadbolt.interrupts;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.StatementTree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;

/**
 * Recognises statements that only report an exception: logger calls (SLF4J, java.util.logging,
 * {@code System.Logger}, Log4j, Commons Logging, Flogger), {@code System.out/err} printing and
 * {@code printStackTrace()}. Reporting is not handling, so a handler made of these does nothing.
 */
public final class LoggingCalls {
  private LoggingCalls() {}

  /** Whether every statement of {@code block} only reports (true for an empty block). */
  public static boolean onlyReports(BlockTree block, VisitorState state) {
    for (StatementTree statement : block.getStatements()) {
      if (!reports(statement, state)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code statement} is a single reporting call. */
  public static boolean reports(StatementTree statement, VisitorState state) {
    return statement instanceof ExpressionStatementTree expression
        && expression.getExpression() instanceof MethodInvocationTree call
        && isReportingCall(call, state);
  }

  private static boolean isReportingCall(MethodInvocationTree call, VisitorState state) {
    MethodSymbol method = ASTHelpers.getSymbol(call);
    if (method.getSimpleName().contentEquals("printStackTrace")) {
      return true;
    }
    // Fluent loggers (Flogger's logger.atWarning().withCause(e).log(...)): any link in the chain.
    ExpressionTree link = call;
    while (link instanceof MethodInvocationTree invocation) {
      if (isLoggerType(ASTHelpers.getSymbol(invocation).owner)) {
        return true;
      }
      ExpressionTree receiver = ASTHelpers.getReceiver(invocation);
      if (receiver == null) {
        return false;
      }
      Type receiverType = ASTHelpers.getType(receiver);
      if ((receiverType != null && isLoggerType(receiverType.tsym)) || isStandardStream(receiver)) {
        return true;
      }
      link = ASTHelpers.stripParentheses(receiver);
    }
    return false;
  }

  private static boolean isLoggerType(Symbol type) {
    if (type == null) {
      return false;
    }
    String name = type.getQualifiedName().toString();
    String simple = type.getSimpleName().toString();
    return simple.endsWith("Logger")
        || simple.equals("Log")
        || simple.endsWith("LoggingApi")
        || name.startsWith("org.slf4j.")
        || name.startsWith("java.util.logging.")
        || name.startsWith("org.apache.logging.log4j.")
        || name.startsWith("org.apache.commons.logging.")
        || name.startsWith("com.google.common.flogger.");
  }

  private static boolean isStandardStream(ExpressionTree receiver) {
    Symbol symbol = ASTHelpers.getSymbol(receiver);
    return receiver instanceof MemberSelectTree
        && symbol != null
        && symbol.owner != null
        && symbol.owner.getQualifiedName().contentEquals("java.lang.System")
        && (symbol.getSimpleName().contentEquals("out") || symbol.getSimpleName().contentEquals("err"));
  }
}
