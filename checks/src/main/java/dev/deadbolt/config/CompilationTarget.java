package dev.deadbolt.config;

import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.Options;

/** The Java release the code is compiled for, as javac's own options give it. */
public final class CompilationTarget {
  private CompilationTarget() {}

  /**
   * {@code --release}, else {@code -target}, else {@code -source} (which javac uses as the target when
   * no target is given), else the JDK running javac. Read once per compilation.
   */
  public static int release(Context context) {
    Integer known = context.get(KEY);
    if (known == null) {
      known = read(context);
      context.put(KEY, known);
    }
    return known;
  }

  private static final Context.Key<Integer> KEY = new Context.Key<>();

  private static int read(Context context) {
    Options options = Options.instance(context);
    for (String option : new String[] {"--release", "--target", "--source"}) {
      String value = options.get(option);
      if (value != null) {
        try {
          String major = value.startsWith("1.") ? value.substring(2) : value;
          return Integer.parseInt(major.trim());
        } catch (NumberFormatException e) {
          // javac accepted it, so it is a form we do not know; fall through to the next source.
        }
      }
    }
    return Runtime.version().feature();
  }
}
