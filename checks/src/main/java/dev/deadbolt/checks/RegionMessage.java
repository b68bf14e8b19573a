package dev.deadbolt.checks;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.tree.JCTree;
import dev.deadbolt.blocking.BlockingCause;
import dev.deadbolt.blocking.BlockingRegions.Call;
import dev.deadbolt.blocking.BlockingRegions.Region;
import dev.deadbolt.engine.LockAnalyses;
import dev.deadbolt.hierarchy.LockNode;
import dev.deadbolt.locks.LockId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The sentence of a BlockingCallUnderLock finding: what is held, across which blocking calls and why
 * they block (the first few distinct chains, with their lines, and how many more), who else takes the
 * lock, and whether the region also pins a virtual thread.
 */
final class RegionMessage {
  /** Distinct chains shown; the rest are counted. */
  private static final int CHAINS_SHOWN = 3;

  private RegionMessage() {}

  /**
   * {@code described}: each call's chain and reason, in the order of {@code calls}; {@code sameLock}: the
   * class's other regions of the same lock, which this finding stands for.
   */
  static String of(
      Region region,
      List<Call> calls,
      List<String> described,
      List<Region> sameLock,
      boolean pins,
      LockAnalyses analyses,
      VisitorState state) {
    StringBuilder text = new StringBuilder();
    text.append(heldPhrase(calls))
        .append(" across ")
        .append(calls.size() == 1 ? "a blocking call" : calls.size() + " blocking calls")
        .append(": ");
    // The same chain at several lines reads once, with its lines.
    Map<String, List<Long>> linesByChain = new LinkedHashMap<>();
    for (int i = 0; i < calls.size(); i++) {
      List<Long> lines = linesByChain.get(described.get(i));
      if (lines == null) {
        lines = new ArrayList<>();
        linesByChain.put(described.get(i), lines);
      }
      lines.add(calls.get(i).line());
    }
    int shown = 0;
    int notShown = 0;
    for (Map.Entry<String, List<Long>> chain : linesByChain.entrySet()) {
      if (shown == CHAINS_SHOWN) {
        notShown += chain.getValue().size();
        continue;
      }
      if (shown > 0) {
        text.append("; ");
      }
      List<Long> lines = chain.getValue();
      text.append(chain.getKey())
          .append(lines.size() == 1 ? " (line " : " (lines ")
          .append(joined(lines))
          .append(')');
      shown++;
    }
    if (notShown > 0) {
      text.append("; and ").append(notShown).append(notShown == 1 ? " more call" : " more calls");
    }
    text.append(sameLockElsewhere(region, sameLock));
    Optional<String> others = othersTaking(region, sameLock, analyses, state);
    if (others.isPresent()) {
      text.append("; ").append(others.get());
    }
    if (pins) {
      text.append("; it also pins a virtual thread's carrier thread on JDK 21-23");
    }
    return text.toString();
  }

  /**
   * {@code `lock` is held}, {@code `a` and `b` are held}; a monitor that a method of the chain takes
   * around the blocking call is held there too: {@code `a` and `Timer.class` (taken on the way) are
   * held}.
   */
  private static String heldPhrase(List<Call> calls) {
    Set<LockId> held = new LinkedHashSet<>();
    Set<LockNode> heldNodes = new LinkedHashSet<>();
    Set<LockNode> onTheWay = new LinkedHashSet<>();
    for (Call call : calls) {
      held.addAll(call.held());
      for (LockId lock : call.held()) {
        Optional<LockNode> node = LockNode.of(lock);
        if (node.isPresent()) {
          heldNodes.add(node.get());
        }
      }
    }
    for (Call call : calls) {
      // (A monitor the chain ends by waiting on is given up while it waits.)
      Optional<LockId> waitedOn = call.cause().releasesWhileWaiting();
      Optional<LockNode> released =
          waitedOn.isPresent() ? LockNode.of(waitedOn.get()) : Optional.empty();
      for (LockNode node : call.cause().takenByChain()) {
        if (!heldNodes.contains(node) && !released.equals(Optional.of(node))) {
          onTheWay.add(node);
        }
      }
    }
    List<String> names = new ArrayList<>();
    for (LockId lock : held) {
      names.add("`" + lock.displayName() + "`");
    }
    for (LockNode node : onTheWay) {
      names.add("`" + node.display() + "` (taken on the way)");
    }
    return Locks.heldPhraseOf(names);
  }

