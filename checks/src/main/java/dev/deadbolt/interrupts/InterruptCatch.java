package dev.deadbolt.interrupts;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers.ScanThrownTypes;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.TryTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Type;
import java.util.List;

/** Whether a {@code catch} clause can receive an {@link InterruptedException}, and how sure that is. */
public enum InterruptCatch {
  /** It cannot: a catch of an unrelated type, or a broad catch around code that is not interruptible. */
  NONE,
  /** Every exception it receives is an {@code InterruptedException}. */
  ALWAYS,
  /**
   * It receives an {@code InterruptedException} among others: a multi-catch that lists it, or a catch
   * of {@code Exception}/{@code Throwable} around code that declares it.
   */
  SOMETIMES;

  /** Classifies {@code handler}, one of {@code tryTree}'s catch clauses. */
  public static InterruptCatch of(CatchTree handler, TryTree tryTree, VisitorState state) {
    Type interrupted = InterruptCalls.interruptedException(state);
    List<Type> caught = CaughtTypes.of(handler);
    if (anySubtypeOf(caught, interrupted, state)) {
      return caught.size() == 1 ? ALWAYS : SOMETIMES;
    }
    if (!anySupertypeOf(caught, interrupted, state)) {
      return NONE;
    }
    // A broad catch: it only matters if the try can really throw InterruptedException and no earlier
    // clause of the same try takes it first. Callees declaring `throws Exception` do not count; they
    // would make every broad catch a finding.
    for (CatchTree earlier : tryTree.getCatches()) {
      if (earlier == handler) {
        break;
      }
      if (anySupertypeOf(CaughtTypes.of(earlier), interrupted, state)) {
        return NONE;
      }
    }
    ScanThrownTypes thrown = new ScanThrownTypes(state);
    thrown.scanResources(tryTree);
    thrown.scan(tryTree.getBlock(), null);
    return anySubtypeOf(thrown.getThrownTypes(), interrupted, state) ? SOMETIMES : NONE;
  }

  // Loops, not streams: asked of every catch clause in the compilation, mostly before the JIT has
  // compiled anything of Deadbolt's.
  private static boolean anySubtypeOf(Iterable<Type> types, Type of, VisitorState state) {
    for (Type type : types) {
      if (ASTHelpers.isSubtype(type, of, state)) {
        return true;
      }
    }
    return false;
  }

  private static boolean anySupertypeOf(Iterable<Type> types, Type of, VisitorState state) {
    for (Type type : types) {
      if (ASTHelpers.isSubtype(of, type, state)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Classifies the catch clause at the end of {@code catchPath}; knowing where it is, this also sees
   * that a {@code get()} on a future whose {@code cancel} returned false cannot be interrupted ({@link
   * FutureWaits}).
   */
  public static InterruptCatch of(TreePath catchPath, VisitorState state) {
    if (!(catchPath.getLeaf() instanceof CatchTree handler)
        || !(catchPath.getParentPath().getLeaf() instanceof TryTree tryTree)) {
      return NONE;
    }
    InterruptCatch kind = of(handler, tryTree, state);
    return kind != NONE && FutureWaits.interruptibleOnlyByDoneFutures(catchPath.getParentPath(), state)
        ? NONE
        : kind;
  }
}
