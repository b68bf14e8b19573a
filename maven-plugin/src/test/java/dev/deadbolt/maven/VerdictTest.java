package dev.deadbolt.maven;

import static com.google.common.truth.Truth.assertThat;
import static dev.deadbolt.maven.Fixtures.MODULE;
import static dev.deadbolt.maven.Fixtures.ROOT;
import static dev.deadbolt.maven.Fixtures.finding;

import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class VerdictTest {
  private static final String FILE = "src/main/java/com/acme/Inventory.java";

  @Test
  public void aFindingNotInTheBaselineIsNewAndTheBaselineAcceptsIt() {
    List<RecordedFinding> findings = List.of(finding("BlockingCallUnderLock", FILE, 14, "refresh()", "Thread.sleep(10);"));
    Verdict first = Verdict.judge(findings, Baseline.empty(), MODULE, ROOT);
    assertThat(first.in(Verdict.State.NEW)).hasSize(1);
    assertThat(first.results().get(0).file()).isEqualTo("shop/" + FILE);

    Baseline baseline = first.toBaseline(MODULE);
    assertThat(baseline.entries().get(0).file()).isEqualTo(FILE);
    assertThat(baseline.entries().get(0).member()).isEqualTo("com.acme.Inventory#refresh()");
    Verdict second = Verdict.judge(findings, baseline, MODULE, ROOT);
    assertThat(second.in(Verdict.State.BASELINED)).hasSize(1);
    assertThat(second.stale()).isEmpty();
  }

  @Test
  public void movingTheCodeKeepsTheFingerprintButChangingTheStatementDoesNot() {
    Baseline baseline =
        Verdict.judge(
                List.of(finding("BlockingCallUnderLock", FILE, 14, "refresh()", "Thread.sleep(10);")),
                Baseline.empty(),
                MODULE,
                ROOT)
            .toBaseline(MODULE);

    Verdict moved =
        Verdict.judge(
            List.of(finding("BlockingCallUnderLock", FILE, 40, "refresh()", "Thread.sleep(10);")),
            baseline,
            MODULE,
            ROOT);
    assertThat(moved.in(Verdict.State.BASELINED)).hasSize(1);

    Verdict changed =
        Verdict.judge(
            List.of(finding("BlockingCallUnderLock", FILE, 14, "refresh()", "Thread.sleep(20);")),
            baseline,
            MODULE,
            ROOT);
    assertThat(changed.in(Verdict.State.NEW)).hasSize(1);
    assertThat(changed.stale()).hasSize(1);
  }

  @Test
  public void identicalStatementsInOneMethodAreCountedNotMerged() {
    RecordedFinding one = finding("UnboundedQueue", FILE, 10, "start()", "q = new LinkedBlockingQueue<>();");
    RecordedFinding two = finding("UnboundedQueue", FILE, 12, "start()", "q = new LinkedBlockingQueue<>();");
    Baseline baseline = Verdict.judge(List.of(one), Baseline.empty(), MODULE, ROOT).toBaseline(MODULE);

    Verdict both = Verdict.judge(List.of(one, two), baseline, MODULE, ROOT);
    assertThat(both.in(Verdict.State.BASELINED)).hasSize(1);
    assertThat(both.in(Verdict.State.NEW)).hasSize(1);
    assertThat(both.results().get(0).fingerprint()).isNotEqualTo(both.results().get(1).fingerprint());
  }

  @Test
  public void suppressedFindingsNeitherFailNorEnterTheBaseline() {
    RecordedFinding quiet =
        Fixtures.suppressed(finding("BlockingCallUnderLock", FILE, 14, "x()", "Thread.sleep(1);"), "why");
    Verdict verdict = Verdict.judge(List.of(quiet), Baseline.empty(), MODULE, ROOT);
    assertThat(verdict.in(Verdict.State.SUPPRESSED)).hasSize(1);
    assertThat(verdict.toBaseline(MODULE).entries()).isEmpty();
  }
}
