package dev.deadbolt.report;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;

/**
 * The source of the statement a finding flags, normalized so that it survives edits that only move
 * it: the innermost statement or member declaration around the flagged tree, cut before its first
 * nested block (so {@code synchronized (lock)} or a method's signature, not everything inside), with
 * runs of whitespace collapsed.
 */
public final class FlaggedCode {
  private static final int MAX_LENGTH = 300;

  private FlaggedCode() {}

  public static String statementAt(TreePath path, VisitorState state) {
    Tree target = path.getLeaf();
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof CompilationUnitTree) {
        break;
      }
      if ((leaf instanceof StatementTree && !(leaf instanceof BlockTree))
          || leaf instanceof MethodTree
          || leaf instanceof ClassTree) {
        target = leaf;
        break;
      }
    }
    CharSequence source = state.getSourceCode();
    int start = ASTHelpers.getStartPosition(target);
    int end = Math.min(state.getEndPosition(target), headerEnd(target));
    if (source == null || start < 0 || end <= start || end > source.length()) {
      return target.getKind().toString();
    }
    String text = source.subSequence(start, end).toString().replaceAll("\\s+", " ").trim();
    return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH);
  }

  /** Where the first nested block (or, in a class, the first member) of {@code tree} starts. */
  private static int headerEnd(Tree tree) {
    if (tree instanceof ClassTree cls) {
      return cls.getMembers().stream()
          .mapToInt(ASTHelpers::getStartPosition)
          .filter(p -> p >= 0)
          .min()
          .orElse(Integer.MAX_VALUE);
    }
    int[] first = {Integer.MAX_VALUE};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitBlock(BlockTree block, Void unused) {
        int start = ASTHelpers.getStartPosition(block);
        if (start >= 0 && start < first[0]) {
          first[0] = start;
        }
        return null; // a block's insides do not start earlier than the block
      }

      @Override
      public Void visitClass(ClassTree cls, Void unused) {
        return null; // an anonymous class body is part of its expression
      }
    }.scan(tree, null);
    return first[0];
  }
}
