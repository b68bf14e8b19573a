package dev.deadbolt.maven;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Opens an HTML report in headless Chromium and uses it as a reader would: it loads without console
 * errors, its lock-order graph is drawn (boxes and arrows with a size), every red arrow leads to a
 * finding, the filters show exactly the findings they select, the page follows dark mode and hides
 * its controls in print; a screenshot is left for a person. Used by the unit tests and by the
 * integration tests' verify scripts, which then check what the page shows for their project.
 */
public final class ReportInBrowser {
  /** What the page showed. */
  public record Page(
      long loadMillis,
      TreeSet<String> locks,
      TreeSet<String> flaggedEdges,
      TreeSet<String> violations,
      TreeSet<String> declared,
      int findings,
      Map<String, Integer> findingsByCheck) {}

  private ReportInBrowser() {}

  /** Checks the report at {@code html}; writes a screenshot of its top to {@code screenshot}. */
  public static Page check(Path html, Path screenshot) throws IOException, InterruptedException {
    try (Chromium chromium = Chromium.start()) {
      long millis = chromium.open(html);
      assertNoErrors(chromium, "on load");
      // Before the filters are used: the page as it opens, down to the first findings.
      chromium.screenshot(screenshot, Math.min(2400, chromium.eval("document.documentElement.scrollHeight").getAsInt()));
      System.out.println("ReportInBrowser: " + html + " loaded in " + millis + " ms; navigation timing "
          + chromium.eval("JSON.stringify(performance.getEntriesByType('navigation')[0].toJSON(), ['responseEnd','domInteractive','domContentLoadedEventEnd','loadEventEnd'])"));

      JsonObject graph = chromium.eval(GRAPH).getAsJsonObject();
      List<String> problems = strings(graph.get("problems"));
      if (!problems.isEmpty()) {
        throw new AssertionError("the lock-order graph of " + html + " is not drawn right:\n" + String.join("\n", problems));
      }

      JsonObject findings = chromium.eval(FINDINGS).getAsJsonObject();
      int total = findings.get("total").getAsInt();
      Map<String, Integer> byCheck = new TreeMap<>();
      findings.getAsJsonObject("byCheck").entrySet().forEach(e -> byCheck.put(e.getKey(), e.getValue().getAsInt()));
      List<String> filterProblems = strings(chromium.eval(FILTERS));
      if (!filterProblems.isEmpty()) {
        throw new AssertionError("the filters of " + html + " do not work:\n" + String.join("\n", filterProblems));
      }

      String light = chromium.eval("getComputedStyle(document.body).backgroundColor").getAsString();
      chromium.emulate("", "prefers-color-scheme", "dark");
      String dark = chromium.eval("getComputedStyle(document.body).backgroundColor").getAsString();
      if (light.equals(dark)) {
        throw new AssertionError("the page looks the same in dark mode: background " + light);
      }
      chromium.emulate("print", null, null);
      String printedNav = chromium.eval("getComputedStyle(document.querySelector('nav.filters')).display").getAsString();
      if (!printedNav.equals("none")) {
        throw new AssertionError("the filters are printed (display " + printedNav + ")");
      }
      chromium.emulate("", "prefers-color-scheme", "light");
      assertNoErrors(chromium, "while used");
      return new Page(
          millis,
          new TreeSet<>(strings(graph.get("locks"))),
          new TreeSet<>(strings(graph.get("flagged"))),
          new TreeSet<>(strings(graph.get("violations"))),
          new TreeSet<>(strings(graph.get("declared"))),
          total,
          byCheck);
    }
  }

  private static void assertNoErrors(Chromium chromium, String when) {
    if (!chromium.errors().isEmpty()) {
      throw new AssertionError("the page reported errors " + when + ":\n" + String.join("\n", chromium.errors()));
    }
  }

  private static List<String> strings(JsonElement array) {
    List<String> out = new ArrayList<>();
    array.getAsJsonArray().forEach(e -> out.add(e.getAsString()));
    return out;
  }

