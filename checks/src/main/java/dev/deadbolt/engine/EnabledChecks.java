package dev.deadbolt.engine;

import com.google.errorprone.ErrorProneOptions.Severity;
import com.google.errorprone.ErrorProneOptions;
import com.google.errorprone.VisitorState;

/**
 * Whether another Deadbolt check runs in this compilation, for checks that share a finding (a region
 * that blocks is BlockingCallUnderLock's; VirtualThreadPinning takes it over when that check is off).
 * Decided from the options as Error Prone applies them: an explicit {@code -Xep:Name[:LEVEL]} wins,
 * then {@code -XepDisableAllChecks} or {@code -XepDisableAllWarnings} turn a warning off.
 */
public final class EnabledChecks {
  private EnabledChecks() {}

  public static boolean isOn(String checkName, VisitorState state) {
    ErrorProneOptions options = state.errorProneOptions();
    Severity override = options.getSeverityMap().get(checkName);
    if (override != null) {
      return override != Severity.OFF;
    }
    if (options.isDisableAllChecks() || options.isDisableAllWarnings()) {
      return false;
    }
    return true; // (only checks on by default share findings)
  }
}
