package dev.deadbolt.hierarchy;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.util.Context;
import dev.deadbolt.engine.LockAnalyses;
import dev.deadbolt.javac.CompiledClasses;
import dev.deadbolt.locks.HeldLockAnalysis;
import dev.deadbolt.locks.LockSigns;
import dev.deadbolt.summaries.ClassPathSummaries;
import dev.deadbolt.summaries.UpstreamEdge;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import org.jspecify.annotations.Nullable;

/**
 * The order in which the code of the whole compilation actually takes locks: every acquisition made
 * while another lock is held, as an edge {@code held -> acquired} between declarations, with every site
 * that shows it. Two edges in opposite directions are a potential deadlock: one {@link Inversion},
 * anchored at one site of either direction, the same whichever file asks first.
 *
 * <p>Built once per compilation, on first use, by visiting every method that shows a {@link LockSigns
 * sign} of a lock, in every compilation unit that has one.
 */
public final class ObservedLockOrder {
  private static final Context.Key<ObservedLockOrder> KEY = new Context.Key<>();

  /** Where an edge was seen. */
  public record Site(
      String file, long line, String method, @Nullable JavaFileObject source, int position) {
    /** {@code Bank.audit() (Bank.java:57)}. */
    public String describe() {
      return method + " (" + file + ":" + line + ")";
    }
  }

  /** An edge and where it was seen first. */
  public record Observed(LockNode held, LockNode acquired, Site site) {}

  /**
   * Two locks taken in both orders, as one finding: reported at {@code anchor}, naming {@code
   * opposite}, the first site of the other order.
   *
   * @param moreInThisOrder how many other sites take the pair in the anchor's order
   * @param moreInOppositeOrder how many other sites take it in the opposite order
   */
  public record Inversion(
      Site anchor, Site opposite, int moreInThisOrder, int moreInOppositeOrder) {}

  private record Pair(LockNode held, LockNode acquired) {
    // Written out: a record's generated equals and hashCode link through a bootstrap method on first
    // use, a millisecond or more in a compile that has not yet needed that machinery.
    @Override
    public boolean equals(Object o) {
      return o instanceof Pair other && held.equals(other.held) && acquired.equals(other.acquired);
    }

    @Override
    public int hashCode() {
      return 31 * held.hashCode() + acquired.hashCode();
    }
  }

  /**
   * A site that shows an edge: the tree, and where it sorts among all sites of the compilation (by
   * file, then position), which decides the anchor of an inversion.
   *
   * @param anchorable whether a finding may be anchored here: Error Prone does not analyse a file
   *     excluded by {@code -XepExcludedPaths}, so a finding anchored there would never be reported
   */
  private record Seen(Site site, @Nullable Tree tree, String file, boolean anchorable) {
    boolean isBefore(Seen other) {
      int byFile = file.compareTo(other.file);
      return byFile != 0 ? byFile < 0 : site.position() < other.site.position();
    }

    /** The first of {@code sites} (anchorable ones only, if asked), or null. */
    static @Nullable Seen first(List<Seen> sites, boolean anchorableOnly, @Nullable Seen than) {
      Seen first = than;
      for (Seen seen : sites) {
        if ((!anchorableOnly || seen.anchorable) && (first == null || seen.isBefore(first))) {
          first = seen;
        }
      }
      return first;
    }
  }

  /** The sites of each edge, in the order seen. */
  private final Map<Pair, List<Seen>> edges = new LinkedHashMap<>();
  /** The edges at every site visited (every call and synchronized in a method that takes locks). */
  private final Map<Tree, List<LockEdge>> edgesBySite = new IdentityHashMap<>();

  private ObservedLockOrder(LockAnalyses analyses, VisitorState anyState) {
    Pattern excluded = anyState.errorProneOptions().getExcludedPattern();
    for (CompilationUnitTree unit : CompiledClasses.units(anyState)) {
      if (!LockSigns.anyInUnit(unit, anyState.context)) {
        continue; // no lock anywhere in the file, so no lock taken under another
      }
      URI uri = unit.getSourceFile().toUri();
      String file = uri.toString();
      boolean anchorable =
          excluded == null || uri.getPath() == null || !excluded.matcher(uri.getPath()).matches();
      VisitorState state =
          VisitorState.createForUtilityPurposes(anyState.context).withPath(new TreePath(unit));
      // A private held-lock analysis: the shared one caches the unit the checks are visiting.
      HeldLockAnalysis heldLocks = analyses.newHeldLockAnalysis();
      new TreePathScanner<Void, Void>() {
        @Override
        public Void visitMethod(MethodTree method, Void unused) {
          // A method that holds no lock anywhere cannot take one while holding another.
          return LockSigns.anyInMethod(method, unit, anyState.context)
              ? super.visitMethod(method, unused)
              : null;
        }

        @Override
        public Void visitSynchronized(SynchronizedTree node, Void unused) {
          record(getCurrentPath());
          return super.visitSynchronized(node, unused);
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
          record(getCurrentPath());
          return super.visitMethodInvocation(node, unused);
        }

        private void record(TreePath site) {
          List<LockEdge> found = LockEdges.at(site, heldLocks, analyses.blockingCalls(), state);
          edgesBySite.put(site.getLeaf(), found);
          Seen seen = null;
          for (LockEdge edge : found) {
            Pair pair = new Pair(edge.heldNode(), edge.acquiredNode());
            List<Seen> sites = edges.get(pair);
            if (sites == null) {
              sites = new ArrayList<>();
              edges.put(pair, sites);
            }
            if (sites.isEmpty() || sites.get(sites.size() - 1).tree() != site.getLeaf()) {
              if (seen == null) {
                seen = new Seen(siteOf(site, unit), site.getLeaf(), file, anchorable);
              }
              sites.add(seen);
            }
          }
        }
      }.scan(unit, null);
    }
    addRecordedElsewhere(anyState);
  }

