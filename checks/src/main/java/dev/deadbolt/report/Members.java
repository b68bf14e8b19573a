package dev.deadbolt.report;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Symbol;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Names for where a finding sits, as the report files write them: the enclosing class ({@code
 * com.acme.Bank$Teller}), method ({@code transfer(Account,long)}) or field.
 */
public final class Members {
  private Members() {}

  /**
   * The innermost class around {@code path}, and the method or field of that class the path is in.
   *
   * @param className the class's binary name, or null outside any class
   * @param method the method's signature, or null outside a method
   * @param field the field whose initializer the path is in, or null
   */
  public record Enclosing(@Nullable String className, @Nullable String method, @Nullable String field) {}

  public static Enclosing of(TreePath path) {
    String method = null;
    String field = null;
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof ClassTree cls) {
        ClassSymbol symbol = ASTHelpers.getSymbol(cls);
        return new Enclosing(symbol == null ? null : symbol.flatName().toString(), method, field);
      }
      if (method == null && field == null) {
        if (leaf instanceof MethodTree m && ASTHelpers.getSymbol(m) != null) {
          method = signature(ASTHelpers.getSymbol(m));
        } else if (leaf instanceof VariableTree v
            && p.getParentPath() != null
            && p.getParentPath().getLeaf() instanceof ClassTree) {
          field = v.getName().toString();
        }
      }
    }
    return new Enclosing(null, method, field);
  }

  /** {@code transfer(Account,long)}; a constructor is named after its class. */
  public static String signature(MethodSymbol method) {
    String name =
        method.isConstructor() ? method.owner.getSimpleName().toString() : method.getSimpleName().toString();
    return name
        + method.getParameters().stream()
            .map(p -> p.type.tsym == null ? p.type.toString() : p.type.tsym.getSimpleName().toString())
            .collect(Collectors.joining(",", "(", ")"));
  }

  /** {@code method com.acme.Poller.poll()}, {@code field com.acme.Pool.queue}, {@code class com.acme.Pool}. */
  public static String describe(Symbol symbol) {
    if (symbol instanceof ClassSymbol cls) {
      return "class " + cls.flatName();
    }
    if (symbol instanceof MethodSymbol method) {
      return "method " + ((ClassSymbol) method.owner).flatName() + "." + signature(method);
    }
    if (symbol instanceof VarSymbol variable) {
      return variable.owner instanceof ClassSymbol owner
          ? "field " + owner.flatName() + "." + variable.getSimpleName()
          : "variable " + variable.getSimpleName();
    }
    return symbol.getKind().toString().toLowerCase(java.util.Locale.ROOT) + " " + symbol;
  }
}
