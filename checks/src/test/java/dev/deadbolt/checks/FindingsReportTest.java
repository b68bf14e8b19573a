package dev.deadbolt.checks;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.Assert.assertThrows;

import com.google.errorprone.bugpatterns.BugChecker;
import com.sun.source.tree.Tree;
import dev.deadbolt.config.OptIn;
import dev.deadbolt.engine.DeadboltChecker;
import dev.deadbolt.engine.DocLinks;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/**
 * The findings report ({@code -XepOpt:Deadbolt:ReportDir}) written by a real {@code -Xplugin:ErrorProne}
 * compile: every finding and every suppressed one, with what suppressed it and why.
 */
@RunWith(JUnit4.class)
public class FindingsReportTest {
  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  private static final String POLLER =
      """
      import java.util.concurrent.LinkedBlockingQueue;
      class Poller {
        private final Object lock = new Object();

        void poll() throws InterruptedException {
          synchronized (lock) {
            Thread.sleep(10);
          }
        }

        @SuppressWarnings("BlockingCallUnderLock") // only this poller takes the lock
        void quiet() throws InterruptedException {
          synchronized (lock) {
            Thread.sleep(10);
          }
        }

        // drained by the scheduler
        // every second
        @SuppressWarnings("UnboundedQueue")
        final LinkedBlockingQueue<String> drained = new LinkedBlockingQueue<>();

        @dev.deadbolt.annotations.BoundedBy("the intake admits 100 a second")
        final LinkedBlockingQueue<String> admitted = new LinkedBlockingQueue<>();

        final LinkedBlockingQueue<String> open = new LinkedBlockingQueue<>();
      }
      """;

  private static final String CHECKS = "-Xep:BlockingCallUnderLock:WARN -Xep:UnboundedQueue:ERROR";

  @Test
  public void recordsFindingsAndSuppressedFindingsWithTheirReasons() throws Exception {
    Path dir = temp.newFolder("report").toPath();
    JavacWithPlugin.Result result =
        JavacWithPlugin.compile(
            "Poller", POLLER, CHECKS + " -XepOpt:Deadbolt:ReportDir=" + dir, temp.newFolder("classes"));

    // Reporting is unchanged: two findings, the suppressed ones silent.
    assertThat(result.diagnostics()).hasSize(2);
    List<String> lines = Files.readAllLines(onlyFindingsFile(dir), StandardCharsets.UTF_8);
    assertThat(lines.get(0)).startsWith("{\"format\":\"deadbolt-findings\",\"version\":1,\"output\":\"");
    assertThat(lines).hasSize(7);
    assertThat(lines.get(6)).isEqualTo("{\"kind\":\"end\",\"findings\":2,\"suppressed\":3}");

    String blocking = line(lines, "\"kind\":\"finding\",\"check\":\"BlockingCallUnderLock\"");
    assertThat(blocking).contains("\"severity\":\"WARNING\"");
    // One finding per region, at its acquisition; each blocking call is a related place.
    assertThat(blocking).contains("\"line\":6,\"column\":5,\"endLine\":8,\"endColumn\":6");
    assertThat(blocking)
        .contains(
            "\"message\":\"`lock` is held across a blocking call: `Thread.sleep()` sleeps the thread"
                + " (line 7)");
    assertThat(blocking)
        .contains(
            "\"related\":[{\"line\":7,\"column\":19,\"message\":\"`Thread.sleep()` sleeps the"
                + " thread\"}]");
    assertThat(blocking).contains("\"link\":\"" + DocLinks.BASE + "BlockingCallUnderLock.md\"");
    assertThat(blocking).contains("\"class\":\"Poller\",\"method\":\"poll()\"");
    assertThat(blocking).contains("\"statement\":\"synchronized (lock)\"");

    // The effective severity (-Xep:UnboundedQueue:ERROR), the field it sits in and the fix.
    String queue = line(lines, "\"kind\":\"finding\",\"check\":\"UnboundedQueue\"");
    assertThat(queue).contains("\"severity\":\"ERROR\"");
    assertThat(queue).contains("\"class\":\"Poller\",\"field\":\"open\"");
    assertThat(queue)
        .contains(
            "\"statement\":\"final LinkedBlockingQueue<String> open = new LinkedBlockingQueue<>();\"");
    assertThat(queue)
        .endsWith(
            "\"fixes\":[{\"replacements\":[{\"startLine\":26,\"startColumn\":70,\"endLine\":26,"
                + "\"endColumn\":70,\"text\":\"1000\"}]}]}");

    String suppressed = line(lines, "\"kind\":\"suppressed\",\"check\":\"BlockingCallUnderLock\"");
    assertThat(suppressed).contains("\"method\":\"quiet()\",\"statement\":\"synchronized (lock)\"");
    assertThat(suppressed)
        .contains(
            "\"suppression\":{"
                + "\"annotation\":\"@SuppressWarnings(\\\"BlockingCallUnderLock\\\")\","
                + "\"target\":\"method Poller.quiet()\","
                + "\"reason\":\"only this poller takes the lock\"}");
    assertThat(line(lines, "\"field\":\"drained\""))
        .contains(
            "\"annotation\":\"@SuppressWarnings(\\\"UnboundedQueue\\\")\","
                + "\"target\":\"field Poller.drained\","
                + "\"reason\":\"drained by the scheduler every second\"}");
    assertThat(line(lines, "\"field\":\"admitted\""))
        .contains(
            "\"annotation\":\"@dev.deadbolt.annotations.BoundedBy(\\\"the intake admits 100 a"
                + " second\\\")\",\"target\":\"field Poller.admitted\","
                + "\"reason\":\"the intake admits 100 a second\"}");
  }

