package dev.deadbolt.maven;

import static dev.deadbolt.maven.Html.escape;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes a module's verdict and lock-order graph as one HTML page ({@code target/deadbolt/index.html}):
 * a summary by check, the lock-order graph, then the findings by file with their source, chain of calls,
 * baseline state and suppression reason. Everything the page needs is in it (its stylesheet and script
 * are inlined, the graph is SVG), so it reads offline and can be attached to a CI run; its
 * Content-Security-Policy forbids any request. Like the SARIF log it holds no time or machine detail.
 */
public final class HtmlReport {
  /** Above this many locks the whole graph is drawn one node per class; cycles are drawn lock by lock. */
  static final int LOCK_BY_LOCK_LIMIT = 40;
  /** Source lines shown above and below a finding. */
  static final int CONTEXT = 3;

  private static final String STYLE = resource("report.css");
  private static final String SCRIPT = resource("report.js");

  private final Verdict verdict;
  private final LockGraph graph;
  private final CheckCatalog catalog;
  private final String module;
  private final String toolVersion;
  private final SourceLines sources = new SourceLines();

  private HtmlReport(
      Verdict verdict, LockGraph graph, CheckCatalog catalog, String module, String toolVersion) {
    this.verdict = verdict;
    this.graph = graph;
    this.catalog = catalog;
    this.module = module;
    this.toolVersion = toolVersion;
  }

  /** The anchor of a finding in the page; stable across builds, like the baseline's fingerprint. */
  static String anchor(Verdict.Result result) {
    return "f-" + result.fingerprint();
  }

