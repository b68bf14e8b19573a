package dev.deadbolt.blocking;

import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** How a chain of calls reads in a finding. */
public final class Chains {
  private Chains() {}

  /** {@code `post() -> Ledger.append()`}: methods of {@code context} without their class name. */
  public static String render(List<MethodSymbol> via, @Nullable ClassSymbol context) {
    return "`" + String.join(" -> ", BlockingCause.steps(via, context)) + "`";
  }
}
