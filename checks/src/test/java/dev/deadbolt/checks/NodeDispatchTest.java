package dev.deadbolt.checks;

import static com.google.common.truth.Truth.assertThat;

import com.google.errorprone.BugPattern.SeverityLevel;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import dev.deadbolt.engine.DeadboltChecker;
import dev.deadbolt.engine.NodeMatchers;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/**
 * Deadbolt's checks are called node by node from one shared scan per file ({@link UnitNodes}), not by
 * Error Prone: they must see the nodes Error Prone would have shown them, in the same order, and keep
 * Error Prone's handling of generated code.
 */
@RunWith(JUnit4.class)
public class NodeDispatchTest {

  /** Test-only: reports every node of four kinds it is given, naming the kind. */
  @BugPattern(
      summary = "Names the nodes it is given",
      severity = SeverityLevel.WARNING,
      linkType = BugPattern.LinkType.NONE)
  public static final class NodeNamer extends DeadboltChecker
      implements NodeMatchers.MethodInvocationMatcher,
          NodeMatchers.ClassMatcher,
          NodeMatchers.MethodMatcher,
          NodeMatchers.NewClassMatcher {
    @Override
    public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
      return name("call", tree, state);
    }

    @Override
    public Description matchClass(ClassTree tree, VisitorState state) {
      return name("class " + tree.getSimpleName(), tree, state);
    }

    @Override
    public Description matchMethod(MethodTree tree, VisitorState state) {
      return name("method " + tree.getName(), tree, state);
    }

    @Override
    public Description matchNewClass(NewClassTree tree, VisitorState state) {
      return name("new", tree, state);
    }

    private Description name(String what, Tree tree, VisitorState state) {
      // The state's path is the node's own.
      if (state.getPath().getLeaf() != tree) {
        throw new AssertionError("state not at " + tree);
      }
      // ...and every ancestor on it is the one javac's own path search finds.
      TreePath expected = TreePath.getPath(state.getPath().getCompilationUnit(), tree);
      for (TreePath p = state.getPath(); p != null || expected != null; p = p.getParentPath()) {
        if (p == null || expected == null || p.getLeaf() != expected.getLeaf()) {
          throw new AssertionError("path of " + tree + " differs from javac's");
        }
        expected = expected.getParentPath();
      }
      return finding(tree, state).message(what).report();
    }
  }

  @Test
  public void everyKindInScanOrderAndNotJavacsDefaultConstructor() {
    JavacWithPlugin.Result result =
        JavacWithPlugin.compileWith(
            NodeNamer.class,
            "Shapes",
            """
            class Shapes {
              Object field = make();
              static Object make() {
                return new Object();
              }
            }
            """,
            "-XepOpt:Deadbolt:FailOnInternalError=true");
    assertThat(result.succeeded()).isTrue();
    assertThat(result.diagnostics())
        .containsExactly(
            "WARNING: [NodeNamer] class Shapes",
            "WARNING: [NodeNamer] call",
            "WARNING: [NodeNamer] method make",
            "WARNING: [NodeNamer] new")
        .inOrder();
    assertThat(result.lines()).containsExactly(1L, 2L, 3L, 4L).inOrder();
  }

  @Test
  public void everyPathIsJavacsPathDeepInNestedCode() {
    JavacWithPlugin.Result result =
        JavacWithPlugin.compileWith(
            NodeNamer.class,
            "Nested",
            """
            import java.util.List;
            class Nested {
              static Runnable field = () -> List.of(1).forEach(i -> System.out.println(i + 1));
              record Point(int x, int y) {
                int sum() { return switch (x) { case 0 -> y; default -> { int z = x + y; yield z; } }; }
              }
              void run(Object o) {
                new Thread() {
                  @Override public void run() {
                    synchronized (this) { if (o instanceof String s) { System.out.println(s.length()); } }
                  }
                }.start();
              }
            }
            """,
            "-XepOpt:Deadbolt:FailOnInternalError=true");
    // The matcher throws, and the flag turns that into a failed compile, if a path differs.
    assertThat(result.succeeded()).isTrue();
    assertThat(result.diagnostics()).contains("WARNING: [NodeNamer] call");
  }

  private static final String GENERATED =
      """
      class Outer {
        static void x() {}
        void mine() { x(); }
        @javax.annotation.processing.Generated("a tool")
        static class Made {
          void theirs() { x(); }
        }
      }
      """;

  @Test
  public void aGeneratedNestedClassIsSilencedWhenErrorProneIsAskedTo() {
    JavacWithPlugin.Result silenced =
        JavacWithPlugin.compileWith(
            NodeNamer.class,
            "Outer",
            GENERATED,
            "-XepOpt:Deadbolt:FailOnInternalError=true -XepDisableWarningsInGeneratedCode");
    assertThat(silenced.lines()).doesNotContain(6L);
    assertThat(silenced.lines()).contains(3L);

    JavacWithPlugin.Result all =
        JavacWithPlugin.compileWith(
            NodeNamer.class, "Outer", GENERATED, "-XepOpt:Deadbolt:FailOnInternalError=true");
    assertThat(all.lines()).contains(6L);
  }
}