  /**
   * Evidence that holding the lock keeps others waiting: the other methods of the class that take it
   * ({@code `lock` is also taken by `borrow()` and 2 more}), or, for a private field, that none does.
   * Nothing for a lock that is not a field, {@code this} or a class (a local, a parameter), or that
   * nothing else in its class takes but code outside could: who else locks it is not known here.
   */
  private static Optional<String> othersTaking(
      Region region, List<Region> sameLock, LockAnalyses analyses, VisitorState state) {
    Optional<LockNode> node = LockNode.of(region.lock());
    ClassTree topLevel = null;
    MethodSymbol own = null;
    for (TreePath p = region.anchor(); p != null; p = p.getParentPath()) {
      if (own == null && p.getLeaf() instanceof MethodTree method) {
        own = ASTHelpers.getSymbol(method);
      }
      if (p.getLeaf() instanceof ClassTree cls) {
        topLevel = cls;
      }
    }
    if (node.isEmpty() || topLevel == null) {
      return Optional.empty();
    }
    Set<MethodSymbol> others =
        new LinkedHashSet<>(
            analyses
                .lockTakers()
                .of(node.get(), topLevel, state.getPath().getCompilationUnit(), state));
    others.remove(own);
    for (Region other : sameLock) {
      others.remove(enclosingMethod(other.anchor()));
    }
    String lock = "`" + region.lock().displayName() + "`";
    if (others.isEmpty() && !sameLock.isEmpty()) {
      return Optional.empty(); // the regions named before take it
    }
    if (others.isEmpty()) {
      // Only a private field's takers are all in its class; others may lock `this` or a wider field.
      return isPrivateField(node.get())
          ? Optional.of(
              "no other method of `"
                  + ASTHelpers.getSymbol(topLevel).getSimpleName()
                  + "` takes "
                  + lock)
          : Optional.empty();
    }
    MethodSymbol first = others.iterator().next();
    ClassSymbol context = BlockingCallUnderLock.enclosingClass(region.anchor());
    String firstName = "`" + BlockingCause.name(first, context) + "`";
    return Optional.of(
        lock
            + " is also taken by "
            + firstName
            + (others.size() == 1 ? "" : " and " + (others.size() - 1) + " more"));
  }

  private static boolean isPrivateField(LockNode node) {
    return node.kind() == LockNode.Kind.FIELD
        && (node.symbol().flags() & com.sun.tools.javac.code.Flags.PRIVATE) != 0;
  }

  /** Regions of a group named after the first, then counted. */
  private static final int OTHER_REGIONS_SHOWN = 3;

  /**
   * For the first of a class's regions that hold the same lock: {@code ; `lock` is held across blocking
   * calls in `commit()` (line 237), `rollback()` (line 249) and 8 more regions too}; empty for none.
   */
  private static String sameLockElsewhere(Region first, List<Region> others) {
    if (others.isEmpty()) {
      return "";
    }
    StringBuilder text =
        new StringBuilder("; `")
            .append(first.lock().displayName())
            .append("` is held across blocking calls in ");
    int shown = Math.min(others.size(), OTHER_REGIONS_SHOWN);
    for (int i = 0; i < shown; i++) {
      if (i > 0) {
        text.append(i == shown - 1 && others.size() == shown ? " and " : ", ");
      }
      Region other = others.get(i);
      text.append('`').append(enclosingMethodName(other.anchor())).append("()` (line ")
          .append(lineOf(other.anchor())).append(')');
    }
    int more = others.size() - shown;
    if (more > 0) {
      text.append(" and ").append(more).append(more == 1 ? " more region" : " more regions");
    }
    return text.append(" too").toString();
  }

  private static String enclosingMethodName(TreePath path) {
    MethodSymbol method = enclosingMethod(path);
    if (method == null) {
      return "<init>"; // an initializer block's
    }
    return method.isConstructor()
        ? "new " + method.owner.getSimpleName()
        : method.getSimpleName().toString();
  }

  @Nullable
  private static MethodSymbol enclosingMethod(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof MethodTree method) {
        return ASTHelpers.getSymbol(method);
      }
    }
    return null;
  }

  private static long lineOf(TreePath path) {
    return path.getCompilationUnit()
        .getLineMap()
        .getLineNumber(((JCTree) path.getLeaf()).getStartPosition());
  }

  private static String joined(List<Long> lines) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      if (i > 0) {
        text.append(", ");
      }
      text.append(lines.get(i));
    }
    return text.toString();
  }
}
