package dev.deadbolt.engine;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.JCDiagnostic;
import com.sun.tools.javac.util.Log;
import dev.deadbolt.config.ConfigProblem;
import dev.deadbolt.config.DeadboltFlags;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps a bug in one Deadbolt check from breaking a user's build: an unexpected exception in a matcher
 * becomes one warning per check and file, naming Deadbolt, the check and the file and asking for a
 * report, and compilation goes on without that check's findings there.
 *
 * <p>{@code -XepOpt:Deadbolt:FailOnInternalError=true} lets the exception through instead, so a test
 * fails loudly; without the flag, the system property {@code deadbolt.failOnInternalError} decides,
 * which this repository's own test runs set to true.
 */
final class InternalErrors {
  static final String ISSUES = "https://github.com/deadbolt-dev/deadbolt/issues";
  static final String SYSTEM_PROPERTY = "deadbolt.failOnInternalError";

  private static final Context.Key<InternalErrors> KEY = new Context.Key<>();

  private final boolean failLoudly;
  private final Set<String> warned = new HashSet<>();

  private InternalErrors(boolean failLoudly, List<ConfigProblem> problems) {
    this.failLoudly = failLoudly;
    this.problems = List.copyOf(problems);
  }

  private final List<ConfigProblem> problems;

  private static InternalErrors of(VisitorState state) {
    InternalErrors errors = state.context.get(KEY);
    if (errors == null) {
      List<ConfigProblem> problems = new ArrayList<>();
      // The flag, when given, wins over the system property.
      boolean failLoudly =
          DeadboltFlags.bool(
                  state.errorProneOptions().getFlags(), DeadboltFlags.FAIL_ON_INTERNAL_ERROR, problems)
              .orElse(Boolean.getBoolean(SYSTEM_PROPERTY));
      errors = new InternalErrors(failLoudly, problems);
      state.context.put(KEY, errors);
    }
    return errors;
  }

  /** A malformed {@code FailOnInternalError} value, to report with the other flag problems. */
  static List<ConfigProblem> flagProblems(VisitorState state) {
    return of(state).problems;
  }

  /**
   * Contains {@code e}, thrown by {@code check} at {@code tree}, as described above: rethrown when
   * failing loudly, else one warning per check and file.
   */
  static void contain(String check, Tree tree, VisitorState state, Throwable e) {
    InternalErrors errors = of(state);
    if (errors.failLoudly) {
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw (Error) e;
    }
    errors.warn(check, tree, state, e);
  }

  private void warn(String check, Tree tree, VisitorState state, Throwable e) {
    String file = state.getPath().getCompilationUnit().getSourceFile().getName();
    if (!warned.add(check + "\n" + file)) {
      return;
    }
    StackTraceElement where = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
    String message =
        "Deadbolt's "
            + check
            + " check failed on this file and skipped the rest of it ("
            + e
            + (where == null ? "" : " at " + where)
            + "); compilation goes on. This is a bug in Deadbolt: please report it at "
            + ISSUES
            + " with this message and, if you can, the code around this line.";
    Log.instance(state.context)
        .warning((JCTree) tree, new JCDiagnostic.Warning("compiler", "proc.messager", message));
  }
}
