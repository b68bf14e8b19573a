package dev.deadbolt.summaries;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.errorprone.VisitorState;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.JCDiagnostic;
import com.sun.tools.javac.util.Log;
import dev.deadbolt.blocking.BlockingCause;
import dev.deadbolt.hierarchy.LockNode;
import dev.deadbolt.locks.AcquiredLock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import org.jspecify.annotations.Nullable;

/**
 * The summaries that earlier compilations left in the jars and class directories this compilation
 * reads classes from ({@link SummaryFile}), asked about a method only when its source is not part of
 * this compilation. Nothing is read up front: the first question about a class finds the jar or
 * directory its class file came from, through the file system javac already opened it with, and reads
 * that one's summaries file, once. A compilation whose calls reach no class of the class path reads
 * nothing; one whose class path has no summaries pays one lookup per jar or directory it calls into.
 *
 * <p>A file that cannot be read, or is of a newer version, is skipped with one note naming it; the
 * compile goes on as if it had none.
 */
public final class ClassPathSummaries {
  private static final Context.Key<ClassPathSummaries> KEY = new Context.Key<>();

  /** The summaries of one jar or class directory. */
  private static final class Origin {
    final String name;
    /** The file's records by key, parsed when asked about; empty once a record proved unreadable. */
    SummaryFile.Contents contents;
    /** Effects already made into symbols, by method key. */
    final Map<String, ModuleEffects> effects = new HashMap<>();
    /** Edges already made into symbols, on first use. */
    @Nullable List<UpstreamEdge> edges;

    Origin(String name, SummaryFile.Contents contents) {
      this.name = name;
      this.contents = contents;
    }
  }

  private static final SummaryFile.Contents EMPTY = new SummaryFile.Contents(Map.of(), List.of());
  private static final Origin NONE = new Origin("", EMPTY);

  private final Context context;
  /** By jar (its file system) or class directory (its path). */
  private final Map<Object, Origin> origins = new HashMap<>();
  /** By top-level class. */
  private final Map<ClassSymbol, Origin> byClass = new IdentityHashMap<>();

  private ClassPathSummaries(Context context) {
    this.context = context;
  }

  public static ClassPathSummaries of(Context context) {
    ClassPathSummaries summaries = context.get(KEY);
    if (summaries == null) {
      summaries = new ClassPathSummaries(context);
      context.put(KEY, summaries);
    }
    return summaries;
  }

  /** What the compilation that compiled {@code method} recorded of it, or null if nothing. */
  @Nullable
  public ModuleEffects effectsOf(MethodSymbol method, VisitorState state) {
    if (!(method.owner instanceof ClassSymbol owner)) {
      return null;
    }
    Origin origin = originOf(owner);
    if (origin.contents.methods().isEmpty()) {
      return null;
    }
    String key = SummaryKeys.method(method, state.getTypes());
    ModuleEffects known = origin.effects.get(key);
    if (known != null) {
      return known;
    }
    SummaryFile.Line line = origin.contents.methods().get(key);
    if (line == null) {
      return null;
    }
    SummaryFile.Method recorded;
    try {
      recorded = SummaryFile.method(line);
    } catch (SummaryFile.Unreadable e) {
      unreadable(origin, e);
      return null;
    }
    ImmutableMap.Builder<LockNode, AcquiredLock> acquires = ImmutableMap.builder();
    for (SummaryFile.Acquire acquire : recorded.acquires()) {
      LockNode node = lock(acquire.lock(), state);
      if (node != null) {
        acquires.put(node, new AcquiredLock(node, ImmutableList.of(), acquire.how()));
      }
    }
    ModuleEffects effects =
        new ModuleEffects(
            recorded.blocks().map(c -> cause(c, state)),
            recorded.parks().map(c -> cause(c, state)),
            acquires.buildKeepingLast());
    origin.effects.put(key, effects);
    return effects;
  }

  /**
   * The edges recorded in the jar or directory that {@code node}'s class comes from which take {@code
   * node}, held or acquired.
   */
  public List<UpstreamEdge> edgesTaking(LockNode node, VisitorState state) {
    ClassSymbol cls =
        node.symbol() instanceof ClassSymbol c ? c : node.symbol().enclClass();
    if (cls == null) {
      return List.of();
    }
    Origin origin = originOf(cls);
    if (origin.contents.edges().isEmpty()) {
      return List.of();
    }
    if (origin.edges == null) {
      List<UpstreamEdge> edges = new ArrayList<>();
      for (SummaryFile.Line line : origin.contents.edges()) {
        SummaryFile.Edge edge;
        try {
          edge = SummaryFile.edge(line);
        } catch (SummaryFile.Unreadable e) {
          unreadable(origin, e);
          return List.of();
        }
        LockNode held = lock(edge.held(), state);
        LockNode acquired = lock(edge.acquired(), state);
        if (held != null && acquired != null) {
          edges.add(
              new UpstreamEdge(held, acquired, edge.method(), edge.file(), edge.line(), origin.name));
        }
      }
      origin.edges = edges;
    }
    List<UpstreamEdge> taking = new ArrayList<>();
    for (UpstreamEdge edge : origin.edges) {
      if (edge.held().equals(node) || edge.acquired().equals(node)) {
        taking.add(edge);
      }
    }
    return taking;
  }

