package dev.deadbolt.analysis;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.tree.EndPosTable;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCBlock;
import com.sun.tools.javac.tree.JCTree.JCCompilationUnit;
import com.sun.tools.javac.tree.TreeInfo;
import com.sun.tools.javac.util.Position;
import java.io.IOException;
import java.util.Arrays;

/**
 * Where a file's text can mention a lock: the name of every lock method ({@link
 * LockOperation#METHOD_NAMES}: {@code lock}, {@code tryLock}, {@code unlockRead}...) contains {@code
 * "ock"}, and a monitor is taken by writing {@code synchronized}. A body whose text contains neither
 * cannot take a lock, so it need not be scanned node by node: most code, even in files that lock,
 * is answered by a binary search.
 *
 * <p>A file with a Unicode escape ({@code \u006Cock()} is a call of {@code lock()}) is never filtered.
 */
public final class LockMentions {
  private static final int[] NONE = new int[0];

  /** Offsets of {@code "ock"} and of {@code "synchronized"} in the text, ascending. */
  private final int[] lockNames;
  private final int[] monitors;
  private final EndPosTable endPositions;
  /** False when the text could not be read or has a Unicode escape: then everything may lock. */
  private final boolean filters;

  private LockMentions(int[] lockNames, int[] monitors, EndPosTable endPositions, boolean filters) {
    this.lockNames = lockNames;
    this.monitors = monitors;
    this.endPositions = endPositions;
    this.filters = filters;
  }

  public static LockMentions of(CompilationUnitTree unit) {
    EndPosTable endPositions = ((JCCompilationUnit) unit).endPositions;
    String text;
    try {
      CharSequence content = unit.getSourceFile().getCharContent(true);
      text = content == null ? null : content.toString();
    } catch (IOException | RuntimeException e) {
      text = null;
    }
    if (text == null || text.contains("\\u")) {
      return new LockMentions(NONE, NONE, endPositions, false);
    }
    return new LockMentions(
        offsets(text, "ock"), offsets(text, "synchronized"), endPositions, true);
  }

  /** Whether {@code tree}'s text may contain a call of a lock method. */
  public boolean mayCallLockMethods(Tree tree) {
    return !filters || within(lockNames, tree);
  }

  /** Whether {@code tree}'s text may take a lock: a lock method call or a {@code synchronized}. */
  public boolean mayTakeLocks(Tree tree) {
    return !filters || within(lockNames, tree) || within(monitors, tree);
  }

  private boolean within(int[] offsets, Tree tree) {
    if (tree == null || offsets.length == 0) {
      return false;
    }
    int start = TreeInfo.getStartPos((JCTree) tree);
    int end =
        tree instanceof JCBlock block
            ? block.endpos
            : endPositions == null ? Position.NOPOS : TreeInfo.getEndPos((JCTree) tree, endPositions);
    if (start == Position.NOPOS || end == Position.NOPOS || end < start) {
      return true; // positions unknown: cannot rule it out
    }
    int i = Arrays.binarySearch(offsets, start);
    int first = i >= 0 ? i : -i - 1;
    return first < offsets.length && offsets[first] < end;
  }

  private static int[] offsets(String text, String word) {
    int[] found = new int[16];
    int count = 0;
    for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      if (count == found.length) {
        found = Arrays.copyOf(found, count * 2);
      }
      found[count++] = at;
    }
    return Arrays.copyOf(found, count);
  }
}
