package dev.deadbolt.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lock-order cycles that span compilations, from the lock-acquisition edges each module recorded. A
 * cycle within one compilation is LockOrderInversion's at compile time; across modules only a build-wide
 * view sees it.
 *
 * <p>Each module reports the cycles closed by one of its own acquisitions, using the edges of the modules
 * it depends on (built before it, also under {@code -T}), so the result does not depend on build order.
 */
public final class LockCycles {
  /** The check name cycles are reported under: the same deadlock LockOrderInversion reports. */
  static final String CHECK = "LockOrderInversion";

  private LockCycles() {}

  /**
   * The cycles closed by {@code own} edges (this module's), given {@code all} edges this module can see
   * (its own and its upstream modules'); one finding at each own acquisition that closes one.
   */
  public static List<RecordedFinding> find(List<RecordedEdge> own, List<RecordedEdge> all) {
    // A declared order is what the code should do, not what it does: it never closes a cycle.
    own = own.stream().filter(e -> !e.declared()).toList();
    all = all.stream().filter(e -> !e.declared()).toList();
    Comparator<RecordedEdge> order =
        Comparator.comparing(RecordedEdge::held)
            .thenComparing(RecordedEdge::acquired)
            .thenComparing(e -> e.source().toString())
            .thenComparingInt(RecordedEdge::line);
    Map<String, List<RecordedEdge>> from = new HashMap<>();
    for (RecordedEdge edge : new LinkedHashSet<>(all)) {
      from.computeIfAbsent(edge.held(), k -> new ArrayList<>()).add(edge);
    }
    from.values().forEach(edges -> edges.sort(order));
    List<RecordedFinding> findings = new ArrayList<>();
    for (RecordedEdge edge : own.stream().distinct().sorted(order).toList()) {
      List<RecordedEdge> back = shortestPath(edge.acquired(), edge.held(), from);
      if (back == null
          || back.stream().allMatch(e -> e.compilation().equals(edge.compilation()))) {
        continue; // no cycle, or one LockOrderInversion reported within the compilation
      }
      findings.add(finding(edge, back));
    }
    return findings;
  }

  /**
   * The compile's findings with the cycles found across modules: since the compile reads the lock edges
   * of the jars it depends on (their summaries), it can report a cycle at the same acquisition itself.
   * Then the one found here replaces it (it names the other module and links its place, and keeps the
   * fingerprint such findings had); but a compile finding there that is suppressed stays, suppressing
   * it.
   */
  public static List<RecordedFinding> mergeWithCompiled(
      List<RecordedFinding> compiled, List<RecordedFinding> cycles) {
    List<RecordedFinding> merged = new ArrayList<>(compiled);
    for (RecordedFinding cycle : cycles) {
      int same = -1;
      for (int i = 0; i < merged.size() && same < 0; i++) {
        RecordedFinding f = merged.get(i);
        if (f.check().equals(CHECK)
            && f.line() == cycle.line()
            && f.source().normalize().equals(cycle.source().normalize())
            && !cycles.contains(f)) {
          same = i;
        }
      }
      if (same < 0) {
        merged.add(cycle);
      } else if (!merged.get(same).suppressed()) {
        merged.set(same, cycle);
      }
    }
    return merged;
  }

  /** The fewest edges leading from {@code start} to {@code goal}, or null. */
  private static List<RecordedEdge> shortestPath(
      String start, String goal, Map<String, List<RecordedEdge>> from) {
    Map<String, RecordedEdge> reachedBy = new HashMap<>();
    Set<String> seen = new LinkedHashSet<>(List.of(start));
    Deque<String> queue = new ArrayDeque<>(List.of(start));
    while (!queue.isEmpty()) {
      String lock = queue.removeFirst();
      if (lock.equals(goal)) {
        List<RecordedEdge> path = new ArrayList<>();
        for (String at = goal; !at.equals(start); at = reachedBy.get(at).held()) {
          path.add(0, reachedBy.get(at));
        }
        return path;
      }
      for (RecordedEdge next : from.getOrDefault(lock, List.of())) {
        if (seen.add(next.acquired())) {
          reachedBy.put(next.acquired(), next);
          queue.addLast(next.acquired());
        }
      }
    }
    return null;
  }

  private static RecordedFinding finding(RecordedEdge edge, List<RecordedEdge> back) {
    String message;
    if (back.size() == 1) {
      message =
          "`" + edge.acquired() + "` is acquired while `" + edge.held() + "` is held, but "
              + where(back.get(0))
              + " acquires them in the opposite order: two threads running both can deadlock";
    } else {
      StringBuilder chain = new StringBuilder();
      for (RecordedEdge e : back) {
        chain.append(chain.length() == 0 ? "" : "; ")
            .append('`').append(e.acquired()).append("` under `").append(e.held()).append("` in ")
            .append(where(e));
      }
      message =
          "`" + edge.acquired() + "` is acquired while `" + edge.held() + "` is held, and other code"
              + " closes a cycle of lock orders (" + chain
              + "): threads running these paths can deadlock";
    }
    List<RecordedFinding.Site> related = new ArrayList<>();
    for (RecordedEdge e : back) {
      related.add(
          new RecordedFinding.Site(
              e.source(), e.line(), "`" + e.acquired() + "` acquired while `" + e.held() + "` is held"));
    }
    return new RecordedFinding(
        CHECK,
        "WARNING",
        edge.source(),
        edge.line(),
        null,
        null,
        null,
        message,
        null,
        null,
        edge.method(),
        null,
        sourceLine(edge.source(), edge.line()),
        List.of(),
        related,
        null,
        edge.module());
  }

  /** {@code Ledger.post() (Ledger.java:12, module core)}. */
  private static String where(RecordedEdge edge) {
    return edge.method() + " (" + edge.source().getFileName() + ":" + edge.line() + ", module "
        + edge.module() + ")";
  }

  /** The flagged line's source, normalized like the statements the checks record. */
  private static String sourceLine(Path file, int line) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      return line <= lines.size() ? lines.get(line - 1).replaceAll("\\s+", " ").trim() : "";
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }
}
