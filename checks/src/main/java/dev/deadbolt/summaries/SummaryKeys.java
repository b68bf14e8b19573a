package dev.deadbolt.summaries;

import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.PackageSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import dev.deadbolt.hierarchy.LockNode;
import org.jspecify.annotations.Nullable;

/**
 * How a summaries file names methods and locks, so that a later compilation can match them to the
 * symbols it reads from class files without loading anything it does not call.
 *
 * <ul>
 *   <li>A method: its class's binary name, {@code #}, its name and its erased JVM descriptor: {@code
 *       com.acme.Client$Pool#take(J)Ljava/lang/Object;} ({@code <init>} for a constructor).
 *   <li>A lock: its class's binary name, {@code #}, then the field's name, {@code this} (the monitor of
 *       an instance) or {@code class} (the class literal): {@code com.acme.Ledger#accounts}. Neither
 *       word can be a field's name.
 * </ul>
 */
final class SummaryKeys {
  private SummaryKeys() {}

  static String method(MethodSymbol method, Types types) {
    StringBuilder key = new StringBuilder();
    key.append(((ClassSymbol) method.owner).flatName()).append('#').append(method.name).append('(');
    Type erased = types.erasure(method.type);
    for (Type parameter : erased.getParameterTypes()) {
      descriptor(parameter, types, key);
    }
    key.append(')');
    descriptor(erased.getReturnType(), types, key);
    return key.toString();
  }

  private static void descriptor(Type type, Types types, StringBuilder out) {
    Type t = types.erasure(type);
    switch (t.getTag()) {
      case BYTE -> out.append('B');
      case CHAR -> out.append('C');
      case DOUBLE -> out.append('D');
      case FLOAT -> out.append('F');
      case INT -> out.append('I');
      case LONG -> out.append('J');
      case SHORT -> out.append('S');
      case BOOLEAN -> out.append('Z');
      case VOID -> out.append('V');
      case ARRAY -> {
        out.append('[');
        descriptor(((Type.ArrayType) t).elemtype, types, out);
      }
      default -> {
        if (t.tsym instanceof ClassSymbol cls) {
          out.append('L').append(cls.flatName().toString().replace('.', '/')).append(';');
        } else {
          out.append('L').append(t.tsym == null ? "?" : t.tsym.toString()).append(';');
        }
      }
    }
  }

  /**
   * The top-level class around {@code cls}, or null when there is none ({@code outermostClass()}
   * assumes one and fails on the class javac makes for arrays).
   */
  @Nullable
  static ClassSymbol topLevel(Symbol cls) {
    Symbol s = cls;
    while (!(s.owner instanceof PackageSymbol)) {
      if (!(s.owner instanceof ClassSymbol outer)) {
        return null;
      }
      s = outer;
    }
    return s instanceof ClassSymbol top ? top : null;
  }

  static String lock(LockNode node) {
    return switch (node.kind()) {
      case FIELD -> ((ClassSymbol) node.symbol().owner).flatName() + "#" + node.symbol().getSimpleName();
      case THIS -> ((ClassSymbol) node.symbol()).flatName() + "#this";
      case CLASS_LITERAL -> ((ClassSymbol) node.symbol()).flatName() + "#class";
    };
  }

  /** The binary name of the class a lock key names, or null when the key is not one. */
  static String lockClass(String key) {
    int hash = key.lastIndexOf('#');
    return hash <= 0 || hash == key.length() - 1 ? null : key.substring(0, hash);
  }

  /** The lock {@code key} names in {@code cls}, or null when {@code cls} has no such field. */
  static LockNode lockIn(ClassSymbol cls, String key) {
    String member = key.substring(key.lastIndexOf('#') + 1);
    switch (member) {
      case "this":
        return LockNode.thisOf(cls);
      case "class":
        return LockNode.classLiteral(cls);
      default:
        for (Symbol field : cls.members().getSymbolsByName(cls.name.table.fromString(member))) {
          if (field instanceof VarSymbol variable) {
            return LockNode.field(variable);
          }
        }
        return null;
    }
  }
}