  // ---- Summaries across compilations (#19) ---------------------------------------------------------

  /**
   * The edges that the compilations of the class path recorded (their summaries files) in the order
   * opposite to one of this compilation's: a finding can then be anchored here, at this compilation's
   * site, naming the other's. Those sites are never anchors and never written to this compilation's
   * reports.
   */
  private void addRecordedElsewhere(VisitorState state) {
    if (edges.isEmpty()) {
      return;
    }
    ClassPathSummaries recorded = ClassPathSummaries.of(state.context);
    Set<LockNode> asked = new HashSet<>();
    for (Pair pair : List.copyOf(edges.keySet())) {
      for (LockNode node : List.of(pair.held(), pair.acquired())) {
        if (!asked.add(node)) {
          continue;
        }
        for (UpstreamEdge edge : recorded.edgesTaking(node, state)) {
          Pair upstream = new Pair(edge.held(), edge.acquired());
          List<Seen> ours = edges.get(new Pair(edge.acquired(), edge.held()));
          if (ours == null || ours.isEmpty() || ours.get(0).tree() == null) {
            continue; // only the opposite of an order taken here makes a finding here
          }
          Site site = new Site(edge.file(), edge.line(), edge.method(), null, -1);
          Seen seen = new Seen(site, null, edge.origin() + "!" + edge.file(), false);
          List<Seen> sites = edges.get(upstream);
          if (sites == null) {
            sites = new ArrayList<>();
            edges.put(upstream, sites);
          }
          if (!sites.contains(seen)) {
            sites.add(seen);
          }
        }
      }
    }
  }

  // --------------------------------------------------------------------------------------------------

  /**
   * The observed order of the compilation, if something has already asked for it. It is built only
   * when a site has an edge to look up, so code that never nests locks never pays for it.
   */
  public static Optional<ObservedLockOrder> ifBuilt(VisitorState state) {
    return Optional.ofNullable(state.context.get(KEY));
  }

  /** The observed order of the compilation {@code state} belongs to. */
  public static ObservedLockOrder of(VisitorState state, LockAnalyses analyses) {
    ObservedLockOrder order = state.context.get(KEY);
    if (order == null) {
      order = new ObservedLockOrder(analyses, state);
      state.context.put(KEY, order);
    }
    return order;
  }

  /**
   * The inversion of the edge {@code held -> acquired} at {@code site}, if the compilation also takes
   * the two locks in the opposite order and {@code site} is where that one finding is anchored: the
   * first, by file and position, of all sites of both orders, so that exactly one site reports it
   * whichever file is analysed first.
   */
  public Optional<Inversion> inversionAnchoredAt(Tree site, LockNode held, LockNode acquired) {
    List<Seen> opposite = edges.get(new Pair(acquired, held));
    List<Seen> same = edges.get(new Pair(held, acquired));
    if (opposite == null || same == null) {
      return Optional.empty();
    }
    Seen anchor = Seen.first(opposite, true, Seen.first(same, true, null));
    if (anchor == null || anchor.tree() != site) {
      return Optional.empty();
    }
    return Optional.of(
        new Inversion(
            anchor.site(),
            Seen.first(opposite, false, null).site(),
            same.size() - 1,
            opposite.size() - 1));
  }

  /**
   * The edges at the call or {@code synchronized} {@code site}, as computed while this order was built;
   * empty if the site was not visited (its method takes no lock), and then the caller computes them.
   */
  public Optional<List<LockEdge>> edgesAt(Tree site) {
    return Optional.ofNullable(edgesBySite.get(site));
  }

  /**
   * Every edge of this compilation, in the order first seen, with the site it was first seen at (not
   * the edges recorded by other compilations, which have no tree here).
   */
  public ImmutableList<Observed> all() {
    ImmutableList.Builder<Observed> all = ImmutableList.builder();
    edges.forEach(
        (pair, sites) -> {
          for (Seen seen : sites) {
            if (seen.tree() != null) {
              all.add(new Observed(pair.held(), pair.acquired(), seen.site()));
              return;
            }
          }
        });
    return all.build();
  }

  /**
   * The site record for the tree at {@code path}, at the line a finding there is reported on (of a
   * call, the line of its argument list, not of the start of its receiver).
   */
  public static Site siteOf(TreePath path, CompilationUnitTree unit) {
    int position = ((JCTree) path.getLeaf()).getPreferredPosition();
    MethodTree method = ASTHelpers.findEnclosingNode(path, MethodTree.class);
    ClassTree cls = ASTHelpers.findEnclosingNode(path, ClassTree.class);
    String name =
        (cls == null ? "" : cls.getSimpleName() + ".")
            + (method == null ? "<init>" : methodName(ASTHelpers.getSymbol(method)))
            + "()";
    String file = unit.getSourceFile().getName();
    return new Site(
        file.substring(file.lastIndexOf('/') + 1),
        unit.getLineMap().getLineNumber(position),
        name,
        unit.getSourceFile(),
        position);
  }

  private static String methodName(MethodSymbol method) {
    return method.isConstructor() ? "<init>" : method.getSimpleName().toString();
  }
}
