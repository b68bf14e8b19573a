package dev.deadbolt.maven;

import static dev.deadbolt.maven.Html.escape;

import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Draws a laid-out lock graph as inline SVG. Colours come from the page's stylesheet (classes {@code
 * lock}, {@code edge}, {@code flagged}), so the drawing follows light and dark mode and prints; each
 * lock carries its qualified name in {@code data-lock}, each edge its locks in {@code data-held} and
 * {@code data-acquired}, and a flagged edge links to its finding.
 */
final class LockGraphSvg {
  private LockGraphSvg() {}

  /** @param id unique in the page: it prefixes the arrowheads' ids */
  static String draw(LockGraphLayout.Placed placed, String id, String description) {
    StringBuilder svg = new StringBuilder();
    svg.append("<svg class=\"lock-graph\" id=\"").append(escape(id)).append("\" xmlns=\"http://www.w3.org/2000/svg\"")
        .append(" viewBox=\"0 0 ").append(num(placed.width())).append(' ').append(num(placed.height()))
        .append("\" width=\"").append(num(placed.width())).append("\" height=\"").append(num(placed.height()))
        .append("\" role=\"img\" aria-label=\"").append(escape(description)).append("\">\n");
    svg.append("<defs>")
        .append(arrowhead(id + "-arrow", "arrow"))
        .append(arrowhead(id + "-arrow-flagged", "arrow flagged"))
        .append("</defs>\n");
    for (LockGraphLayout.PlacedEdge placedEdge : placed.edges()) {
      svg.append(edge(placedEdge, id));
    }
    for (LockGraphLayout.PlacedLock lock : placed.locks()) {
      LockGraphLayout.Box b = lock.box();
      svg.append("<g class=\"lock\" data-lock=\"").append(escape(lock.lock().name())).append("\">")
          .append("<title>").append(escape(lock.lock().name())).append("</title>")
          .append("<rect x=\"").append(num(b.x())).append("\" y=\"").append(num(b.y()))
          .append("\" width=\"").append(num(b.width())).append("\" height=\"").append(num(b.height()))
          .append("\" rx=\"5\"/>")
          .append("<text x=\"").append(num(b.x() + b.width() / 2)).append("\" y=\"").append(num(b.y() + b.height() / 2))
          .append("\">").append(escape(lock.lock().label())).append("</text></g>\n");
    }
    return svg.append("</svg>\n").toString();
  }

  private static String arrowhead(String id, String cssClass) {
    return "<marker id=\"" + escape(id) + "\" class=\"" + cssClass + "\" viewBox=\"0 0 10 10\" refX=\"10\""
        + " refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"10\" markerHeight=\"10\" orient=\"auto-start-reverse\">"
        + "<path d=\"M0,0 L10,5 L0,10 z\"/></marker>";
  }

  private static String edge(LockGraphLayout.PlacedEdge placed, String id) {
    LockGraph.Edge edge = placed.edge();
    String path =
        placed.route().stream()
            .map(p -> num(p.x()) + "," + num(p.y()))
            .collect(Collectors.joining(" L", "M", ""));
    String kind =
        edge.declared()
            ? " declared"
            : edge.violatesDeclaredOrder() ? " flagged violation" : edge.onCycle() ? " flagged cycle" : "";
    String title =
        (edge.declared()
                ? "`" + edge.held() + "` is declared to be acquired before `" + edge.acquired() + "`"
                : "`" + edge.acquired() + "` acquired while `" + edge.held() + "` is held")
            + (edge.onCycle() ? " (on a lock-order cycle)" : "")
            + (edge.violatesDeclaredOrder() ? " (against the declared lock order)" : "")
            + edge.sites().stream()
                .map(s -> "\n" + s.method() + " at " + s.file() + ":" + s.line() + " (module " + s.module() + ")")
                .collect(Collectors.joining());
    LockGraphLayout.Box label = placed.label();
    StringBuilder g = new StringBuilder();
    g.append("<g class=\"edge").append(kind).append("\" data-held=\"").append(escape(edge.held()))
        .append("\" data-acquired=\"").append(escape(edge.acquired())).append("\">");
    boolean linked = edge.finding() != null;
    if (linked) {
      g.append("<a href=\"#").append(escape(edge.finding())).append("\">");
    }
    g.append("<title>").append(escape(title)).append("</title>")
        .append("<path d=\"").append(path).append("\" marker-end=\"url(#")
        .append(escape(id + (edge.flagged() ? "-arrow-flagged" : "-arrow"))).append(")\"/>")
        .append("<text x=\"").append(num(label.x())).append("\" y=\"")
        .append(num(label.y() + LockGraphLayout.LINE_HEIGHT - 4)).append("\">")
        .append(escape(placed.labelText())).append("</text>");
    if (linked) {
      g.append("</a>");
    }
    return g.append("</g>\n").toString();
  }

  private static String num(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
  }
}
