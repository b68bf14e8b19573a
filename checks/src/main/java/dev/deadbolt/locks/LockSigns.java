package dev.deadbolt.locks;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.tree.JCTree.JCCompilationUnit;
import com.sun.tools.javac.tree.JCTree.JCLambda;
import com.sun.tools.javac.tree.JCTree.JCMethodDecl;
import com.sun.tools.javac.tree.JCTree.JCMethodInvocation;
import com.sun.tools.javac.tree.JCTree.JCSynchronized;
import com.sun.tools.javac.tree.JCTree.JCTry;
import com.sun.tools.javac.util.Context;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Whether code shows any sign of a lock: a {@code synchronized} block or method, a call named like a
 * lock method ({@link LockOperation#METHOD_NAMES}), or a method annotated as running under a lock
 * ({@link LockContracts}). Code without one holds no lock anywhere. Asked of whole files (most have
 * none, and then nothing in them needs a path walk or a look at its method) and of methods (the lock
 * order visits only those that have one; a method without one takes no lock, so its body need not be
 * searched for lock calls). One scan per file per compilation answers both, and keeps the calls named
 * like lock methods of each method and lambda body, so that finding a body's lock calls is no second
 * scan.
 */
public final class LockSigns {
  private LockSigns() {}

  /**
   * What the scan of one file found: whether it has a sign, the methods that have one, and the calls
   * named like lock methods in the own code of each method or lambda body that has some.
   */
  private record UnitSigns(
      boolean any, Set<MethodTree> methods, Map<Tree, List<MethodInvocationTree>> lockNamedCalls) {}

  /** Per file of the compilation, its signs. */
  private static final Context.Key<Map<CompilationUnitTree, UnitSigns>> UNITS = new Context.Key<>();

  /** Test runs set this to check every file's recorded signs against a scan of their own. */
  private static final boolean VERIFY = Boolean.getBoolean("deadbolt.verifyLockSigns");

  /**
   * Whether the file {@code unit} has a sign of a lock: the held-lock analysis and the lock order
   * both ask, and most files have none, so each file is scanned for this once per compilation.
   */
  public static boolean anyInUnit(CompilationUnitTree unit, Context context) {
    return of(unit, context).any();
  }

  /**
   * Whether the method {@code method}, declared in {@code unit}, has a sign of a lock anywhere in it
   * (its own modifiers and annotations, its body, and the classes and lambdas written in it).
   */
  public static boolean anyInMethod(MethodTree method, CompilationUnitTree unit, Context context) {
    return of(unit, context).methods().contains(method);
  }

  /**
   * The calls named like a lock method ({@link LockOperation#mightBeLockOperation}) in the own code of
   * the method or lambda {@code body} (not in the lambdas and classes written in it), in the order
   * written: the held-lock analysis reads a body's lock calls from these instead of scanning it again.
   */
  public static List<MethodInvocationTree> lockNamedCallsIn(
      Tree body, CompilationUnitTree unit, Context context) {
    return of(unit, context).lockNamedCalls().getOrDefault(body, List.of());
  }

  private static Map<CompilationUnitTree, UnitSigns> known(Context context) {
    Map<CompilationUnitTree, UnitSigns> known = context.get(UNITS);
    if (known == null) {
      known = new IdentityHashMap<>();
      context.put(UNITS, known);
    }
    return known;
  }

  /** Who walks a file whose signs are asked for before the checks have walked it, if anyone. */
  private static final Context.Key<Consumer<CompilationUnitTree>> WALKER = new Context.Key<>();

  /**
   * Has {@code walk} (which must {@link Tracker#record} what it finds) walk each file whose signs are
   * needed before the checks reach it: the checks keep that walk for when they get there, so the file is
   * walked once, not once here and once by them.
   */
  public static void walkFilesWith(Context context, Consumer<CompilationUnitTree> walk) {
    if (context.get(WALKER) == null) {
      context.put(WALKER, walk);
    }
  }

  private static UnitSigns of(CompilationUnitTree unit, Context context) {
    Map<CompilationUnitTree, UnitSigns> known = known(context);
    UnitSigns signs = known.get(unit);
    if (signs == null) {
      Consumer<CompilationUnitTree> walker = context.get(WALKER);
      if (walker != null) {
        walker.accept(unit);
        signs = known.get(unit);
      }
      if (signs == null) {
        signs = scan(unit, Types.instance(context));
        known.put(unit, signs);
      }
    }
    return signs;
  }

  /**
   * Follows a walk of one file, node before children, and collects its signs. The checks' walk of each
   * file drives one (see {@link #walkFilesWith}); the file's own scan below, when no one else walks it.
   */
  public static final class Tracker {
    private final Types types;

    public Tracker(Types types) {
      this.types = types;
    }

    /** Made when the first method with a sign is met: most files have none. */
    private Set<MethodTree> signed = Set.of();
    private boolean any;
    /** Whether the method being walked has a sign so far; true outside any method. */
    private boolean current = true;
    /** The method or lambda whose own code is being walked; null in a class body outside both. */
    @Nullable private Tree body;
    /** Made when the first call named like a lock method is met inside a body. */
    private Map<Tree, List<MethodInvocationTree>> lockNamedCalls = Map.of();

    private void sign() {
      any = true;
      current = true;
    }

    public void onSynchronized() {
      sign();
    }

    public void onInvocation(MethodInvocationTree node) {
      if (LockOperation.mightBeLockOperation(node)) {
        sign();
        keepLockCall(node);
      }
    }

    /**
     * {@code try (Held held = lock.acquire())}: a resource of a lock type is a sign, and the call that
     * initializes it is kept with the calls named like lock methods ({@link LockHelpers}). Its type is
     * read only here: try-with-resources are few.
     */
    public void onTry(TryTree node) {
      for (Tree resource : node.getResources()) {
        if (resource instanceof VariableTree variable
            && LockHelpers.isLockType(ASTHelpers.getType(variable), types)) {
          sign();
          if (variable.getInitializer() instanceof MethodInvocationTree call
              && !LockOperation.mightBeLockOperation(call)) {
            keepLockCall(call);
          }
        }
      }
    }

    private void keepLockCall(MethodInvocationTree node) {
      if (body != null) {
        if (lockNamedCalls.isEmpty()) {
          lockNamedCalls = new IdentityHashMap<>();
        }
        List<MethodInvocationTree> calls = lockNamedCalls.get(body);
        if (calls == null) {
          calls = new ArrayList<>(2);
          lockNamedCalls.put(body, calls);
        }
        calls.add(node);
      }
    }

    /**
     * Called before the children of a method, a lambda ({@code tree} itself) or a class ({@code null}:
     * its members' code is not the code around it) are walked; pass the result to {@link #exitBody}.
     */
    @Nullable
    public Tree enterBody(@Nullable Tree tree) {
      Tree outer = body;
      body = tree;
      return outer;
    }

    /** Called after the children of what {@link #enterBody} was called for, with what it returned. */
    public void exitBody(@Nullable Tree outer) {
      body = outer;
    }

    /** Called before the method's children are walked; pass the result to {@link #exitMethod}. */
    public boolean enterMethod(MethodTree node) {
      boolean outer = current;
      current = false;
      MethodSymbol method = ASTHelpers.getSymbol(node);
      // A contract is an annotation written on the declaration: the symbol's are read only then.
      if (method == null
          || (method.flags() & Flags.SYNCHRONIZED) != 0
          || (!node.getModifiers().getAnnotations().isEmpty() && hasContract(method))) {
        sign();
      }
      return outer;
    }

    /** A method with a sign gives one to the method around it. */
    public void exitMethod(MethodTree node, boolean outer) {
      if (current) {
        if (signed.isEmpty()) {
          signed = Collections.newSetFromMap(new IdentityHashMap<>());
        }
        signed.add(node);
      }
      current = outer || current;
    }

    /** Keeps what the walk of {@code unit} found, unless the file's signs are already known. */
    public void record(CompilationUnitTree unit, Context context) {
      UnitSigns found = new UnitSigns(any, signed, lockNamedCalls);
      if (VERIFY) {
        UnitSigns scanned = scan(unit, Types.instance(context));
        if (scanned.any() != found.any()
            || !scanned.methods().equals(found.methods())
            // (Trees are equal only to themselves; the lists by their elements, not by identity.)
            || !new HashMap<>(scanned.lockNamedCalls()).equals(new HashMap<>(found.lockNamedCalls()))) {
          throw new IllegalStateException(
              "lock signs of " + unit.getSourceFile().getName() + ": the walk found " + found.any()
                  + " in " + found.methods().size() + " methods and " + found.lockNamedCalls()
                  + ", the file's own scan " + scanned.any() + " in " + scanned.methods().size()
                  + " and " + scanned.lockNamedCalls());
        }
      }
      known(context).putIfAbsent(unit, found);
    }
  }

  /**
   * One walk of the whole file, with javac's own tree scanner (no iterator per list, nothing to reduce;
   * the order does not matter here): for a file no one else walks, and to check what the checks' walk
   * recorded in test runs.
   */
  private static UnitSigns scan(CompilationUnitTree unit, Types types) {
    Tracker tracker = new Tracker(types);
    new com.sun.tools.javac.tree.TreeScanner() {
      @Override
      public void visitSynchronized(JCSynchronized node) {
        tracker.onSynchronized();
        super.visitSynchronized(node);
      }

      @Override
      public void visitTry(JCTry node) {
        tracker.onTry(node);
        super.visitTry(node);
      }

      @Override
      public void visitApply(JCMethodInvocation node) {
        tracker.onInvocation(node);
        super.visitApply(node);
      }

      @Override
      public void visitMethodDef(JCMethodDecl node) {
        boolean outer = tracker.enterMethod(node);
        Tree outerBody = tracker.enterBody(node);
        super.visitMethodDef(node);
        tracker.exitBody(outerBody);
        tracker.exitMethod(node, outer);
      }

      @Override
      public void visitLambda(JCLambda node) {
        Tree outerBody = tracker.enterBody(node);
        super.visitLambda(node);
        tracker.exitBody(outerBody);
      }

      @Override
      public void visitClassDef(JCClassDecl node) {
        Tree outerBody = tracker.enterBody(null);
        super.visitClassDef(node);
        tracker.exitBody(outerBody);
      }
    }.scan((JCCompilationUnit) unit);
    return new UnitSigns(tracker.any, tracker.signed, tracker.lockNamedCalls);
  }

  private static boolean hasContract(MethodSymbol method) {
    for (var annotation : method.getAnnotationMirrors()) {
      if (LockContracts.ANNOTATIONS.contains(annotation.getAnnotationType().asElement().getSimpleName().toString())) {
        return true;
      }
    }
    return false;
  }
}
