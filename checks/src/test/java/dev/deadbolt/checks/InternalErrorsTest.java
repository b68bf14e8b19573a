package dev.deadbolt.checks;

import static com.google.common.truth.Truth.assertThat;

import com.google.errorprone.BugPattern.SeverityLevel;
import com.google.errorprone.BugPattern;
import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.MethodInvocationTree;
import dev.deadbolt.engine.DeadboltChecker;
import dev.deadbolt.engine.NodeMatchers;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/** A bug in a check is contained as one warning, or fails loudly when asked to. */
@RunWith(JUnit4.class)
public class InternalErrorsTest {

  /** Test-only: a check with a bug, thrown at every call of a method named {@code boom}. */
  @BugPattern(summary = "Throws on boom()", severity = SeverityLevel.WARNING)
  public static final class BrokenCheck extends DeadboltChecker
      implements NodeMatchers.MethodInvocationMatcher {
    @Override
    public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
      if (tree.getMethodSelect().toString().equals("boom")) {
        throw new IllegalStateException("simulated bug");
      }
      return Description.NO_MATCH;
    }
  }

  private static final String SOURCE =
      """
      class Victim {
        static void boom() {}
        void a() { boom(); }
        void b() { boom(); }
      }
      """;

  @Test
  public void containedAsOneWarningPerCheckAndFileAndTheCompileGoesOn() {
    JavacWithPlugin.Result result =
        JavacWithPlugin.compileWith(
            BrokenCheck.class, "Victim", SOURCE, "-XepOpt:Deadbolt:FailOnInternalError=false");
    assertThat(result.succeeded()).isTrue();
    assertThat(result.diagnostics()).hasSize(1);
    assertThat(result.diagnostics().get(0))
        .startsWith(
            "WARNING: Deadbolt's BrokenCheck check failed on this file and skipped the rest of it"
                + " (java.lang.IllegalStateException: simulated bug");
    assertThat(result.diagnostics().get(0))
        .contains("please report it at https://github.com/deadbolt-dev/deadbolt/issues");
    assertThat(result.lines()).containsExactly(3L); // at the call that failed, the first boom()
  }

  @Test
  public void failsLoudlyWhenAsked() {
    JavacWithPlugin.Result result =
        JavacWithPlugin.compileWith(
            BrokenCheck.class, "Victim", SOURCE, "-XepOpt:Deadbolt:FailOnInternalError=true");
    assertThat(result.succeeded()).isFalse();
    assertThat(String.join("\n", result.diagnostics())).contains("simulated bug");
  }

  @Test
  public void malformedFlagIsAnError() {
    CompilationTestHelper.newInstance(BrokenCheck.class, getClass())
        .setArgs("-XepOpt:Deadbolt:FailOnInternalError=sometimes")
        .addSourceLines("Ok.java", "class Ok {}")
        .expectResult(com.sun.tools.javac.main.Main.Result.ERROR)
        .doTest();
  }
}
