package dev.deadbolt.config;

import com.google.errorprone.VisitorState;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.JCDiagnostic;
import com.sun.tools.javac.util.Log;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.tools.JavaFileObject;

/**
 * Turns {@link ConfigProblem}s into compile errors, each once per compilation however many checks
 * share the bad flag.
 */
public final class ConfigProblems {
  private static final Context.Key<Set<ConfigProblem>> REPORTED = new Context.Key<>();

  private ConfigProblems() {}

  /** Reports each problem as a javac error (which fails the compile) unless it was reported already. */
  public static void reportOnce(List<ConfigProblem> problems, VisitorState state) {
    if (problems.isEmpty()) {
      return;
    }
    Context context = state.context;
    Set<ConfigProblem> reported = context.get(REPORTED);
    if (reported == null) {
      reported = new HashSet<>();
      context.put(REPORTED, reported);
    }
    Log log = Log.instance(context);
    // Without a source file: javac reports one error per file and position, and these have neither.
    JavaFileObject source = log.useSource(null);
    try {
      for (ConfigProblem problem : problems) {
        if (reported.add(problem)) {
          // The key annotation processors' Messager uses: the message verbatim, as a plain error.
          log.error(new JCDiagnostic.Error("compiler", "proc.messager", problem.render()));
        }
      }
    } finally {
      log.useSource(source);
    }
  }
}
