package dev.deadbolt.hierarchy;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.PackageSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symtab;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.Names;
import dev.deadbolt.javac.AnnotationStrings;
import dev.deadbolt.javac.CompiledClasses;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;

/**
 * The lock hierarchy declared across the compilation: every {@code @LockOrder} on a class or package
 * and every {@code @AcquiredBefore}/{@code @AcquiredAfter} on a field of a class whose source is being
 * compiled, combined into one transitive order (as Clang's ACQUIRED_BEFORE/ACQUIRED_AFTER).
 *
 * <p>Built once per compilation. Bad declarations (unknown names, names that are not locks, cycles) are
 * kept as {@link Problem}s at the annotation that wrote them; a cycle is kept once, at the first of its
 * declarations in source order.
 */
public final class DeclaredLockOrder {
  static final String PACKAGE = "dev.deadbolt.annotations.";
  public static final String LOCK_ORDER = "LockOrder";
  public static final String ACQUIRED_BEFORE = "AcquiredBefore";
  public static final String ACQUIRED_AFTER = "AcquiredAfter";

  private static final Context.Key<DeclaredLockOrder> KEY = new Context.Key<>();

  /** Where an order was declared: {@code @LockOrder on Bank}. */
  public record Declaration(Symbol annotated, String annotation) {
    public String describe() {
      String on =
          annotated instanceof VarSymbol field
              ? field.owner.getSimpleName() + "." + field.getSimpleName()
              : annotated instanceof PackageSymbol pkg
                  ? "package " + pkg.getQualifiedName()
                  : annotated.getSimpleName().toString();
      return "@" + annotation + " on " + on;
    }
  }

  /** A bad declaration, to report at its annotation. */
  public record Problem(Symbol annotated, String annotation, String message) {}

  /** {@code before} is declared to be acquired before {@code after}, by {@code declaration}. */
  public record Edge(LockNode before, LockNode after, Declaration declaration) {}

  private final Map<LockNode, List<Edge>> successors = new LinkedHashMap<>();
  private final List<Problem> problems = new ArrayList<>();
  private final Set<Set<LockNode>> reportedCycles = new HashSet<>();

  private DeclaredLockOrder(VisitorState state) {
    LockNames names = new LockNames(state);
    for (Symbol annotated : annotatedSymbols(state)) {
      for (AnnotationMirror annotation : annotated.getAnnotationMirrors()) {
        String type = annotation.getAnnotationType().toString();
        if (!type.startsWith(PACKAGE)) {
          continue;
        }
        String simple = type.substring(PACKAGE.length());
        if (simple.equals(LOCK_ORDER) || simple.equals(ACQUIRED_BEFORE) || simple.equals(ACQUIRED_AFTER)) {
          read(annotated, simple, AnnotationStrings.value(annotation), names);
        }
      }
    }
    findCycles();
  }

  /** The declared order of the compilation {@code state} belongs to. */
  public static DeclaredLockOrder of(VisitorState state) {
    DeclaredLockOrder order = state.context.get(KEY);
    if (order == null) {
      order = new DeclaredLockOrder(state);
      state.context.put(KEY, order);
    }
    return order;
  }

  /** Every declared edge, in the order declared (what reports draw beside the observed order). */
  public List<Edge> edges() {
    List<Edge> all = new ArrayList<>();
    for (List<Edge> edges : successors.values()) {
      all.addAll(edges);
    }
    return all;
  }

  /** Whether anything is declared at all: most code declares nothing, and pays nothing more. */
  public boolean isEmpty() {
    return successors.isEmpty();
  }

  /**
   * If the declarations say {@code first} is acquired before {@code second}, the declarations that
   * say so (one, or the chain of a transitive order).
   */
  public Optional<ImmutableList<Declaration>> requiresBefore(LockNode first, LockNode second) {
    if (first.equals(second) || !successors.containsKey(first)) {
      return Optional.empty();
    }
    for (Set<LockNode> cycle : reportedCycles) {
      if (cycle.contains(first) && cycle.contains(second)) {
        return Optional.empty(); // a broken declaration orders nothing; the cycle is the finding
      }
    }
    Map<LockNode, Edge> reachedBy = new HashMap<>();
    Deque<LockNode> queue = new ArrayDeque<>();
    queue.add(first);
    Set<LockNode> seen = new HashSet<>(Set.of(first));
    while (!queue.isEmpty()) {
      LockNode node = queue.poll();
      for (Edge edge : successors.getOrDefault(node, List.of())) {
        if (seen.add(edge.after())) {
          reachedBy.put(edge.after(), edge);
          if (edge.after().equals(second)) {
            LinkedHashSet<Declaration> path = new LinkedHashSet<>();
            for (Edge e = edge; e != null; e = reachedBy.get(e.before())) {
              path.add(e.declaration());
            }
            return Optional.of(ImmutableList.copyOf(path).reverse());
          }
          queue.add(edge.after());
        }
      }
    }
    return Optional.empty();
  }

  /** The problems of the {@code annotation} on {@code annotated}, to report at that annotation. */
  public List<Problem> problemsAt(Symbol annotated, String annotation) {
    List<Problem> found = new ArrayList<>();
    for (Problem problem : problems) {
      if (problem.annotated().equals(annotated) && problem.annotation().equals(annotation)) {
        found.add(problem);
      }
    }
    return found;
  }

