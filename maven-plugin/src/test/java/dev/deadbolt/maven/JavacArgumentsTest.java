package dev.deadbolt.maven;

import static com.google.common.truth.Truth.assertThat;

import java.io.File;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class JavacArgumentsTest {
  private static final String EP = "-Xplugin:ErrorProne -XepDisableAllChecks";
  private static final List<String> EP_PATH = List.of("/p/error_prone_core.jar", "/p/deadbolt-checks.jar");

  private static JavacArguments.Layout layout(
      List<String> classPath, List<String> modulePath, List<String> processorPath, int javac) {
    return new JavacArguments.Layout(
        "/scratch/classes", "/scratch/generated", classPath, modulePath, processorPath, EP_PATH, javac);
  }

  private static CompilerSettings settings(
      @Nullable String release, @Nullable String source, @Nullable String target) {
    return new CompilerSettings(
        release, source, target, "UTF-8", List.of(), false, false, true, null, null, List.of(), false, List.of());
  }

  private static @Nullable String after(List<String> options, String option) {
    int at = options.indexOf(option);
    return at < 0 ? null : options.get(at + 1);
  }

  @Test
  public void sourceAndTargetStaySourceAndTargetSoTheJdkModulesStayVisible() {
    List<String> options =
        JavacArguments.assemble(settings(null, "1.8", "1.8"), layout(List.of(), List.of(), List.of(), 25), EP)
            .options();
    assertThat(after(options, "-source")).isEqualTo("8");
    assertThat(after(options, "-target")).isEqualTo("8");
    assertThat(options).doesNotContain("--release");
  }

  @Test
  public void releaseWinsOverSourceAndTarget() {
    List<String> options =
        JavacArguments.assemble(settings("17", "1.8", "1.8"), layout(List.of(), List.of(), List.of(), 25), EP)
            .options();
    assertThat(after(options, "--release")).isEqualTo("17");
    assertThat(options).containsNoneOf("-source", "-target");
  }

  @Test
  public void aLevelJavacNoLongerAcceptsIsRaisedToTheOldestItDoesAndSaysSo() {
    JavacArguments.Result result =
        JavacArguments.assemble(settings(null, "1.6", "1.7"), layout(List.of(), List.of(), List.of(), 25), EP);
    assertThat(after(result.options(), "-source")).isEqualTo("8");
    assertThat(after(result.options(), "-target")).isEqualTo("8");
    assertThat(result.adjustments()).hasSize(2);
    assertThat(result.adjustments().get(0)).startsWith("source 1.6 raised to 8");
  }

  @Test
  public void theModulesProcessorPathAndErrorProneShareOneProcessorPath() {
    CompilerSettings lombok =
        new CompilerSettings(
            null, null, null, null, List.of("-parameters"), false, false, true, null, null, List.of(), true, List.of());
    List<String> options =
        JavacArguments.assemble(
                lombok, layout(List.of("/m2/slf4j.jar"), List.of(), List.of("/m2/lombok.jar"), 25), EP)
            .options();
    assertThat(after(options, "-processorpath"))
        .isEqualTo(String.join(File.pathSeparator, "/m2/lombok.jar", EP_PATH.get(0), EP_PATH.get(1)));
    assertThat(options).doesNotContain("-proc:none");
    assertThat(after(options, "-classpath")).isEqualTo("/m2/slf4j.jar");
    assertThat(options).contains("-parameters");
    assertThat(options.get(options.size() - 1)).isEqualTo(EP);
  }

  @Test
  public void namedProcessorsAreKeptAndErrorProneStillLoadsFromTheProcessorPath() {
    CompilerSettings named =
        new CompilerSettings(
            null, null, null, null, List.of(), false, false, true, null, null,
            List.of("com.acme.Gen", "com.acme.Other"), true, List.of());
    List<String> options =
        JavacArguments.assemble(named, layout(List.of(), List.of(), List.of("/m2/gen.jar"), 25), EP).options();
    assertThat(after(options, "-processor")).isEqualTo("com.acme.Gen,com.acme.Other");
    assertThat(after(options, "-processorpath")).startsWith("/m2/gen.jar" + File.pathSeparator);
  }

  @Test
  public void withoutProcessorPathsJavac23AndLaterRunsNoClassPathProcessorsAndNeitherDoesAnalyze() {
    List<String> options =
        JavacArguments.assemble(
                settings(null, null, null), layout(List.of("/m2/lombok.jar"), List.of(), List.of(), 25), EP)
            .options();
    assertThat(after(options, "-processorpath")).isEqualTo(String.join(File.pathSeparator, EP_PATH));
    assertThat(options).contains("-proc:none");
  }

  @Test
  public void withoutProcessorPathsOlderJavacRunsTheClassPathsProcessors() {
    List<String> options =
        JavacArguments.assemble(
                settings(null, null, null), layout(List.of("/m2/lombok.jar"), List.of(), List.of(), 21), EP)
            .options();
    assertThat(after(options, "-processorpath"))
        .isEqualTo(String.join(File.pathSeparator, "/m2/lombok.jar", EP_PATH.get(0), EP_PATH.get(1)));
    assertThat(options).doesNotContain("-proc:none");
  }

  @Test
  public void procFullRunsTheClassPathsProcessorsOnAnyJavac() {
    CompilerSettings full =
        new CompilerSettings(
            null, null, null, null, List.of(), false, false, true, null, "full", List.of(), false, List.of());
    List<String> options =
        JavacArguments.assemble(full, layout(List.of("/m2/lombok.jar"), List.of(), List.of(), 25), EP).options();
    assertThat(after(options, "-processorpath")).startsWith("/m2/lombok.jar");
    assertThat(options).contains("-proc:full");
  }

  @Test
  public void aModularModuleGetsItsModulePath() {
    List<String> options =
        JavacArguments.assemble(
                settings("11", null, null),
                layout(List.of("/m2/plain.jar"), List.of("/m2/slf4j-api.jar"), List.of(), 25),
                EP)
            .options();
    assertThat(after(options, "--module-path")).isEqualTo("/m2/slf4j-api.jar");
    assertThat(after(options, "-classpath")).isEqualTo("/m2/plain.jar");
  }

  @Test
  public void werrorAndTheModulesOwnErrorProneAreLeftOutAndSaid() {
    CompilerSettings strict =
        new CompilerSettings(
            null, null, null, null,
            List.of("-Werror", "-Xlint:all", "-Xplugin:ErrorProne -Xep:Foo:ERROR", "--should-stop=ifError=ATTR", "--enable-preview"),
            false, true, false, null, null, List.of(), false, List.of());
    JavacArguments.Result result =
        JavacArguments.assemble(strict, layout(List.of(), List.of(), List.of(), 25), EP);
    assertThat(result.options()).containsAtLeast("-Xlint:all", "--enable-preview");
    assertThat(result.options()).containsNoneOf("-Werror", "-Xplugin:ErrorProne -Xep:Foo:ERROR", "--should-stop=ifError=ATTR", "-g");
    assertThat(result.options()).contains("--should-stop=ifError=FLOW");
    assertThat(result.adjustments()).hasSize(3);
  }

  @Test
  public void outputGoesToTheScratchDirectories() {
    List<String> options =
        JavacArguments.assemble(settings(null, null, null), layout(List.of(), List.of(), List.of(), 25), EP).options();
    assertThat(after(options, "-d")).isEqualTo("/scratch/classes");
    assertThat(after(options, "-s")).isEqualTo("/scratch/generated");
    assertThat(after(options, "-encoding")).isEqualTo("UTF-8");
    assertThat(after(options, "-classpath")).isEqualTo("/scratch/classes");
  }
}
