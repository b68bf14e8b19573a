package dev.deadbolt.maven;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The lock-order graph the HTML report draws: locks, and "acquired while holding" edges with the places
 * that show them. An edge between two locks of one strongly connected component lies on a cycle (a
 * possible deadlock); an edge whose acquisition LockOrderViolation reported contradicts the declared
 * order. Each such edge leads to the finding that reports it.
 *
 * @param locks by qualified name, in name order
 * @param edges in (held, acquired) order
 * @param cycles the strongly connected components of more than one lock, largest first
 */
public record LockGraph(List<Lock> locks, List<Edge> edges, List<List<String>> cycles) {

  /**
   * @param name the qualified declaration, as the lock-edge files record it ({@code com.acme.Bank.ledger})
   * @param label the name as findings' messages show it ({@code Bank.ledger}), qualified where two
   *     locks would otherwise read the same
   */
  public record Lock(String name, String label) {}

  /** A place that acquires {@code acquired} while holding {@code held}. */
  public record Site(String file, int line, String method, String module) {
    /** {@code Ledger.post():10}, the edge's label. */
    public String label() {
      return method + ":" + line;
    }
  }

  /**
   * @param finding the anchor of the finding that reports this edge, or null
   */
  public record Edge(
      String held,
      String acquired,
      List<Site> sites,
      boolean onCycle,
      boolean violatesDeclaredOrder,
      @Nullable String finding,
      boolean declared) {

    /** An observed acquisition. */
    public Edge(
        String held,
        String acquired,
        List<Site> sites,
        boolean onCycle,
        boolean violatesDeclaredOrder,
        @Nullable String finding) {
      this(held, acquired, sites, onCycle, violatesDeclaredOrder, finding, false);
    }

    /** Drawn in red: a possible deadlock or a broken declared order. */
    public boolean flagged() {
      return onCycle || violatesDeclaredOrder;
    }
  }

  public LockGraph {
    locks = List.copyOf(locks);
    edges = List.copyOf(edges);
    cycles = List.copyOf(cycles);
  }

  static final String INVERSION = "LockOrderInversion";
  static final String VIOLATION = "LockOrderViolation";

