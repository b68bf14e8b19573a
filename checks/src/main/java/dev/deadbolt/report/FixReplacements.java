package dev.deadbolt.report;

import com.google.errorprone.fixes.Fix;
import com.google.errorprone.fixes.Replacement;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.tools.javac.tree.JCTree.JCCompilationUnit;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;

/**
 * A fix's text replacements. {@code Fix.getReplacements} takes javac's {@code EndPosTable} up to Error
 * Prone 2.45 and Error Prone's {@code ErrorProneEndPosTable} from 2.46, and the checks jar runs on both
 * (2.42 on JDK 17, 2.50 on JDK 21+), so the argument is made for whichever is loaded.
 */
final class FixReplacements {
  private FixReplacements() {}

  @SuppressWarnings("unchecked")
  static List<Replacement> of(Fix fix, CompilationUnitTree unit) {
    try {
      Method getReplacements = null;
      for (Method method : Fix.class.getMethods()) {
        if (method.getName().equals("getReplacements") && method.getParameterCount() == 1) {
          getReplacements = method;
        }
      }
      if (getReplacements == null) {
        return List.of();
      }
      Class<?> table = getReplacements.getParameterTypes()[0];
      Object endPositions =
          table.getName().equals("com.google.errorprone.fixes.ErrorProneEndPosTable")
              ? table.getMethod("create", CompilationUnitTree.class).invoke(null, unit)
              : JCCompilationUnit.class.getField("endPositions").get(unit);
      return List.copyOf((Collection<Replacement>) getReplacements.invoke(fix, endPositions));
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("this Error Prone's Fix.getReplacements is not supported", e);
    }
  }
}
