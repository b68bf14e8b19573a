package dev.deadbolt.javac;

import com.google.errorprone.CompilationTestHelper;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/** {@link MethodTrees} finds each method on the path javac's own search does ({@link MethodTreesChecker}). */
@RunWith(JUnit4.class)
public class MethodTreesTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(MethodTreesChecker.class, getClass());

  @Test
  public void everyShapeOfClass() {
    helper
        .addSourceLines(
            "Shapes.java",
            """
            import java.util.function.Supplier;
            class Shapes {
              void top() {}
              static class Member {
                void member() {}
                class Inner {
                  void inner() {}
                  interface Deep { default void deep() {} }
                }
              }
              interface Api { void api(); default void defaulted() {} }
              enum Kind {
                A { @Override void act() {} },
                B;
                void act() {}
              }
              record Point(int x, int y) {
                Point { if (x < 0) throw new IllegalArgumentException(); }
                int sum() { return x + y; }
              }
              Supplier<Object> local() {
                class Local { void local() {} }
                Runnable anonymous = new Runnable() { @Override public void run() {} };
                return () -> new Object() { @Override public String toString() { return "lambda's"; } };
              }
              Shapes() {}
              <T> T generic(T t) { return t; }
            }
            class SecondTopLevel { void second() {} }
            """)
        .addSourceLines(
            "Big.java",
            """
            class Big {
              void m0() {} void m1() {} void m2() {} void m3() {} void m4() {} void m5() {}
              void m6() {} void m7() {} void m8() {} void m9() {} void m10() {} void m11() {}
              void m12() {} void m13() {} void m14() {} void m15() {} void m16() {} void m17() {}
              void m18() {} void m19() {} void m20() {} void m21() {} void m22() {} void m23() {}
              void m24() {} void m25() {} void m26() {} void m27() {} void m28() {} void m29() {}
              void m30() {} void m31() {} void m32() {} void m33() {} void m34() {} void m35() {}
              static class Nested { void n() {} }
            }
            """)
        .expectNoDiagnostics()
        .doTest();
  }
}