  /**
   * The graph of {@code recorded} edges (the module's and those of the modules it joins), each flagged
   * edge linked to the finding of {@code verdict} that reports it; {@code anchor} names a finding in the
   * page, {@code repositoryRoot} is what file names are relative to.
   */
  public static LockGraph of(
      List<RecordedEdge> recorded,
      Verdict verdict,
      Function<Verdict.Result, String> anchor,
      Path repositoryRoot) {
    Map<List<String>, List<Site>> sites = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
        .thenComparing(k -> k.get(1)));
    Map<List<String>, List<RecordedEdge>> byPair = new HashMap<>();
    // Declared edges are drawn apart, after the observed ones, and never join a cycle.
    Map<List<String>, List<Site>> declared = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
        .thenComparing(k -> k.get(1)));
    for (RecordedEdge e : recorded.stream().filter(RecordedEdge::declared).distinct().toList()) {
      Site site = new Site(Verdict.relative(repositoryRoot, e.source()), e.line(), e.method(), e.module());
      declared.computeIfAbsent(List.of(e.held(), e.acquired()), k -> new ArrayList<>()).add(site);
    }
    for (RecordedEdge e : recorded.stream().filter(e -> !e.declared()).distinct().toList()) {
      List<String> pair = List.of(e.held(), e.acquired());
      Site site = new Site(Verdict.relative(repositoryRoot, e.source()), e.line(), e.method(), e.module());
      List<Site> list = sites.computeIfAbsent(pair, k -> new ArrayList<>());
      if (!list.contains(site)) {
        list.add(site);
      }
      byPair.computeIfAbsent(pair, k -> new ArrayList<>()).add(e);
    }
    Set<String> names = new TreeSet<>();
    sites.keySet().forEach(names::addAll);
    declared.keySet().forEach(names::addAll);
    Map<String, Integer> component = components(names, sites.keySet());
    Map<Integer, Integer> componentSize = new HashMap<>();
    component.values().forEach(c -> componentSize.merge(c, 1, Integer::sum));

    List<Verdict.Result> lockFindings =
        verdict.results().stream()
            .filter(r -> r.finding().check().equals(INVERSION) || r.finding().check().equals(VIOLATION))
            .toList();
    Map<List<String>, Verdict.Result> atSite = new HashMap<>();
    for (List<String> pair : sites.keySet()) {
      Verdict.Result found = reporting(byPair.get(pair), lockFindings);
      if (found != null) {
        atSite.put(pair, found);
      }
    }
    // A cycle's other edges lead to its finding: LockOrderInversion's, else (where the order is
    // declared, and LockOrderViolation reports the acquisition against it instead) that one. The
    // first in edge order, so that the link is the same every build.
    Map<Integer, String> componentFinding = new HashMap<>();
    for (String check : List.of(INVERSION, VIOLATION)) {
      for (List<String> pair : sites.keySet()) {
        Verdict.Result found = atSite.get(pair);
        if (found != null && found.finding().check().equals(check)) {
          componentFinding.putIfAbsent(component.get(pair.get(0)), anchor.apply(found));
        }
      }
    }

    List<Edge> edges = new ArrayList<>();
    for (Map.Entry<List<String>, List<Site>> pair : sites.entrySet()) {
      String held = pair.getKey().get(0);
      String acquired = pair.getKey().get(1);
      int c = component.get(held);
      boolean onCycle = c == component.get(acquired) && componentSize.get(c) > 1;
      Verdict.Result found = atSite.get(pair.getKey());
      boolean violation = found != null && found.finding().check().equals(VIOLATION);
      String finding =
          found != null ? anchor.apply(found) : onCycle ? componentFinding.get(c) : null;
      edges.add(new Edge(held, acquired, pair.getValue(), onCycle, violation, finding));
    }
    for (Map.Entry<List<String>, List<Site>> pair : declared.entrySet()) {
      edges.add(
          new Edge(pair.getKey().get(0), pair.getKey().get(1), pair.getValue(), false, false, null, true));
    }

    Map<Integer, List<String>> members = new TreeMap<>();
    for (String name : names) {
      members.computeIfAbsent(component.get(name), k -> new ArrayList<>()).add(name);
    }
    List<List<String>> cycles =
        members.values().stream()
            .filter(m -> m.size() > 1)
            .sorted(Comparator.comparingInt((List<String> m) -> -m.size()).thenComparing(m -> m.get(0)))
            .toList();
    return new LockGraph(labelled(names), edges, cycles);
  }

  /**
   * The finding about one of these edges' acquisitions: the lock-order finding at the site, or one
   * that names the site among its related places.
   */
  private static Verdict.@Nullable Result reporting(List<RecordedEdge> edges, List<Verdict.Result> findings) {
    for (RecordedEdge e : edges) {
      for (Verdict.Result r : findings) {
        if (sameFile(r.finding().source(), e.source()) && r.finding().line() == e.line()) {
          return r;
        }
      }
    }
    for (RecordedEdge e : edges) {
      for (Verdict.Result r : findings) {
        for (RecordedFinding.Site site : r.finding().related()) {
          if (sameFile(site.source(), e.source()) && site.line() == e.line()) {
            return r;
          }
        }
      }
    }
    return null;
  }

  private static boolean sameFile(Path a, Path b) {
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }

  /** Each lock's strongly connected component (Tarjan's algorithm, without recursion). */
  private static Map<String, Integer> components(Set<String> names, Set<List<String>> pairs) {
    Map<String, List<String>> next = new HashMap<>();
    for (List<String> pair : pairs) {
      next.computeIfAbsent(pair.get(0), k -> new ArrayList<>()).add(pair.get(1));
    }
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new HashSet<>();
    Map<String, Integer> component = new HashMap<>();
    int[] counter = {0};
    for (String root : names) {
      if (index.containsKey(root)) {
        continue;
      }
      // Frames of the depth-first walk: a lock and how many of its successors it has visited.
      Deque<Map.Entry<String, Integer>> walk = new ArrayDeque<>();
      walk.push(Map.entry(root, 0));
      index.put(root, counter[0]);
      low.put(root, counter[0]++);
      stack.push(root);
      onStack.add(root);
      while (!walk.isEmpty()) {
        Map.Entry<String, Integer> frame = walk.pop();
        String lock = frame.getKey();
        List<String> successors = next.getOrDefault(lock, List.of());
        int i = frame.getValue();
        if (i < successors.size()) {
          walk.push(Map.entry(lock, i + 1));
          String s = successors.get(i);
          if (!index.containsKey(s)) {
            index.put(s, counter[0]);
            low.put(s, counter[0]++);
            stack.push(s);
            onStack.add(s);
            walk.push(Map.entry(s, 0));
          } else if (onStack.contains(s)) {
            low.put(lock, Math.min(low.get(lock), index.get(s)));
          }
          continue;
        }
        if (!walk.isEmpty()) {
          String parent = walk.peek().getKey();
          low.put(parent, Math.min(low.get(parent), low.get(lock)));
        }
        if (low.get(lock).equals(index.get(lock))) {
          String member;
          do {
            member = stack.pop();
            onStack.remove(member);
            component.put(member, index.get(lock));
          } while (!member.equals(lock));
        }
      }
    }
    return component;
  }

  /** Labels as messages show locks: the class's simple name and the member, unless two would clash. */
  private static List<Lock> labelled(Set<String> names) {
    Map<String, Integer> uses = new HashMap<>();
    for (String name : names) {
      uses.merge(shortName(name), 1, Integer::sum);
    }
    List<Lock> locks = new ArrayList<>();
    for (String name : names) {
      String label = shortName(name);
      locks.add(new Lock(name, uses.get(label) > 1 ? name : label));
    }
    return locks;
  }

  /** {@code com.acme.Bank.ledger} to {@code Bank.ledger}; also {@code Bank.this}, {@code Bank.class}. */
  static String shortName(String qualified) {
    int last = qualified.lastIndexOf('.');
    int before = last > 0 ? qualified.lastIndexOf('.', last - 1) : -1;
    return qualified.substring(before + 1);
  }

  /** The class a lock belongs to: its qualified name without the member. */
  static String owner(String qualified) {
    int last = qualified.lastIndexOf('.');
    return last > 0 ? qualified.substring(0, last) : qualified;
  }

  /** The part of the graph among {@code names}. */
  public LockGraph among(Set<String> names) {
    return new LockGraph(
        locks.stream().filter(l -> names.contains(l.name())).toList(),
        edges.stream().filter(e -> names.contains(e.held()) && names.contains(e.acquired())).toList(),
        cycles.stream().filter(names::containsAll).toList());
  }

  /**
   * The graph with each class's locks drawn as one node, for graphs too large to read lock by lock:
   * an edge between two classes stands for the edges between their locks, flagged when any of them is.
   * Edges within one class are dropped unless flagged (then drawn as a loop).
   */
  public LockGraph byClass() {
    Set<String> classes = new TreeSet<>();
    locks.forEach(l -> classes.add(owner(l.name())));
    Map<List<String>, List<Edge>> grouped = new LinkedHashMap<>();
    for (Edge e : edges) {
      grouped
          .computeIfAbsent(
              List.of(owner(e.held()), owner(e.acquired()), String.valueOf(e.declared())),
              k -> new ArrayList<>())
          .add(e);
    }
    List<Edge> merged = new ArrayList<>();
    for (Map.Entry<List<String>, List<Edge>> group : grouped.entrySet()) {
      List<Edge> parts = group.getValue();
      boolean onCycle = parts.stream().anyMatch(Edge::onCycle);
      boolean violation = parts.stream().anyMatch(Edge::violatesDeclaredOrder);
      if (group.getKey().get(0).equals(group.getKey().get(1)) && !onCycle && !violation) {
        continue;
      }
      List<Site> sites = parts.stream().flatMap(e -> e.sites().stream()).distinct().toList();
      String finding =
          parts.stream().filter(Edge::flagged).map(Edge::finding).filter(f -> f != null).findFirst()
              .orElse(null);
      boolean declared = Boolean.parseBoolean(group.getKey().get(2));
      merged.add(
          new Edge(
              group.getKey().get(0), group.getKey().get(1), sites, onCycle, violation, finding, declared));
    }
    List<Lock> nodes = new ArrayList<>();
    Map<String, Integer> uses = new HashMap<>();
    classes.forEach(c -> uses.merge(simpleName(c), 1, Integer::sum));
    for (String c : classes) {
      nodes.add(new Lock(c, uses.get(simpleName(c)) > 1 ? c : simpleName(c)));
    }
    return new LockGraph(nodes, merged, List.of());
  }

  private static String simpleName(String qualified) {
    return qualified.substring(qualified.lastIndexOf('.') + 1);
  }
}
