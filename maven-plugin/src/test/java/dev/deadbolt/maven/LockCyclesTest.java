package dev.deadbolt.maven;

import static com.google.common.truth.Truth.assertThat;
import static dev.deadbolt.maven.Fixtures.edge;

import java.util.ArrayList;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class LockCyclesTest {
  private static final RecordedEdge CORE_ORDER = edge("Ledger.accounts", "Ledger.journal", "core", 9);
  private static final RecordedEdge APP_ORDER = edge("Ledger.journal", "Ledger.accounts", "app", 14);

  @Test
  public void aDeclaredOrderNeverClosesACycle() {
    RecordedEdge declared = Fixtures.declaredEdge("Ledger.accounts", "Ledger.journal", "core", 3);
    assertThat(LockCycles.find(List.of(APP_ORDER), List.of(APP_ORDER, declared))).isEmpty();
    assertThat(LockCycles.find(List.of(declared), List.of(APP_ORDER, declared))).isEmpty();
  }

  @Test
  public void theModuleThatClosesACycleAcrossModulesReportsIt() {
    List<RecordedFinding> app = LockCycles.find(List.of(APP_ORDER), List.of(APP_ORDER, CORE_ORDER));
    assertThat(app).hasSize(1);
    RecordedFinding cycle = app.get(0);
    assertThat(cycle.check()).isEqualTo("LockOrderInversion");
    assertThat(cycle.line()).isEqualTo(14);
    assertThat(cycle.message())
        .isEqualTo(
            "`Ledger.accounts` is acquired while `Ledger.journal` is held, but Locks.m9() (Locks.java:9,"
                + " module core) acquires them in the opposite order: two threads running both can"
                + " deadlock");
    assertThat(cycle.related()).hasSize(1);

    // The upstream module alone sees no cycle.
    assertThat(LockCycles.find(List.of(CORE_ORDER), List.of(CORE_ORDER))).isEmpty();
  }

  @Test
  public void aCycleTheCompileAlsoFoundIsReportedOnceAsFoundAcrossModules() {
    // The compile of app read core's lock edges from its jar and reported the same acquisition.
    RecordedFinding compiled =
        Fixtures.finding(
            "LockOrderInversion", "../app/src/main/java/com/acme/app/Locks.java", 14, "m14()", "x");
    RecordedFinding elsewhere =
        Fixtures.finding("BlockingCallUnderLock", "src/main/java/com/acme/Other.java", 14, "m()", "y");
    List<RecordedFinding> cycles =
        LockCycles.find(List.of(APP_ORDER), List.of(APP_ORDER, CORE_ORDER));

    List<RecordedFinding> merged =
        LockCycles.mergeWithCompiled(List.of(compiled, elsewhere), cycles);
    assertThat(merged).containsExactly(cycles.get(0), elsewhere).inOrder();

    // Suppressed in the source, it stays suppressed: the cycle is not reported again beside it.
    RecordedFinding suppressed = Fixtures.suppressed(compiled, "reviewed");
    assertThat(LockCycles.mergeWithCompiled(List.of(suppressed), cycles)).containsExactly(suppressed);

    // A cycle the compile did not report is added.
    assertThat(LockCycles.mergeWithCompiled(List.of(elsewhere), cycles))
        .containsExactly(elsewhere, cycles.get(0))
        .inOrder();
  }

  @Test
  public void aCycleWithinOneCompilationIsLeftToLockOrderInversion() {
    RecordedEdge back = edge("Ledger.journal", "Ledger.accounts", "core", 20);
    assertThat(LockCycles.find(List.of(CORE_ORDER, back), List.of(CORE_ORDER, back))).isEmpty();
  }

  @Test
  public void longerCyclesAreFoundAndNamed() {
    List<RecordedEdge> all = new ArrayList<>();
    all.add(edge("A.a", "A.b", "one", 3));
    all.add(edge("A.b", "A.c", "two", 4));
    RecordedEdge closing = edge("A.c", "A.a", "three", 5);
    all.add(closing);
    List<RecordedFinding> found = LockCycles.find(List.of(closing), all);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).message())
        .contains("closes a cycle of lock orders (`A.b` under `A.a` in Locks.m3() (Locks.java:3, module"
            + " one); `A.c` under `A.b` in Locks.m4() (Locks.java:4, module two))");
  }
}
