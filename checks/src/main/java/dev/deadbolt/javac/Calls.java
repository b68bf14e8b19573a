package dev.deadbolt.javac;

import com.sun.source.tree.AnnotatedTypeTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.Tree;

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

  /**
   * The simple name a call is written with: the method's for an invocation or a method reference, the
   * class's for a constructor call or a constructor reference ({@code Foo::new}); empty for anything
   * else. Read off the tree, so a check can skip every call that cannot be one it knows.
   */
  public static String simpleName(Tree tree) {
    if (tree instanceof MethodInvocationTree call) {
      return methodName(call);
    }
    if (tree instanceof NewClassTree newClass) {
      return typeName(newClass.getIdentifier());
    }
    if (tree instanceof MemberReferenceTree reference) {
      return reference.getMode() == MemberReferenceTree.ReferenceMode.NEW
          ? typeName(reference.getQualifierExpression())
          : reference.getName().toString();
    }
    return "";
  }

  /** The simple name of a type as written: {@code Foo}, {@code a.b.Foo}, {@code Foo<T>}, {@code @A Foo}. */
  private static String typeName(Tree type) {
    if (type instanceof ParameterizedTypeTree parameterized) {
      return typeName(parameterized.getType());
    }
    if (type instanceof AnnotatedTypeTree annotated) {
      return typeName(annotated.getUnderlyingType());
    }
    if (type instanceof MemberSelectTree select) {
      return select.getIdentifier().toString();
    }
    if (type instanceof IdentifierTree id) {
      return id.getName().toString();
    }
    return "";
  }
}
