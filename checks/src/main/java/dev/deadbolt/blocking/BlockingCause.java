package dev.deadbolt.blocking;

import com.google.common.collect.ImmutableList;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Scope;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import dev.deadbolt.hierarchy.LockNode;
import dev.deadbolt.locks.LockId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Why a call blocks: the chain of methods of this compilation it goes through, the call at the end
 * that blocks, and why that one blocks.
 *
 * @param via the methods of this compilation between the call and the blocking one, outermost first;
 *     empty when the call itself blocks
 * @param leaf the blocking call at the end, as {@code Type.method()}
 * @param reason why it blocks, from the catalog or a {@code @Blocking} annotation
 * @param releasesWhileWaiting the lock a {@code wait()} or {@code await()} at the end gives up while it
 *     waits, if any: holding only that lock around the call is the correct idiom, not a bug
 * @param takenByChain the monitors the methods of the chain themselves hold around the blocking call
 *     (a {@code synchronized} method or block on the way), outermost first: held there too
 * @param conditional whether the chain reaches the blocking call only through a branch (an {@code
 *     if}, a {@code catch}, a conditional expression, a {@code switch} case) of one of its methods
 * @param errorPath whether the chain reaches it only while building an exception to throw ({@code throw
 *     factory.create(...)}): what a failure costs, the least likely way to show
 */