  public static void write(
      Path file, Verdict verdict, LockGraph graph, CheckCatalog catalog, String module, String toolVersion)
      throws IOException {
    String page = new HtmlReport(verdict, graph, catalog, module, toolVersion).page();
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, page, StandardCharsets.UTF_8);
  }

  private String page() {
    StringBuilder html = new StringBuilder(64 * 1024);
    int total = verdict.results().size();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"color-scheme\" content=\"light dark\">\n")
        // Offline by construction: the page may not load anything, only run what it carries.
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';")
        .append(" style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n")
        .append("<title>Deadbolt: ").append(escape(module)).append("</title>\n")
        .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    html.append("<header>\n<h1>Deadbolt report: ").append(escape(module)).append("</h1>\n")
        .append("<p class=\"headline\">")
        .append(AbstractCheckMojo.count(total, "finding", "findings")).append(": ")
        .append(stateCount(Verdict.State.NEW)).append(" new, ")
        .append(stateCount(Verdict.State.BASELINED)).append(" in the baseline, ")
        .append(stateCount(Verdict.State.SUPPRESSED)).append(" suppressed")
        .append(verdict.stale().isEmpty()
            ? ""
            : "; " + AbstractCheckMojo.count(verdict.stale().size(), "baseline entry", "baseline entries")
                + " <a href=\"#stale\">stale</a>")
        .append(". Deadbolt ").append(escape(toolVersion)).append(".</p>\n</header>\n");
    filters(html);
    html.append("<main>\n");
    summary(html);
    lockGraph(html);
    findings(html);
    stale(html);
    html.append("</main>\n<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
    return html.toString();
  }

  private int stateCount(Verdict.State state) {
    return verdict.in(state).size();
  }

  private void filters(StringBuilder html) {
    html.append("<nav class=\"filters\" aria-label=\"Filters\">\n")
        .append("<label>Check <select id=\"filter-check\"><option value=\"\">all checks</option>");
    for (String check : verdict.byCheck().keySet()) {
      html.append("<option value=\"").append(escape(check)).append("\">").append(escape(check))
          .append("</option>");
    }
    html.append("</select></label>\n<fieldset><legend>State</legend>");
    for (Verdict.State state : Verdict.State.values()) {
      html.append("<label class=\"state-").append(stateName(state)).append("\"><input type=\"checkbox\"")
          .append(" name=\"state\" value=\"").append(stateName(state)).append("\" checked> ")
          .append(stateLabel(state)).append(" (").append(stateCount(state)).append(")</label>");
    }
    html.append("</fieldset>\n<output id=\"shown\" aria-live=\"polite\">")
        .append(verdict.results().size()).append(" of ").append(verdict.results().size())
        .append(" findings shown</output>\n</nav>\n");
  }

  private void summary(StringBuilder html) {
    html.append("<section id=\"summary\">\n<h2>By check</h2>\n");
    if (verdict.results().isEmpty()) {
      html.append("<p>No findings.</p>\n</section>\n");
      return;
    }
    html.append("<table>\n<thead><tr><th scope=\"col\">check</th><th scope=\"col\">new</th>")
        .append("<th scope=\"col\">in the baseline</th><th scope=\"col\">suppressed</th>")
        .append("<th scope=\"col\">total</th></tr></thead>\n<tbody>\n");
    for (Map.Entry<String, List<Verdict.Result>> group : verdict.byCheck().entrySet()) {
      List<Verdict.Result> results = group.getValue();
      CheckCatalog.Check check = catalog.get(group.getKey());
      html.append("<tr><th scope=\"row\"><button type=\"button\" class=\"link\" data-check=\"")
          .append(escape(group.getKey())).append("\">").append(escape(group.getKey())).append("</button>");
      if (check != null) {
        html.append("<span class=\"summary-text\">").append(escape(check.summary())).append("</span>");
      }
      html.append("</th>");
      for (Verdict.State state : Verdict.State.values()) {
        long n = results.stream().filter(r -> r.state() == state).count();
        html.append("<td class=\"").append(n > 0 ? "state-" + stateName(state) : "zero").append("\">")
            .append(n).append("</td>");
      }
      html.append("<td>").append(results.size()).append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n</section>\n");
  }

  private void lockGraph(StringBuilder html) {
    html.append("<section id=\"lock-order\">\n<h2>Lock order</h2>\n");
    if (graph.locks().isEmpty()) {
      html.append("<p>No lock is acquired while another is held.</p>\n</section>\n");
      return;
    }
    html.append("<p>Each arrow is a lock acquired while another is held, labelled with the method and")
        .append(" line that does it (and how many more places do). <span class=\"legend flagged\">Red")
        .append(" arrows</span> lie on a lock-order cycle, where two threads can deadlock, or go against")
        .append(" the declared lock order; each leads to its finding. Dotted arrows, labelled with their")
        .append(" annotation, are the declared order itself (<code>@LockOrder</code>,")
        .append(" <code>@AcquiredBefore</code>, <code>@AcquiredAfter</code>). The graph joins the edges of")
        .append(" the modules this one depends on.</p>\n");
    if (graph.locks().size() <= LOCK_BY_LOCK_LIMIT) {
      figure(html, graph, "graph-all", AbstractCheckMojo.count(graph.locks().size(), "lock", "locks"));
    } else {
      int n = 0;
      for (List<String> cycle : graph.cycles()) {
        figure(
            html,
            graph.among(new TreeSet<>(cycle)),
            "graph-cycle-" + ++n,
            "Cycle " + n + ": " + AbstractCheckMojo.count(cycle.size(), "lock", "locks"));
      }
      LockGraph byClass = graph.byClass();
      figure(
          html,
          byClass,
          "graph-classes",
          "All " + graph.locks().size() + " locks, one node per class ("
              + AbstractCheckMojo.count(byClass.locks().size(), "class", "classes") + ")");
    }
    html.append("</section>\n");
  }

  private static void figure(StringBuilder html, LockGraph graph, String id, String caption) {
    html.append("<figure>\n<div class=\"graph\">\n")
        .append(LockGraphSvg.draw(LockGraphLayout.layout(graph), id, "Lock-order graph: " + caption))
        .append("</div>\n<figcaption>").append(escape(caption)).append("</figcaption>\n</figure>\n");
  }

  private void findings(StringBuilder html) {
    html.append("<section id=\"findings\">\n<h2>By file</h2>\n");
    Map<String, List<Verdict.Result>> byFile = new TreeMap<>();
    for (Verdict.Result result : verdict.results()) {
      byFile.computeIfAbsent(result.file(), k -> new ArrayList<>()).add(result);
    }
    for (Map.Entry<String, List<Verdict.Result>> file : byFile.entrySet()) {
      html.append("<section class=\"file\">\n<h3>").append(escape(file.getKey()))
          .append(" <span class=\"count\">").append(file.getValue().size()).append("</span></h3>\n");
      for (Verdict.Result result : file.getValue()) {
        finding(html, result);
      }
      html.append("</section>\n");
    }
    html.append("</section>\n");
  }

  private void finding(StringBuilder html, Verdict.Result result) {
    RecordedFinding f = result.finding();
    String state = stateName(result.state());
    html.append("<article class=\"finding state-").append(state).append("\" id=\"").append(anchor(result))
        .append("\" data-check=\"").append(escape(f.check())).append("\" data-state=\"").append(state)
        .append("\">\n<p class=\"title\"><span class=\"badge\">").append(stateLabel(result.state()))
        .append("</span> <a class=\"check\" href=\"").append(escape(link(f))).append("\">")
        .append(escape(f.check())).append("</a> <span class=\"where\">line ").append(f.line());
    String member = f.className() == null ? f.member() : f.qualifiedMember();
    if (!member.isEmpty()) {
      html.append(" in <code>").append(escape(member)).append("</code>");
    }
    html.append("</span> <a class=\"self\" href=\"#").append(anchor(result)).append("\" title=\"link to this finding\">#</a></p>\n")
        .append("<p class=\"message\">").append(escape(f.message())).append("</p>\n");
    if (f.suppressed()) {
      RecordedFinding.Suppression s = f.suppression();
      html.append("<p class=\"suppression\">Suppressed by <code>").append(escape(s.annotation()))
          .append("</code> on ").append(escape(s.target())).append(": ")
          .append(s.reason().isEmpty() ? "<em>no reason given</em>" : escape(s.reason())).append("</p>\n");
    }
    excerpt(html, f);
    if (!f.related().isEmpty()) {
      html.append("<ol class=\"chain\" aria-label=\"Chain of calls\">\n");
      for (RecordedFinding.Site site : f.related()) {
        String code = sources.line(site.source(), site.line());
        html.append("<li><span class=\"where\">");
        if (!site.source().equals(f.source())) {
          html.append(escape(String.valueOf(site.source().getFileName()))).append(':');
        } else {
          html.append("line ");
        }
        html.append(site.line()).append("</span> ").append(escape(site.message()));
        if (code != null) {
          html.append("<code class=\"line\">").append(escape(code.strip())).append("</code>");
        }
        html.append("</li>\n");
      }
      html.append("</ol>\n");
    }
    html.append("</article>\n");
  }

  /** The flagged lines with {@link #CONTEXT} lines around them, numbered. */
  private void excerpt(StringBuilder html, RecordedFinding f) {
    int count = sources.count(f.source());
    if (count < f.line()) {
      return;
    }
    int last = f.endLine() != null && f.endLine() >= f.line() ? Math.min(f.endLine(), f.line() + 20) : f.line();
    int from = Math.max(1, f.line() - CONTEXT);
    int to = Math.min(count, last + CONTEXT);
    Set<Integer> related = new TreeSet<>();
    f.related().stream().filter(s -> s.source().equals(f.source())).forEach(s -> related.add(s.line()));
    html.append("<pre class=\"source\"><code>");
    for (int n = from; n <= to; n++) {
      String cls = n >= f.line() && n <= last ? "hit" : related.contains(n) ? "related" : "";
      html.append("<span class=\"l").append(cls.isEmpty() ? "" : " " + cls).append("\" data-n=\"").append(n)
          .append("\">").append(escape(sources.line(f.source(), n))).append("</span>");
    }
    html.append("</code></pre>\n");
  }

  private void stale(StringBuilder html) {
    if (verdict.stale().isEmpty()) {
      return;
    }
    html.append("<section id=\"stale\">\n<h2>Stale baseline entries</h2>\n<p>Their findings are gone;")
        .append(" <code>mvn deadbolt:baseline</code> drops them.</p>\n<ul>\n");
    for (Baseline.Entry entry : verdict.stale()) {
      html.append("<li><code>").append(escape(entry.file())).append("</code> ")
          .append(escape(entry.member())).append(" [").append(escape(entry.check())).append("] <code>")
          .append(escape(entry.statement())).append("</code></li>\n");
    }
    html.append("</ul>\n</section>\n");
  }

  private String link(RecordedFinding f) {
    if (f.link() != null) {
      return f.link();
    }
    CheckCatalog.Check check = catalog.get(f.check());
    return check != null && check.link() != null
        ? check.link()
        : Sarif.HOME + "/blob/main/docs/checks/" + f.check() + ".md";
  }

  static String stateName(Verdict.State state) {
    return switch (state) {
      case NEW -> "new";
      case BASELINED -> "baseline";
      case SUPPRESSED -> "suppressed";
    };
  }

  private static String stateLabel(Verdict.State state) {
    return switch (state) {
      case NEW -> "new";
      case BASELINED -> "in the baseline";
      case SUPPRESSED -> "suppressed";
    };
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the plugin jar lacks " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
