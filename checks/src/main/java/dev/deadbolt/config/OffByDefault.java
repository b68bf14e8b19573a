package dev.deadbolt.config;

import com.google.errorprone.ErrorProneOptions.Severity;
import com.google.errorprone.ErrorProneOptions;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;

/**
 * Makes a check silent unless the user asked for it by name.
 *
 * <p>Error Prone 2.50 has no way for a plugin to ship a check that is off by default: built-in checks
 * are off because they sit in {@code BuiltInCheckerSuppliers.DISABLED_CHECKS}, but every checker found
 * on the processor path is loaded enabled ({@code ErrorPronePlugins.loadPlugins} builds its supplier
 * with nothing disabled). {@code BugPattern(disableable = false)} does the opposite (the check can no
 * longer be turned off) and {@code SeverityLevel.SUGGESTION} still runs and prints every finding as a
 * note. So an off-by-default check asks here and reports only when the command line enables it the way
 * it would enable a built-in disabled check: {@code -Xep:Name}, {@code -Xep:Name:WARN},
 * {@code -Xep:Name:ERROR}, or {@code -XepAllDisabledChecksAsWarnings}.
 */
public final class OffByDefault {
  private OffByDefault() {}

  /** Whether the compilation's Error Prone options switch {@code checker} on explicitly. */
  public static boolean enabled(BugChecker checker, VisitorState state) {
    ErrorProneOptions options = state.errorProneOptions();
    boolean byName = false;
    for (String name : checker.allNames()) {
      Severity severity = options.getSeverityMap().get(name);
      if (severity != null) {
        // The last spelling wins on the command line; any explicit OFF keeps the check off.
        if (severity == Severity.OFF) {
          return false;
        }
        byName = true;
      }
    }
    return byName || options.isEnableAllChecksAsWarnings();
  }
}