  @Test
  public void compilingTheSameOutputAgainReplacesItsReport() throws Exception {
    Path dir = temp.newFolder("report").toPath();
    File classes = temp.newFolder("classes");
    String flags = CHECKS + " -XepOpt:Deadbolt:ReportDir=" + dir;
    JavacWithPlugin.compile("Poller", POLLER, flags, classes);
    JavacWithPlugin.compile("Quiet", "class Quiet {}", flags, classes);

    List<String> lines = Files.readAllLines(onlyFindingsFile(dir), StandardCharsets.UTF_8);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).isEqualTo("{\"kind\":\"end\",\"findings\":0,\"suppressed\":0}");
  }

  @Test
  public void withoutReportDirNothingIsWritten() throws Exception {
    File classes = temp.newFolder("classes");
    JavacWithPlugin.compile("Poller", POLLER, CHECKS, classes);
    try (Stream<Path> files = Files.walk(classes.toPath())) {
      // (Only the method summaries, which every compile leaves in its class output for the next.)
      Path summaries = classes.toPath().resolve("META-INF/deadbolt/summaries");
      assertThat(
              files
                  .filter(f -> f.toString().endsWith(".jsonl") && !f.startsWith(summaries))
                  .toList())
          .isEmpty();
    }
  }

  @Test
  public void everyCheckReportsThroughDeadboltChecker() {
    List<String> optIn = new ArrayList<>();
    int checks = 0;
    for (BugChecker checker : ServiceLoader.load(BugChecker.class)) {
      if (!checker.getClass().getName().startsWith("dev.deadbolt.")) {
        continue;
      }
      checks++;
      assertThat(checker).isInstanceOf(DeadboltChecker.class);
      assertThat(checker.supportsSuppressWarnings()).isFalse();
      if (checker.getClass().isAnnotationPresent(OptIn.class)) {
        optIn.add(checker.canonicalName());
      }
    }
    assertThat(checks).isAtLeast(14);
    assertThat(optIn).containsExactly("ShutdownNowResultIgnored", "LoopIgnoresInterrupt");
  }

  @Test
  public void errorPronesShortcutsRefuseToBypassTheReport() {
    DeadboltChecker checker = new InterruptStatusCleared();
    UnsupportedOperationException e =
        assertThrows(UnsupportedOperationException.class, () -> checker.describeMatch((Tree) null));
    assertThat(e).hasMessageThat().contains("finding(tree, state)");
  }

  private static Path onlyFindingsFile(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> all = files.toList();
      assertThat(all.stream().filter(f -> f.toString().endsWith(".partial")).toList()).isEmpty();
      List<Path> findings =
          all.stream().filter(f -> f.getFileName().toString().matches("findings-[0-9a-f]{16}\\.jsonl")).toList();
      assertThat(findings).hasSize(1);
      return findings.get(0);
    }
  }

  private static String line(List<String> lines, String containing) {
    List<String> matching = lines.stream().filter(l -> l.contains(containing)).toList();
    assertThat(matching).hasSize(1);
    return matching.get(0);
  }
}
