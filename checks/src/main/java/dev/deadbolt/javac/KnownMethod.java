package dev.deadbolt.javac;

import static dev.deadbolt.javac.KnownMethod.constructor;
import static dev.deadbolt.javac.KnownMethod.constructorOfAny;
import static dev.deadbolt.javac.KnownMethod.exactInstanceMethod;
import static dev.deadbolt.javac.KnownMethod.instanceMethod;
import static dev.deadbolt.javac.KnownMethod.instanceMethodOfAny;
import static dev.deadbolt.javac.KnownMethod.staticMethod;
import static dev.deadbolt.javac.KnownMethod.staticMethodOfAny;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A method (or constructor) of a library class the analyses know by name: the calls, method references
 * and {@code new} expressions that invoke it. It matches as Error Prone's {@code MethodMatchers} would —
 * static methods by their class, instance methods by the receiver's type, constructors by the class
 * made — but without them: a compile that runs Deadbolt alone (as {@code deadbolt:analyze} does) would
 * otherwise pay for loading and linking Error Prone's matcher machinery, about a fifth of Deadbolt's
 * fixed cost per compile, before the JIT has seen any of it. Names are compared before types, so a
 * call by another name costs one string comparison per name.
 */
public final class KnownMethod implements Matcher<ExpressionTree> {
  private enum Kind {
    STATIC,
    /** An instance method on a receiver that is the class or a subtype of it. */
    INSTANCE,
    /** An instance method on a receiver of exactly the class. */
    INSTANCE_EXACT,
    CONSTRUCTOR
  }

  private final Kind kind;
  private final String[] classes;
  /** The method's names; none means any name (constructors have none). */
  private final String[] names;

  private final @Nullable String namePrefix;
  private final @Nullable String nameSuffix;
  /** The erased parameter types, as javac prints them; null means any parameters. */
  private final String @Nullable [] parameters;

  private KnownMethod(
      Kind kind,
      String[] classes,
      String[] names,
      @Nullable String namePrefix,
      @Nullable String nameSuffix,
      String @Nullable [] parameters) {
    this.kind = kind;
    this.classes = classes;
    this.names = names;
    this.namePrefix = namePrefix;
    this.nameSuffix = nameSuffix;
    this.parameters = parameters;
  }

  /** A static method of {@code className} by one of {@code names} (any name when none is given). */
  public static KnownMethod staticMethod(String className, String... names) {
    return new KnownMethod(Kind.STATIC, new String[] {className}, names, null, null, null);
  }

  /** A static method by one of {@code names} declared in any of {@code classNames}. */
  public static KnownMethod staticMethodOfAny(Iterable<String> classNames, String... names) {
    return new KnownMethod(Kind.STATIC, toArray(classNames), names, null, null, null);
  }

  /** An instance method by one of {@code names} (any when none) called on a {@code className}. */
  public static KnownMethod instanceMethod(String className, String... names) {
    return new KnownMethod(Kind.INSTANCE, new String[] {className}, names, null, null, null);
  }

  /** An instance method by one of {@code names} called on a subtype of any of {@code classNames}. */
  public static KnownMethod instanceMethodOfAny(Iterable<String> classNames, String... names) {
    return new KnownMethod(Kind.INSTANCE, toArray(classNames), names, null, null, null);
  }

  /** An instance method by one of {@code names} on a receiver typed exactly {@code className}. */
  public static KnownMethod exactInstanceMethod(String className, String... names) {
    return new KnownMethod(Kind.INSTANCE_EXACT, new String[] {className}, names, null, null, null);
  }

  /** A constructor of {@code className} (not of a subclass). */
  public static KnownMethod constructor(String className) {
    return new KnownMethod(Kind.CONSTRUCTOR, new String[] {className}, new String[0], null, null, null);
  }

  /** A constructor of any of {@code classNames}. */
  public static KnownMethod constructorOfAny(Iterable<String> classNames) {
    return new KnownMethod(Kind.CONSTRUCTOR, toArray(classNames), new String[0], null, null, null);
  }

