package dev.deadbolt.maven;

import static com.google.common.truth.Truth.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/** What the page holds; {@link HtmlReportBrowserTest} and the integration tests open it in a browser. */
@RunWith(JUnit4.class)
public class HtmlReportTest {
  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  private static final CheckCatalog CATALOG = CheckCatalog.load(HtmlReportTest.class.getClassLoader());

  @Test
  public void eachFindingHasItsSourceChainStateAndReason() throws Exception {
    Path root = temp.getRoot().toPath();
    Path source = root.resolve("shop/src/main/java/com/acme/Poller.java");
    Files.createDirectories(source.getParent());
    List<String> lines = new ArrayList<>();
    for (int n = 1; n <= 30; n++) {
      lines.add("line " + n + (n == 12 ? " <T> & \"quoted\"" : ""));
    }
    Files.write(source, lines, StandardCharsets.UTF_8);
    RecordedFinding blocking =
        new RecordedFinding(
            "BlockingCallUnderLock", "WARNING", source, 10, 3, 10, 20,
            "`lock` is held across <script>alert(1)</script>", null, "com.acme.Poller", "poll()", null,
            "synchronized (lock)", List.of(),
            List.of(new RecordedFinding.Site(source, 12, "`Thread.sleep()` sleeps the thread")),
            null, "shop");
    RecordedFinding quiet =
        Fixtures.suppressed(
            new RecordedFinding(
                "UnboundedQueue", "WARNING", source, 25, 3, 25, 20, "grows without bound", null,
                "com.acme.Poller", null, "drained", "q = new LinkedBlockingQueue<>();", List.of(), List.of(),
                null, "shop"),
            "");

    String page = write(Verdict.judge(List.of(blocking, quiet), Baseline.empty(), root.resolve("shop"), root));

    assertThat(page).contains("default-src 'none'");
    assertThat(page).doesNotContain("<script>alert(1)");
    assertThat(page).contains("`lock` is held across &lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(page).containsMatch("<h3>shop/src/main/java/com/acme/Poller.java <span class=\"count\">2</span>");
    // Lines 7 to 13 around the finding, the finding's own highlighted, its blocking call marked.
    String excerpt = between(page, "data-check=\"BlockingCallUnderLock\"", "</pre>");
    assertThat(numbers(excerpt, "(?: \\w+)?")).containsExactly(7, 8, 9, 10, 11, 12, 13).inOrder();
    assertThat(numbers(excerpt, " hit")).containsExactly(10);
    assertThat(numbers(excerpt, " related")).containsExactly(12);
    assertThat(excerpt).contains("line 12 &lt;T&gt; &amp; &quot;quoted&quot;");
    assertThat(page).contains("<ol class=\"chain\" aria-label=\"Chain of calls\">\n<li><span class=\"where\">line 12</span>");
    assertThat(page).contains("<span class=\"badge\">new</span>");
    assertThat(page).contains("Suppressed by <code>@SuppressWarnings(&quot;UnboundedQueue&quot;)</code>");
    assertThat(page).contains("<em>no reason given</em>");
    assertThat(page).contains("<p>No lock is acquired while another is held.</p>");
  }

  @Test
  public void theSamePageEveryTime() throws Exception {
    List<RecordedFinding> findings =
        List.of(
            Fixtures.finding("BlockingCallUnderLock", "src/main/java/com/acme/Inventory.java", 14, "refresh()", "Thread.sleep(10);"),
            Fixtures.finding("UnboundedQueue", "src/main/java/com/acme/Intake.java", 3, "Intake()", "q = new Q();"));
    Verdict verdict = Verdict.judge(findings, Baseline.empty(), Fixtures.MODULE, Fixtures.ROOT);

    assertThat(write(verdict)).isEqualTo(write(verdict));
  }

  @Test
  public void aLargeGraphIsDrawnByClassWithEachCycleLockByLock() throws Exception {
    List<RecordedEdge> edges = new ArrayList<>();
    for (int i = 0; i < HtmlReport.LOCK_BY_LOCK_LIMIT + 10; i++) {
      edges.add(Fixtures.edge("com.acme.C" + i / 2 + ".l" + i % 2, "com.acme.C" + (i + 1) / 2 + ".l" + (i + 1) % 2, "core", i + 1));
    }
    edges.add(Fixtures.edge("com.acme.C2.l1", "com.acme.C1.l0", "core", 99));
    Verdict verdict = Verdict.judge(List.of(), Baseline.empty(), Fixtures.MODULE, Fixtures.ROOT);
    LockGraph graph = LockGraph.of(edges, verdict, HtmlReport::anchor, Fixtures.ROOT);

    String page = write(verdict, graph);

    assertThat(page).contains("id=\"graph-cycle-1\"");
    assertThat(page).doesNotContain("id=\"graph-cycle-2\"");
    assertThat(page).contains("id=\"graph-classes\"");
    assertThat(page).doesNotContain("id=\"graph-all\"");
    String cycle = between(page, "id=\"graph-cycle-1\"", "</svg>");
    assertThat(count(cycle, "<g class=\"lock\"")).isEqualTo(4); // C1.l0 .. C2.l1
    assertThat(count(cycle, "<g class=\"edge flagged cycle\"")).isEqualTo(4);
    String classes = between(page, "id=\"graph-classes\"", "</svg>");
    assertThat(count(classes, "<g class=\"lock\"")).isEqualTo(HtmlReport.LOCK_BY_LOCK_LIMIT / 2 + 6);
  }

  private String write(Verdict verdict) throws Exception {
    return write(verdict, LockGraph.of(List.of(), verdict, HtmlReport::anchor, Fixtures.ROOT));
  }

  private String write(Verdict verdict, LockGraph graph) throws Exception {
    Path file = temp.newFolder().toPath().resolve("index.html");
    HtmlReport.write(file, verdict, graph, CATALOG, "shop", "1.0");
    return Files.readString(file);
  }

  private static String between(String text, String from, String to) {
    int start = text.indexOf(from);
    assertThat(start).isAtLeast(0);
    return text.substring(start, text.indexOf(to, start));
  }

  private static List<Integer> numbers(String excerpt, String kind) {
    Matcher m = Pattern.compile("<span class=\"l" + kind + "\" data-n=\"(\\d+)\"").matcher(excerpt);
    List<Integer> out = new ArrayList<>();
    while (m.find()) {
      out.add(Integer.parseInt(m.group(1)));
    }
    return out;
  }

  private static int count(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }
}
