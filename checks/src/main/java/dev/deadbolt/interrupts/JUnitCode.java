package dev.deadbolt.interrupts;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Attribute;
import com.sun.tools.javac.code.Symbol;

/**
 * JUnit tests (4 or 5): a method with an {@code org.junit} annotation, or a class that has one or
 * declares such methods. Tests handle interrupts to fail or to isolate themselves, and a test thread's
 * status has no reader after the test; Error Prone's own interrupt checks skip tests for that reason.
 */
public final class JUnitCode {
  private JUnitCode() {}

  /** Whether {@code path}'s leaf sits in a JUnit test method or test class. */
  public static boolean contains(TreePath path) {
    for (Tree tree : path) {
      if (tree instanceof MethodTree method && isJUnit(ASTHelpers.getSymbol(method))) {
        return true;
      }
      if (tree instanceof ClassTree type && isJUnit(ASTHelpers.getSymbol(type))) {
        return true;
      }
      if (tree instanceof ClassTree type) {
        for (Tree member : type.getMembers()) {
          if (member instanceof MethodTree method && isJUnit(ASTHelpers.getSymbol(method))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean isJUnit(Symbol symbol) {
    for (Attribute.Compound annotation : symbol.getAnnotationMirrors()) {
      if (annotation.type.tsym.getQualifiedName().toString().startsWith("org.junit.")) {
        return true;
      }
    }
    return false;
  }
}