  /**
   * The drawn locks, red edges and (among them) acquisitions against the declared order, as "held ->
   * acquired", and what is wrong with the drawing: a lock or an arrow without a size, an arrow between
   * locks that are not drawn, a red arrow that leads nowhere or looks like the others, a violation
   * drawn like a cycle's edge.
   */
  private static final String GRAPH =
      """
      (() => {
        const problems = [];
        const locks = [], flagged = [], violations = [], declared = [];
        for (const svg of document.querySelectorAll('svg.lock-graph')) {
          const drawn = new Set();
          for (const g of svg.querySelectorAll('g.lock')) {
            const box = g.querySelector('rect').getBBox();
            if (!(box.width > 0 && box.height > 0)) problems.push('lock without a box: ' + g.dataset.lock);
            drawn.add(g.dataset.lock);
            locks.push(g.dataset.lock);
          }
          for (const g of svg.querySelectorAll('g.edge')) {
            const name = g.dataset.held + ' -> ' + g.dataset.acquired;
            if (!drawn.has(g.dataset.held) || !drawn.has(g.dataset.acquired)) problems.push('arrow between locks not drawn: ' + name);
            if (!(g.querySelector('path').getTotalLength() > 0)) problems.push('arrow without a length: ' + name);
            if (g.classList.contains('declared')) {
              declared.push(name);
              if (getComputedStyle(g.querySelector('path')).strokeDasharray === 'none') {
                problems.push('declared order drawn solid: ' + name);
              }
            }
            if (g.classList.contains('flagged')) {
              flagged.push(name);
              const a = g.querySelector('a');
              const target = a && document.getElementById(a.getAttribute('href').slice(1));
              if (!target || !target.matches('article.finding')) problems.push('red arrow leads to no finding: ' + name);
              if (g.classList.contains('violation')) {
                violations.push(name);
                if (getComputedStyle(g.querySelector('path')).strokeDasharray === 'none') {
                  problems.push('acquisition against the declared order drawn solid: ' + name);
                }
              }
              const plain = svg.querySelector('g.edge:not(.flagged) path');
              if (plain && getComputedStyle(plain).stroke === getComputedStyle(g.querySelector('path')).stroke) {
                problems.push('red arrow drawn like the others: ' + name);
              }
            }
          }
        }
        return {locks, flagged, violations, declared, problems};
      })()
      """;

  private static final String FINDINGS =
      """
      (() => {
        const byCheck = {};
        const all = document.querySelectorAll('article.finding');
        for (const f of all) byCheck[f.dataset.check] = (byCheck[f.dataset.check] || 0) + 1;
        return {total: all.length, byCheck};
      })()
      """;

  /**
   * Each check in the filter, then each state switched off alone, must show exactly the findings that
   * match, hide files left empty and say how many are shown; following the graph's link to a finding
   * the filters hide must show it.
   */
  private static final String FILTERS =
      """
      (() => {
        const problems = [];
        const select = document.getElementById('filter-check');
        const states = [...document.querySelectorAll('nav.filters input[name=state]')];
        const all = [...document.querySelectorAll('article.finding')];
        const visible = () => all.filter(f => f.getClientRects().length > 0);
        const shownText = () => document.getElementById('shown').textContent;
        const emptyFilesShown = () => [...document.querySelectorAll('section.file')]
            .filter(s => s.getClientRects().length > 0 && !s.querySelector('article.finding:not([hidden])')).length;
        const change = el => el.dispatchEvent(new Event('change'));
        const expect = (what, wanted) => {
          const seen = visible();
          if (seen.length !== wanted.length || seen.some(f => !wanted.includes(f))) {
            problems.push(what + ': shows ' + seen.length + ' findings, expected ' + wanted.length);
          }
          if (shownText() !== wanted.length + ' of ' + all.length + ' findings shown') {
            problems.push(what + ': says "' + shownText() + '"');
          }
          if (emptyFilesShown() > 0) problems.push(what + ': ' + emptyFilesShown() + ' files shown without findings');
        };
        expect('no filter', all);
        for (const option of [...select.options].filter(o => o.value)) {
          select.value = option.value; change(select);
          expect('check ' + option.value, all.filter(f => f.dataset.check === option.value));
        }
        select.value = ''; change(select);
        for (const state of states) {
          state.checked = false; change(state);
          expect('without ' + state.value, all.filter(f => f.dataset.state !== state.value));
          state.checked = true; change(state);
        }
        const link = document.querySelector('svg.lock-graph g.edge.flagged a');
        if (link) {
          const target = document.getElementById(link.getAttribute('href').slice(1));
          const state = states.find(s => s.value === target.dataset.state);
          state.checked = false; change(state);
          if (target.getClientRects().length > 0) problems.push('the filter did not hide ' + target.id);
          location.hash = link.getAttribute('href');
          window.dispatchEvent(new HashChangeEvent('hashchange'));
          if (target.getClientRects().length === 0) problems.push('following the graph to ' + target.id + ' did not show it');
          history.replaceState(null, '', location.pathname);
        }
        expect('after following a link', all);
        return problems;
      })()
      """;
}
