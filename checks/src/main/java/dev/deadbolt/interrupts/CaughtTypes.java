package dev.deadbolt.interrupts;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.CatchTree;
import com.sun.tools.javac.code.Type.UnionClassType;
import com.sun.tools.javac.code.Type;
import java.util.List;

/** The exception types a catch clause names: one, or the alternatives of a multi-catch. */
public final class CaughtTypes {
  private CaughtTypes() {}

  public static List<Type> of(CatchTree handler) {
    Type type = ASTHelpers.getType(handler.getParameter());
    if (type == null) {
      return List.of();
    }
    if (type instanceof UnionClassType union) {
      return ImmutableList.copyOf(union.getAlternativeTypes());
    }
    return List.of(type);
  }
}