  private void read(Symbol annotated, String annotation, List<String> lockNames, LockNames names) {
    Declaration declaration = new Declaration(annotated, annotation);
    Symbol context = annotated instanceof VarSymbol field ? field.owner : annotated;
    List<LockNode> nodes = new ArrayList<>();
    for (String name : lockNames) {
      LockNames.Resolution resolution = names.resolve(name, context);
      if (resolution instanceof LockNames.Resolved resolved) {
        nodes.add(resolved.node());
      } else {
        problems.add(
            new Problem(annotated, annotation, ((LockNames.Unresolved) resolution).problem()));
      }
    }
    switch (annotation) {
      case LOCK_ORDER -> {
        for (int i = 0; i + 1 < nodes.size(); i++) {
          addEdge(nodes.get(i), nodes.get(i + 1), declaration);
        }
      }
      case ACQUIRED_BEFORE -> {
        LockNode self = LockNode.field((VarSymbol) annotated);
        nodes.forEach(after -> addEdge(self, after, declaration));
      }
      case ACQUIRED_AFTER -> {
        LockNode self = LockNode.field((VarSymbol) annotated);
        nodes.forEach(before -> addEdge(before, self, declaration));
      }
      default -> throw new AssertionError(annotation);
    }
  }

  private void addEdge(LockNode before, LockNode after, Declaration declaration) {
    if (before.equals(after)) {
      problems.add(
          new Problem(
              declaration.annotated(),
              declaration.annotation(),
              "`" + before.display() + "` cannot be acquired before itself"));
      return;
    }
    List<Edge> edges = successors.get(before);
    if (edges == null) {
      edges = new ArrayList<>();
      successors.put(before, edges);
    }
    edges.add(new Edge(before, after, declaration));
  }

  /** Each cycle once, at the first (in source order) declaration among its edges. */
  private void findCycles() {
    Set<LockNode> done = new HashSet<>();
    for (LockNode start : List.copyOf(successors.keySet())) {
      Deque<Edge> stack = new ArrayDeque<>();
      Set<LockNode> onStack = new LinkedHashSet<>();
      onStack.add(start);
      dfs(start, stack, onStack, done);
      done.add(start);
    }
  }

  private void dfs(LockNode node, Deque<Edge> stack, Set<LockNode> onStack, Set<LockNode> done) {
    for (Edge edge : successors.getOrDefault(node, List.of())) {
      LockNode next = edge.after();
      stack.addLast(edge);
      if (onStack.contains(next)) {
        reportCycle(stack, next);
      } else if (!done.contains(next)) {
        onStack.add(next);
        dfs(next, stack, onStack, done);
        onStack.remove(next);
      }
      stack.removeLast();
    }
  }

  private void reportCycle(Deque<Edge> stack, LockNode closing) {
    List<Edge> cycle = new ArrayList<>();
    boolean in = false;
    for (Edge edge : stack) {
      in |= edge.before().equals(closing);
      if (in) {
        cycle.add(edge);
      }
    }
    Set<LockNode> members = new HashSet<>();
    cycle.forEach(e -> members.add(e.before()));
    if (!reportedCycles.add(members)) {
      return;
    }
    StringBuilder path = new StringBuilder();
    for (Edge edge : cycle) {
      path.append('`').append(edge.before().display()).append("` -> ");
    }
    path.append('`').append(closing.display()).append('`');
    Set<String> sources = new LinkedHashSet<>();
    cycle.forEach(e -> sources.add(e.declaration().describe()));
    Declaration first = cycle.get(0).declaration();
    for (Edge edge : cycle) {
      if (isBeforeInSource(edge.declaration(), first)) {
        first = edge.declaration();
      }
    }
    problems.add(
        new Problem(
            first.annotated(),
            first.annotation(),
            "the declared lock order has a cycle: "
                + path
                + " (declared by "
                + String.join(", ", sources)
                + ")"));
  }

  /**
   * By source file, then class, then annotation name. (A method, not a comparator built of lambdas in
   * a static field: this class is initialized in every compile, and a cycle is rare.)
   */
  private static boolean isBeforeInSource(Declaration a, Declaration b) {
    int c = sourceName(a.annotated()).compareTo(sourceName(b.annotated()));
    if (c == 0) {
      c = a.annotated().flatName().toString().compareTo(b.annotated().flatName().toString());
    }
    if (c == 0) {
      c = a.annotation().compareTo(b.annotation());
    }
    return c < 0;
  }

  private static String sourceName(Symbol symbol) {
    ClassSymbol cls = symbol instanceof ClassSymbol c ? c : symbol.enclClass();
    return cls == null || cls.sourcefile == null ? "" : cls.sourcefile.getName();
  }

  /**
   * Classes whose source is in this compilation, their fields, and their packages, in a stable order
   * (javac's symbol table iterates in hash order).
   */
  private static List<Symbol> annotatedSymbols(VisitorState state) {
    if (!annotationsKnown(state)) {
      return List.of(); // no code of this compilation refers to them, so none is written anywhere
    }
    List<ClassSymbol> classes = CompiledClasses.all(state);
    Set<Symbol> symbols = new LinkedHashSet<>();
    for (ClassSymbol cls : classes) {
      symbols.add(cls.packge());
    }
    for (ClassSymbol cls : classes) {
      symbols.add(cls);
      for (Symbol member : cls.getEnclosedElements()) {
        if (member instanceof VarSymbol) {
          symbols.add(member);
        }
      }
    }
    return new ArrayList<>(symbols);
  }

  /**
   * Whether javac has met any of the order annotations in this compilation: writing one resolves its
   * class, so if none has a symbol, nothing is declared and the classes need not be read.
   */
  private static boolean annotationsKnown(VisitorState state) {
    Symtab symtab = Symtab.instance(state.context);
    Names names = Names.instance(state.context);
    for (String annotation : List.of(LOCK_ORDER, ACQUIRED_BEFORE, ACQUIRED_AFTER)) {
      if (symtab.getClassesForName(names.fromString(PACKAGE + annotation)).iterator().hasNext()) {
        return true;
      }
    }
    return false;
  }
}
