package dev.deadbolt.maven;

import static com.google.common.truth.Truth.assertThat;
import static dev.deadbolt.maven.Fixtures.MODULE;
import static dev.deadbolt.maven.Fixtures.ROOT;
import static dev.deadbolt.maven.Fixtures.edge;

import java.util.List;
import java.util.Set;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class LockGraphTest {
  private static final String ACCOUNTS = "com.acme.core.Ledger.accounts";
  private static final String JOURNAL = "com.acme.core.Ledger.journal";
  private static final String AUDIT = "com.acme.audit.Trail.this";

  @Test
  public void edgesOfACycleAreFlaggedAndLeadToItsFinding() {
    RecordedEdge coreOrder = edge(ACCOUNTS, JOURNAL, "core", 10);
    RecordedEdge appOrder = edge(JOURNAL, ACCOUNTS, "app", 14);
    RecordedEdge toAudit = edge(JOURNAL, AUDIT, "app", 20);
    RecordedFinding cycle = lockFinding(LockGraph.INVERSION, appOrder);
    Verdict verdict = Verdict.judge(List.of(cycle), Baseline.empty(), MODULE, ROOT);
    String anchor = HtmlReport.anchor(verdict.results().get(0));

    LockGraph graph =
        LockGraph.of(List.of(coreOrder, appOrder, toAudit, appOrder), verdict, HtmlReport::anchor, ROOT);

    assertThat(graph.locks().stream().map(LockGraph.Lock::name).toList())
        .containsExactly(AUDIT, ACCOUNTS, JOURNAL)
        .inOrder();
    assertThat(graph.cycles()).containsExactly(List.of(ACCOUNTS, JOURNAL));
    LockGraph.Edge forward = edgeOf(graph, ACCOUNTS, JOURNAL);
    LockGraph.Edge back = edgeOf(graph, JOURNAL, ACCOUNTS);
    LockGraph.Edge out = edgeOf(graph, JOURNAL, AUDIT);
    assertThat(forward.onCycle()).isTrue();
    assertThat(back.onCycle()).isTrue();
    assertThat(out.flagged()).isFalse();
    // The closing acquisition is the finding's site; the other side of the cycle leads there too.
    assertThat(back.finding()).isEqualTo(anchor);
    assertThat(forward.finding()).isEqualTo(anchor);
    assertThat(out.finding()).isNull();
    assertThat(back.sites()).hasSize(1);
    assertThat(back.sites().get(0).label()).isEqualTo("Locks.m14():14");
    assertThat(back.sites().get(0).file()).isEqualTo("app/src/main/java/com/acme/app/Locks.java");
  }

  @Test
  public void theDeclaredOrderIsDrawnApartAndNeverMakesACycle() {
    RecordedEdge declared = Fixtures.declaredEdge(ACCOUNTS, JOURNAL, "core", 5);
    RecordedEdge observed = edge(JOURNAL, ACCOUNTS, "core", 30);
    Verdict verdict = Verdict.judge(List.of(), Baseline.empty(), MODULE, ROOT);

    LockGraph graph = LockGraph.of(List.of(declared, observed), verdict, HtmlReport::anchor, ROOT);

    assertThat(graph.cycles()).isEmpty();
    LockGraph.Edge order = edgeOf(graph, ACCOUNTS, JOURNAL);
    assertThat(order.declared()).isTrue();
    assertThat(order.flagged()).isFalse();
    assertThat(order.sites().get(0).label()).isEqualTo("@LockOrder:5");
    assertThat(edgeOf(graph, JOURNAL, ACCOUNTS).declared()).isFalse();
    String svg = LockGraphSvg.draw(LockGraphLayout.layout(graph), "g", "graph");
    assertThat(svg).contains("class=\"edge declared\" data-held=\"" + ACCOUNTS + "\"");
    assertThat(svg).contains("is declared to be acquired before");
  }

  @Test
  public void anAcquisitionAgainstTheDeclaredOrderIsFlaggedWithoutACycle() {
    RecordedEdge wrongWay = edge(JOURNAL, ACCOUNTS, "core", 30);
    Verdict verdict =
        Verdict.judge(List.of(lockFinding(LockGraph.VIOLATION, wrongWay)), Baseline.empty(), MODULE, ROOT);

    LockGraph.Edge edge =
        LockGraph.of(List.of(wrongWay), verdict, HtmlReport::anchor, ROOT).edges().get(0);

    assertThat(edge.onCycle()).isFalse();
    assertThat(edge.violatesDeclaredOrder()).isTrue();
    assertThat(edge.flagged()).isTrue();
    assertThat(edge.finding()).isEqualTo(HtmlReport.anchor(verdict.results().get(0)));
  }

  @Test
  public void theDeclaredSideOfACycleLeadsToTheViolationWhenNoInversionIsReported() {
    RecordedEdge declared = edge(ACCOUNTS, JOURNAL, "core", 20);
    RecordedEdge wrongWay = edge(JOURNAL, ACCOUNTS, "core", 30);
    Verdict verdict =
        Verdict.judge(List.of(lockFinding(LockGraph.VIOLATION, wrongWay)), Baseline.empty(), MODULE, ROOT);

    LockGraph graph = LockGraph.of(List.of(declared, wrongWay), verdict, HtmlReport::anchor, ROOT);

    LockGraph.Edge follows = edgeOf(graph, ACCOUNTS, JOURNAL);
    assertThat(follows.onCycle()).isTrue();
    assertThat(follows.violatesDeclaredOrder()).isFalse();
    assertThat(follows.finding()).isEqualTo(HtmlReport.anchor(verdict.results().get(0)));
  }

  @Test
  public void locksAreLabelledAsMessagesNameThemUnlessTwoWouldReadTheSame() {
    LockGraph graph =
        LockGraph.of(
            List.of(
                edge("com.acme.Bank.lock", "com.other.Bank.lock", "core", 1),
                edge("com.other.Bank.lock", "com.acme.Vault.this", "core", 2)),
            Verdict.judge(List.of(), Baseline.empty(), MODULE, ROOT),
            HtmlReport::anchor,
            ROOT);

    assertThat(graph.locks().stream().map(LockGraph.Lock::label).toList())
        .containsExactly("com.acme.Bank.lock", "Vault.this", "com.other.Bank.lock")
        .inOrder();
  }

  @Test
  public void byClassDrawsEachClassOnceAndKeepsTheCycleRed() {
    String cache = "com.acme.core.Cache.lock";
    LockGraph graph =
        LockGraph.of(
            List.of(
                edge(ACCOUNTS, JOURNAL, "core", 10),
                edge(JOURNAL, ACCOUNTS, "core", 11),
                edge(JOURNAL, cache, "core", 12)),
            Verdict.judge(List.of(), Baseline.empty(), MODULE, ROOT),
            HtmlReport::anchor,
            ROOT);

    LockGraph byClass = graph.byClass();

    assertThat(byClass.locks().stream().map(LockGraph.Lock::label).toList())
        .containsExactly("Cache", "Ledger")
        .inOrder();
    LockGraph.Edge loop = edgeOf(byClass, "com.acme.core.Ledger", "com.acme.core.Ledger");
    assertThat(loop.onCycle()).isTrue();
    assertThat(loop.sites()).hasSize(2);
    assertThat(edgeOf(byClass, "com.acme.core.Ledger", "com.acme.core.Cache").flagged()).isFalse();
    assertThat(graph.among(Set.of(ACCOUNTS, JOURNAL)).edges()).hasSize(2);
  }

  private static LockGraph.Edge edgeOf(LockGraph graph, String held, String acquired) {
    return graph.edges().stream()
        .filter(e -> e.held().equals(held) && e.acquired().equals(acquired))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no edge " + held + " -> " + acquired + " in " + graph.edges()));
  }

  private static RecordedFinding lockFinding(String check, RecordedEdge at) {
    return new RecordedFinding(
        check, "WARNING", at.source(), at.line(), null, null, null,
        "`" + at.acquired() + "` is acquired while `" + at.held() + "` is held", null, null, at.method(),
        null, "synchronized (journal)", List.of(), List.of(), null, at.module());
  }
}
