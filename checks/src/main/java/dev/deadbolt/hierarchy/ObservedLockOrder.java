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
import dev.deadbolt.analysis.CompiledClasses;
import dev.deadbolt.analysis.HeldLockAnalysis;
import dev.deadbolt.analysis.LockAnalyses;
import dev.deadbolt.analysis.LockEdge;
import dev.deadbolt.analysis.LockEdges;
import dev.deadbolt.analysis.LockNode;
import dev.deadbolt.analysis.LockSigns;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.tools.JavaFileObject;

/**
 * The order in which the code of the whole compilation actually takes locks: every acquisition made
 * while another lock is held, as an edge {@code held -> acquired} between declarations, with the first
 * site that shows it. Two edges in opposite directions are a potential deadlock.
 *
 * <p>Built once per compilation, on first use, by visiting every method that shows a {@link LockSigns
 * sign} of a lock, in every compilation unit that has one.
 */
public final class ObservedLockOrder {
  private static final Context.Key<ObservedLockOrder> KEY = new Context.Key<>();

  /** Where an edge was seen. */
  public record Site(String file, long line, String method, JavaFileObject source, int position) {
    /** {@code Bank.audit() (Bank.java:57)}. */
    public String describe() {
      return method + " (" + file + ":" + line + ")";
    }
  }

  /** An edge and where it was seen first. */
  public record Observed(LockNode held, LockNode acquired, Site site) {}

  private record Pair(LockNode held, LockNode acquired) {}

  private final Map<Pair, Site> edges = new LinkedHashMap<>();
  /** The edges at every site visited (every call and synchronized in a method that takes locks). */
  private final Map<Tree, List<LockEdge>> edgesBySite = new IdentityHashMap<>();

  private ObservedLockOrder(LockAnalyses analyses, VisitorState anyState) {
    for (CompilationUnitTree unit : CompiledClasses.units(anyState)) {
      if (!LockSigns.anyInUnit(unit, anyState.context)) {
        continue; // no lock anywhere in the file, so no lock taken under another
      }
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
          for (LockEdge edge : found) {
            if (!edge.sameObject()) {
              edges.putIfAbsent(new Pair(edge.heldNode(), edge.acquiredNode()), siteOf(site, unit));
            }
          }
        }
      }.scan(unit, null);
    }
  }

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

  /** Where {@code acquired} is held while {@code held} is acquired: the opposite order, if seen. */
  public Optional<Site> oppositeOf(LockNode held, LockNode acquired) {
    return Optional.ofNullable(edges.get(new Pair(acquired, held)));
  }

  /**
   * The edges at the call or {@code synchronized} {@code site}, as computed while this order was built;
   * empty if the site was not visited (its method takes no lock), and then the caller computes them.
   */
  public Optional<List<LockEdge>> edgesAt(Tree site) {
    return Optional.ofNullable(edgesBySite.get(site));
  }

  /** Every edge, in the order first seen. */
  public ImmutableList<Observed> all() {
    ImmutableList.Builder<Observed> all = ImmutableList.builder();
    edges.forEach((pair, site) -> all.add(new Observed(pair.held(), pair.acquired(), site)));
    return all.build();
  }

  /** The site record for the tree at {@code path}. */
  public static Site siteOf(TreePath path, CompilationUnitTree unit) {
    int position = ((JCTree) path.getLeaf()).getStartPosition();
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
