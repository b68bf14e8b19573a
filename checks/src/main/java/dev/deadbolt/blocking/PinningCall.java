package dev.deadbolt.blocking;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.tree.JCTree;

/**
 * A call that blocks a virtual thread inside a region that pins it.
 *
 * @param call the invocation, constructor call or method reference
 * @param cause why it blocks (parking on a lock counts)
 */
public record PinningCall(Tree call, BlockingCause cause) {

  /** The 1-based line of the call in the compilation unit {@code state} is in. */
  public long line(VisitorState state) {
    return state
        .getPath()
        .getCompilationUnit()
        .getLineMap()
        .getLineNumber(((JCTree) call).getStartPosition());
  }
}