  /**
   * {@code Http.get() -> Socket.connect()}: the other compilation's chain, rendered as a chain of this
   * one renders (a long one without its middle), becomes the leaf of a cause with no methods of its own.
   */
  private static BlockingCause cause(SummaryFile.Cause recorded, VisitorState state) {
    List<String> names = new ArrayList<>(recorded.chain());
    names.add(recorded.call());
    if (names.size() > 6) {
      int more = names.size() - 4;
      List<String> shown = new ArrayList<>(names.subList(0, 2));
      shown.add("... (" + more + " more)");
      shown.addAll(names.subList(names.size() - 2, names.size()));
      names = shown;
    }
    ImmutableList.Builder<LockNode> held = ImmutableList.builder();
    for (String key : recorded.held()) {
      LockNode node = lock(key, state);
      if (node != null) {
        held.add(node);
      }
    }
    return new BlockingCause(
        ImmutableList.of(),
        String.join(" -> ", names),
        recorded.reason(),
        Optional.empty(),
        held.build(),
        recorded.conditional());
  }

  /** The lock a key names, its class loaded by binary name; null if there is no such class or field. */
  @Nullable
  private static LockNode lock(String key, VisitorState state) {
    String className = SummaryKeys.lockClass(key);
    if (className == null) {
      return null;
    }
    ClassSymbol cls = state.getSymbolFromName(state.getNames().fromString(className));
    return cls == null ? null : SummaryKeys.lockIn(cls, key);
  }

  /** The summaries of the jar or directory {@code cls}'s class file was read from. */
  private Origin originOf(ClassSymbol cls) {
    ClassSymbol top = cls.outermostClass();
    Origin known = byClass.get(top);
    if (known == null) {
      known = read(top);
      byClass.put(top, known);
    }
    return known;
  }

  private Origin read(ClassSymbol top) {
    JavaFileObject classFile = top.classfile;
    if (classFile == null
        || classFile.getKind() != JavaFileObject.Kind.CLASS
        || "jrt".equals(classFile.toUri().getScheme())
        || !(context.get(JavaFileManager.class) instanceof StandardJavaFileManager files)) {
      return NONE; // compiled from source, or a class of the JDK
    }
    Path path;
    try {
      path = files.asPath(classFile);
    } catch (RuntimeException e) {
      return NONE; // not a file javac read from a path
    }
    Object key;
    Path root;
    String name;
    if (path.getFileSystem() == FileSystems.getDefault()) {
      // A class directory: up from the class file by its package's depth.
      root = path.getParent();
      String pkg = top.packge().getQualifiedName().toString();
      for (int i = pkg.isEmpty() ? 0 : pkg.split("\\.").length; i > 0 && root != null; i--) {
        root = root.getParent();
      }
      if (root == null) {
        return NONE;
      }
      key = root;
      name = root.toString();
    } else {
      // A jar, in the file system javac opened it with: no second opening.
      root = path.getRoot();
      if (root == null) {
        return NONE;
      }
      key = path.getFileSystem();
      String uri = classFile.toUri().toString();
      int bang = uri.indexOf("!/");
      name = bang > 0 ? jarName(uri.substring(0, bang)) : uri;
    }
    Origin origin = origins.get(key);
    if (origin == null) {
      origin = load(root.resolve(SummaryFile.RESOURCE), name);
      origins.put(key, origin);
    }
    return origin;
  }

  private static String jarName(String jarUri) {
    String uri = jarUri.startsWith("jar:") ? jarUri.substring(4) : jarUri;
    try {
      return Path.of(java.net.URI.create(uri)).toString();
    } catch (RuntimeException e) {
      return uri;
    }
  }

  private Origin load(Path file, String name) {
    if (!Files.isRegularFile(file)) {
      return NONE;
    }
    try {
      return new Origin(
          name, SummaryFile.index(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)));
    } catch (SummaryFile.Unreadable e) {
      unreadable(new Origin(name, EMPTY), e);
    } catch (IOException | RuntimeException e) {
      note(
          "Deadbolt: cannot read the method summaries in "
              + name
              + " ("
              + SummaryFile.RESOURCE
              + ": "
              + e
              + "); calls into it are analysed without them");
    }
    return NONE;
  }

  /**
   * One note for the file, and none of its summaries used from now on (those used before stay: a
   * record is read whole or not at all).
   */
  private void unreadable(Origin origin, SummaryFile.Unreadable e) {
    origin.contents = EMPTY;
    origin.effects.clear();
    origin.edges = List.of();
    String name = origin.name;
    note(
          e.newerVersion > 0
              ? "Deadbolt: the method summaries in "
                  + name
                  + " are "
                  + SummaryFile.FORMAT
                  + " version "
                  + e.newerVersion
                  + ", newer than this Deadbolt reads ("
                  + SummaryFile.VERSION
                  + "); calls into it are analysed without them"
              : "Deadbolt: cannot read the method summaries in "
                  + name
                  + " ("
                  + SummaryFile.RESOURCE
                  + ", "
                  + e.getMessage()
                  + "); calls into it are analysed without them");
  }

  /** A javac note, not a warning: a build with {@code -Werror} goes on. */
  private void note(String text) {
    Log log = Log.instance(context);
    JavaFileObject source = log.useSource(null);
    try {
      log.note(new JCDiagnostic.Note("compiler", "proc.messager", text));
    } finally {
      log.useSource(source);
    }
  }
}
