package dev.deadbolt.maven;

import static com.google.common.truth.Truth.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/**
 * A large report in headless Chromium: 1,000 findings in 100 files and a lock graph of 60 locks, too
 * many to draw one by one. It must open in under two seconds and still work (see {@link
 * ReportInBrowser}). The sample service's report and the cross-module project's are opened by the
 * integration tests.
 */
@RunWith(JUnit4.class)
public class HtmlReportBrowserTest {
  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  private static final String[] CHECKS = {
    "BlockingCallUnderLock", "VirtualThreadPinning", "LockOrderInversion", "UnboundedQueue",
    "UnboundedExecutor", "InterruptNotRestored", "InterruptStatusCleared", "CancellationSwallowed",
    "BlockingInNonBlockingContext", "CompletableFutureCancelDoesNotInterrupt",
  };

  @Test
  public void aThousandFindingsOpenInUnderTwoSecondsAndWork() throws Exception {
    Path root = temp.getRoot().toPath();
    Path module = root.resolve("shop");
    List<RecordedFinding> findings = new ArrayList<>();
    for (int file = 0; file < 100; file++) {
      Path source = module.resolve("src/main/java/com/acme/part" + file / 10 + "/Service" + file + ".java");
      Files.createDirectories(source.getParent());
      StringBuilder text = new StringBuilder("package com.acme.part" + file / 10 + ";\n");
      for (int line = 2; line <= 200; line++) {
        text.append("    synchronized (lock) { Thread.sleep(").append(line).append("); } // line ").append(line).append('\n');
      }
      Files.writeString(source, text, StandardCharsets.UTF_8);
      for (int i = 0; i < (file == 99 ? 7 : 10); i++) { // 997, and the three cycles' findings
        int line = 10 + i * 18;
        String check = CHECKS[(file + i) % CHECKS.length];
        RecordedFinding.Suppression suppression =
            i == 9 ? new RecordedFinding.Suppression("@SuppressWarnings(\"" + check + "\")", "method m" + i + "()", "reviewed") : null;
        findings.add(
            new RecordedFinding(
                check, "WARNING", source, line, 5, line, 30,
                "`Thread.sleep()` sleeps the thread while `lock` is held <" + i + ">", null,
                "com.acme.Service" + file, "m" + i + "()", null, "Thread.sleep(" + line + ");",
                List.of(),
                List.of(
                    new RecordedFinding.Site(source, line + 2, "`Thread.sleep()` sleeps the thread"),
                    new RecordedFinding.Site(source, line + 4, "`Object.wait()` waits")),
                suppression,
                "shop"));
      }
    }
    // Three cycles of 20 locks; two locks per class, so the overview has 30 classes.
    List<RecordedEdge> edges = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      int next = i % 20 == 19 ? i - 19 : i + 1;
      edges.add(edge(module, lock(i), lock(next), i));
      if (i % 20 == 0) {
        RecordedEdge e = edges.get(i);
        findings.add(
            new RecordedFinding(
                "LockOrderInversion", "WARNING", e.source(), e.line(), null, null, null,
                "`" + e.acquired() + "` is acquired while `" + e.held() + "` is held, and other code closes a cycle",
                null, null, e.method(), null, "", List.of(), List.of(), null, "shop"));
      }
    }
    Verdict all = Verdict.judge(findings, Baseline.empty(), module, root);
    Baseline accepted = new Baseline(all.toBaseline(module).entries().subList(0, 450));
    Verdict verdict = Verdict.judge(findings, accepted, module, root);
    LockGraph graph = LockGraph.of(edges, verdict, HtmlReport::anchor, root);
    assertThat(graph.locks().size()).isGreaterThan(HtmlReport.LOCK_BY_LOCK_LIMIT);

    Path html = Path.of("target/report-test/thousand-findings/index.html");
    HtmlReport.write(html, verdict, graph, CheckCatalog.load(getClass().getClassLoader()), "shop", "test");
    ReportInBrowser.Page page =
        ReportInBrowser.check(html, Path.of("target/report-screenshots/thousand-findings.png"));

    System.out.printf(
        "HtmlReportBrowserTest: a report of %d findings (%d KiB) opened in headless Chromium in %d ms%n",
        page.findings(), Files.size(html) / 1024, page.loadMillis());
    assertThat(page.findings()).isEqualTo(1000);
    assertThat(page.loadMillis()).isLessThan(2000L);
    // The cycles drawn lock by lock, and the overview by class.
    assertThat(page.locks()).hasSize(60 + 30);
    assertThat(page.flaggedEdges()).isNotEmpty();
  }

  private static String lock(int i) {
    return "com.acme.part" + i / 2 % 6 + ".Service" + i / 2 + ".lock" + i % 2;
  }

  private static RecordedEdge edge(Path module, String held, String acquired, int i) {
    return new RecordedEdge(
        held, acquired, module.resolve("src/main/java/com/acme/part0/Service" + i + ".java"), 3 + i,
        "Service" + i + ".run()", module.resolve("target/deadbolt/lock-edges-1.jsonl"), "shop");
  }
}
