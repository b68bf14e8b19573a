package dev.deadbolt.interrupts;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Searches the code that runs as part of one body: lambdas and local or anonymous classes inside it run
 * later or on another thread, so their interrupt handling is not the body's.
 */
final class BodySearch {
  private BodySearch() {}

  /** Whether some node under {@code root} (root included) satisfies {@code test}. */
  static boolean anyMatch(Tree root, Predicate<Tree> test) {
    return !findAll(root, test, true).isEmpty();
  }

  /** Every node under {@code root} (root included) that satisfies {@code test}, in source order. */
  static List<Tree> findAll(Tree root, Predicate<Tree> test) {
    return findAll(root, test, false);
  }

  private static List<Tree> findAll(Tree root, Predicate<Tree> test, boolean firstOnly) {
    List<Tree> found = new ArrayList<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        if (tree == null || (firstOnly && !found.isEmpty())) {
          return null;
        }
        if (tree != root && (tree instanceof LambdaExpressionTree || tree instanceof ClassTree)) {
          return null;
        }
        if (test.test(tree)) {
          found.add(tree);
        }
        return super.scan(tree, null);
      }
    }.scan(root, null);
    return found;
  }
}