  /** Only methods whose name starts with {@code prefix}. */
  public KnownMethod namedWithPrefix(String prefix) {
    return new KnownMethod(kind, classes, names, prefix, nameSuffix, parameters);
  }

  /** Only methods whose name ends with {@code suffix} after at least one other character. */
  public KnownMethod namedWithSuffix(String suffix) {
    return new KnownMethod(kind, classes, names, namePrefix, suffix, parameters);
  }

  /** Only the overload whose erased parameter types are these (as javac prints them: {@code int}). */
  public KnownMethod withParameters(String... types) {
    return new KnownMethod(kind, classes, names, namePrefix, nameSuffix, types);
  }

  public KnownMethod withNoParameters() {
    return withParameters();
  }

  /** Any of {@code methods}. */
  public static Matcher<ExpressionTree> anyOf(KnownMethod... methods) {
    KnownMethod[] alternatives = methods.clone();
    return new Matcher<>() {
      @Override
      public boolean matches(ExpressionTree tree, VisitorState state) {
        for (KnownMethod method : alternatives) {
          if (method.matches(tree, state)) {
            return true;
          }
        }
        return false;
      }
    };
  }

  @Override
  public boolean matches(ExpressionTree tree, VisitorState state) {
    Symbol symbol = ASTHelpers.getSymbol(tree);
    if (!(symbol instanceof MethodSymbol method)) {
      return false;
    }
    if (method.isConstructor() != (kind == Kind.CONSTRUCTOR)
        || (kind == Kind.STATIC) != method.isStatic()
        || !hasName(method.getSimpleName().toString())) {
      return false;
    }
    if (parameters != null && !hasParameters(method.getParameters(), state.getTypes())) {
      return false;
    }
    return switch (kind) {
      case STATIC, CONSTRUCTOR -> isOneOf(method.owner.getQualifiedName().toString());
      case INSTANCE_EXACT -> {
        Type receiver = receiverType(tree);
        yield receiver != null && isOneOf(receiver.tsym.getQualifiedName().toString());
      }
      case INSTANCE -> isSubtypeOfOne(receiverType(tree), state);
    };
  }

  private boolean hasName(String name) {
    if (namePrefix != null && !name.startsWith(namePrefix)) {
      return false;
    }
    if (nameSuffix != null && (name.length() <= nameSuffix.length() || !name.endsWith(nameSuffix))) {
      return false;
    }
    if (names.length == 0) {
      return true;
    }
    for (String known : names) {
      if (known.equals(name)) {
        return true;
      }
    }
    return false;
  }

  private boolean hasParameters(List<Symbol.VarSymbol> declared, Types types) {
    if (declared.size() != parameters.length) {
      return false;
    }
    int i = 0;
    for (Symbol.VarSymbol parameter : declared) {
      if (!types.erasure(parameter.type).toString().equals(parameters[i++])) {
        return false;
      }
    }
    return true;
  }

  private boolean isOneOf(String qualifiedName) {
    for (String known : classes) {
      if (known.equals(qualifiedName)) {
        return true;
      }
    }
    return false;
  }

  private boolean isSubtypeOfOne(@Nullable Type receiver, VisitorState state) {
    if (receiver == null) {
      return false;
    }
    Types types = state.getTypes();
    Type erased = types.erasure(receiver);
    for (String known : classes) {
      // Absent from the class path (a library the code does not use): nothing is a subtype of it.
      Type type = state.getTypeFromString(known);
      if (type != null && types.isSubtype(erased, types.erasure(type))) {
        return true;
      }
    }
    return false;
  }

  /** The type the method is called on, as Error Prone's matchers read it (the qualifier's type). */
  private static @Nullable Type receiverType(ExpressionTree tree) {
    ExpressionTree select = tree instanceof MethodInvocationTree call ? call.getMethodSelect() : tree;
    return ASTHelpers.getReceiverType(select);
  }

  private static String[] toArray(Iterable<String> names) {
    java.util.ArrayList<String> list = new java.util.ArrayList<>();
    for (String name : names) {
      list.add(name);
    }
    return list.toArray(new String[0]);
  }
}
