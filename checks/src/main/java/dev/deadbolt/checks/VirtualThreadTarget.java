package dev.deadbolt.checks;

import com.google.errorprone.VisitorState;
import dev.deadbolt.config.CompilationTarget;
import dev.deadbolt.config.DeadboltConfig;

/**
 * The JDK the code runs on as far as virtual threads are concerned: whether blocking while holding a
 * monitor pins a carrier thread there (JDK 21 to 23; JEP 491 ended it in 24), and how a message says
 * what was assumed.
 */
final class VirtualThreadTarget {
  /** JEP 491: from this JDK on, blocking while holding a monitor no longer pins. */
  static final int MONITORS_STOP_PINNING = 24;

  private VirtualThreadTarget() {}

  /** Whether blocking inside {@code synchronized} pins a virtual thread on the JDK assumed. */
  static boolean monitorsPin(DeadboltConfig config, VisitorState state) {
    return runtimeJdk(config, state) < MONITORS_STOP_PINNING;
  }

  /**
   * The oldest JDK the code runs on: the flag, else the oldest that {@code --release}/{@code -target}
   * allows, and never older than the first JDK with virtual threads.
   */
  static int runtimeJdk(DeadboltConfig config, VisitorState state) {
    if (config.runtimeJdk().isPresent()) {
      return config.runtimeJdk().getAsInt();
    }
    return Math.max(DeadboltConfig.FIRST_VIRTUAL_THREAD_JDK, CompilationTarget.release(state.context));
  }

  /**
   * What was assumed about the JDK, for a message: {@code assuming it runs on JDK 21-23} with the flag
   * that says otherwise, and, for code compiled for a release without virtual threads, that it may
   * still run on a JDK that has them.
   */
  static String assumption(DeadboltConfig config, VisitorState state) {
    if (config.runtimeJdk().isPresent()) {
      return "RuntimeJdk=" + config.runtimeJdk().getAsInt();
    }
    int release = CompilationTarget.release(state.context);
    String target =
        release < DeadboltConfig.FIRST_VIRTUAL_THREAD_JDK
            ? "compiled for " + release + ", which may run on JDK 21-23"
            : "compiled for " + release;
    return target + "; -XepOpt:Deadbolt:RuntimeJdk=24 if it never runs on 21-23";
  }
}
