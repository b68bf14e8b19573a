package dev.deadbolt.analysis;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;

/** Small syntactic facts about calls, cheap enough to run before any type is consulted. */
public final class Calls {
  private Calls() {}

  /** The simple name of the invoked method, read off the tree without resolving anything. */
  public static String methodName(MethodInvocationTree call) {
    ExpressionTree select = call.getMethodSelect();
    if (select instanceof MemberSelectTree ms) {
      return ms.getIdentifier().toString();
    }
    if (select instanceof IdentifierTree id) {
      return id.getName().toString();
    }
    return "";
  }
}