public record BlockingCause(
    ImmutableList<MethodSymbol> via,
    String leaf,
    String reason,
    Optional<LockId> releasesWhileWaiting,
    ImmutableList<LockNode> takenByChain,
    boolean conditional,
    boolean errorPath) {

  /** Chains longer than this show their first and last methods and elide the middle. */
  private static final int SHOWN_CHAIN = 5;

  /** A call that blocks by itself, reached unconditionally. */
  static BlockingCause direct(String leaf, String reason, Optional<LockId> releasesWhileWaiting) {
    return new BlockingCause(
        ImmutableList.of(), leaf, reason, releasesWhileWaiting, ImmutableList.of(), false, false);
  }

  /** The same cause reached through one more method of this compilation. */
  BlockingCause through(MethodSymbol method) {
    return new BlockingCause(
        ImmutableList.<MethodSymbol>builder().add(method).addAll(via).build(),
        leaf,
        reason,
        releasesWhileWaiting,
        takenByChain,
        conditional,
        errorPath);
  }

  /** The same cause, its wait giving up {@code released} instead. */
  BlockingCause releasing(Optional<LockId> released) {
    return new BlockingCause(via, leaf, reason, released, takenByChain, conditional, errorPath);
  }

  /**
   * The same cause reached from inside {@code monitors} (outermost first), and through a branch if
   * {@code branch}: what the method whose summary this becomes adds around the call.
   */
  BlockingCause within(List<LockNode> monitors, boolean branch) {
    return within(monitors, branch, false);
  }

  /** As {@link #within(List, boolean)}, and on an error path if {@code throwing}. */
  BlockingCause within(List<LockNode> monitors, boolean branch, boolean throwing) {
    if (monitors.isEmpty() && (!branch || conditional) && (!throwing || errorPath)) {
      return this;
    }
    ImmutableList<LockNode> taken =
        monitors.isEmpty()
            ? takenByChain
            : ImmutableList.<LockNode>builder().addAll(monitors).addAll(takenByChain).build();
    return new BlockingCause(
        via,
        leaf,
        reason,
        releasesWhileWaiting,
        taken,
        conditional || branch || throwing,
        errorPath || throwing);
  }

  /**
   * Whether this cause, reached through a branch if {@code branch}, is a likelier one to show than
   * {@code other}, for the same call: one reached unconditionally before one behind a branch, then
   * network or database before other waits before files before printing, then the shorter chain.
   */
  boolean likelierThan(BlockingCause other, boolean branch) {
    return likelierThan(other, branch, false);
  }

  /** As {@link #likelierThan(BlockingCause, boolean)}; any other path before an error path. */
  boolean likelierThan(BlockingCause other, boolean branch, boolean throwing) {
    boolean thisErrorPath = errorPath || throwing;
    if (thisErrorPath != other.errorPath) {
      return !thisErrorPath;
    }
    boolean thisConditional = conditional || branch || throwing;
    if (thisConditional != other.conditional) {
      return !thisConditional;
    }
    if (weight() != other.weight()) {
      return weight() < other.weight();
    }
    return via.size() < other.via.size();
  }

  /** 0 network or database, 1 other waits, 2 files, 3 printing (console or a writer). */
  private int weight() {
    // (A leaf read from another compilation's summaries ends its chain: `Log.info() -> PrintStream.println()`.)
    int arrow = leaf.lastIndexOf(" -> ");
    String call = arrow < 0 ? leaf : leaf.substring(arrow + 4);
    if (call.startsWith("PrintStream.") || call.startsWith("PrintWriter.")) {
      return 3;
    }
    if (reason.contains("round trip")) {
      return 0;
    }
    if (reason.contains("file")) { // streams and channels: "file or network I/O"
      return 2;
    }
    return 1;
  }

  /**
   * For a message: {@code `TimeUnit.sleep()` sleeps the thread}, or through a chain {@code `refresh()
   * -> backoff() -> TimeUnit.sleep()` sleeps the thread}; methods of {@code context} read without their
   * class name, a long chain without its middle.
   */
  public String describe(@Nullable ClassSymbol context) {
    return "`" + chain(context) + "` " + reason;
  }

  /** {@code refresh() -> backoff() -> TimeUnit.sleep()}, eliding the middle of a long chain. */
  public String chain(@Nullable ClassSymbol context) {
    if (via.isEmpty()) {
      return leaf;
    }
    List<String> steps = steps(via, context);
    StringBuilder chain = new StringBuilder();
    int size = steps.size();
    for (int i = 0; i < size; i++) {
      if (size > SHOWN_CHAIN && i == 2) {
        int elided = size - 3;
        chain.append("... (").append(elided).append(" more) -> ");
        i = size - 2; // then the last method before the leaf
        continue;
      }
      chain.append(steps.get(i)).append(" -> ");
    }
    return chain.append(leaf).toString();
  }

  /**
   * The methods of a chain as they read: {@link #chainName}, except that an abstract method and the
   * implementation a call of it reaches read as one step, {@code Connector.open() [SocketConnector]}.
   */
  public static List<String> steps(List<MethodSymbol> via, @Nullable ClassSymbol context) {
    List<String> steps = new ArrayList<>(via.size());
    for (int i = 0; i < via.size(); i++) {
      MethodSymbol method = via.get(i);
      String step = chainName(method, context);
      // An abstract method has no body: the next method of a chain through it is its implementation.
      if ((method.flags() & Flags.ABSTRACT) != 0
          && i + 1 < via.size()
          && implementsIt(via.get(i + 1), method)) {
        step += " [" + ownerName(via.get(++i).owner).replace("(", "").replace(")", "") + "]";
      }
      steps.add(step);
    }
    return steps;
  }

  /** Whether {@code next} is a method of the same name in a subtype of {@code method}'s class. */
  private static boolean implementsIt(MethodSymbol next, MethodSymbol method) {
    return next.name == method.name
        && next.owner instanceof ClassSymbol cls
        && isSubtypeOf(cls, method.owner, 0);
  }

  private static boolean isSubtypeOf(ClassSymbol cls, Symbol ancestor, int depth) {
    if (cls == ancestor) {
      return true;
    }
    if (depth > 20) {
      return false;
    }
    if (cls.getSuperclass().tsym instanceof ClassSymbol parent
        && isSubtypeOf(parent, ancestor, depth + 1)) {
      return true;
    }
    for (Type iface : cls.getInterfaces()) {
      if (iface.tsym instanceof ClassSymbol parent && isSubtypeOf(parent, ancestor, depth + 1)) {
        return true;
      }
    }
    return false;
  }

  /** {@code method()}, or {@code Owner.method()} when it is not a member of {@code context}. */
  public static String name(MethodSymbol method, @Nullable ClassSymbol context) {
    return name(method, context, "()");
  }

  /**
   * A method of a chain: as {@link #name}, but an overloaded method (or constructor) with its
   * parameter types, {@code clear(K, boolean)}, so that overloads calling each other never read like
   * recursion.
   */
  public static String chainName(MethodSymbol method, @Nullable ClassSymbol context) {
    return name(method, context, isOverloaded(method) ? "(" + parameterTypes(method) + ")" : "()");
  }

  private static String name(MethodSymbol method, @Nullable ClassSymbol context, String parameters) {
    String simple =
        method.isConstructor()
            ? "new " + method.owner.getSimpleName()
            : method.getSimpleName().toString();
    if (method.isConstructor() || method.owner == context) {
      return simple + parameters;
    }
    return ownerName(method.owner) + "." + simple + parameters;
  }

  private static boolean isOverloaded(MethodSymbol method) {
    int named = 0;
    for (Symbol member :
        method.owner.members().getSymbolsByName(method.name, Scope.LookupKind.NON_RECURSIVE)) {
      if (member instanceof MethodSymbol && ++named > 1) {
        return true;
      }
    }
    return false;
  }

  private static String parameterTypes(MethodSymbol method) {
    List<String> types = new ArrayList<>();
    for (Symbol.VarSymbol parameter : method.getParameters()) {
      Type type = parameter.asType();
      types.add(type.tsym == null ? type.toString() : simpleName(type));
    }
    return String.join(", ", types);
  }

  private static String simpleName(Type type) {
    if (type instanceof Type.ArrayType array) {
      return simpleName(array.elemtype) + "[]";
    }
    return type.tsym.getSimpleName().toString();
  }

  /** {@code Reader}, or for an anonymous class what it extends: {@code (anonymous Runnable)}. */
  private static String ownerName(Symbol owner) {
    if (!owner.getSimpleName().isEmpty()) {
      return owner.getSimpleName().toString();
    }
    ClassSymbol anonymous = (ClassSymbol) owner;
    Symbol named =
        !anonymous.getInterfaces().isEmpty()
            ? anonymous.getInterfaces().get(0).tsym
            : anonymous.getSuperclass().tsym;
    return "(anonymous " + (named == null ? "class" : named.getSimpleName()) + ")";
  }
}
