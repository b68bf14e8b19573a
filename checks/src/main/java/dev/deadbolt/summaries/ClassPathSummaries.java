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
import java.net.URI;
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
 * that class's summaries file, once. So the cost follows the classes a compilation calls, not the size
 * of its class path: a jar without summaries costs one lookup, the first time a call reaches it.
 *
 * <p>A file that cannot be read, or is of a newer version, makes its jar's summaries skipped from then
 * on, with one note naming the jar; the compile goes on as if it had none.
 */
public final class ClassPathSummaries {
  private static final Context.Key<ClassPathSummaries> KEY = new Context.Key<>();

  /** One jar or class directory. */
  private static final class Origin {
    final String name;
    /** Its summaries directory, or null when it has none. */
    final @Nullable Path dir;
    /** Set once a file of it proved unreadable: nothing more of it is used. */
    boolean unreadable;

    Origin(String name, @Nullable Path dir) {
      this.name = name;
      this.dir = dir;
    }
  }

  /** The summaries of one top-level class (and its nested classes), as its file has them. */
  private static final class ClassSummaries {
    final Origin origin;
    /** {@code META-INF/deadbolt/summaries/com.acme.Client.jsonl}, for a note. */
    final String file;
    final SummaryFile.Contents contents;
    /** Effects already made into symbols, by method key. */
    final Map<String, ModuleEffects> effects = new HashMap<>();
    /** Edges already made into symbols, on first use. */
    @Nullable List<UpstreamEdge> edges;

    ClassSummaries(Origin origin, String file, SummaryFile.Contents contents) {
      this.origin = origin;
      this.file = file;
      this.contents = contents;
    }

    boolean usable() {
      return !origin.unreadable;
    }
  }

  private static final Origin NO_ORIGIN = new Origin("", null);
  private static final ClassSummaries NONE =
      new ClassSummaries(NO_ORIGIN, "", new SummaryFile.Contents(Map.of(), List.of()));

  private final Context context;
  /** By jar (its file system) or class directory (its path). */
  private final Map<Object, Origin> origins = new HashMap<>();
  /** By top-level class. */
  private final Map<ClassSymbol, ClassSummaries> byClass = new IdentityHashMap<>();

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
    ClassSummaries summaries = summariesOf(owner);
    if (summaries.contents.methods().isEmpty() || !summaries.usable()) {
      return null;
    }
    String key = SummaryKeys.method(method, state.getTypes());
    ModuleEffects known = summaries.effects.get(key);
    if (known != null) {
      return known;
    }
    SummaryFile.Line line = summaries.contents.methods().get(key);
    if (line == null) {
      return null;
    }
    SummaryFile.Method recorded;
    try {
      recorded = SummaryFile.method(line);
    } catch (SummaryFile.Unreadable e) {
      unreadable(summaries.origin, summaries.file, e);
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
    summaries.effects.put(key, effects);
    return effects;
  }

  /**
   * The edges that the compilation of {@code node}'s class recorded and that take {@code node}, held or
   * acquired.
   */
  public List<UpstreamEdge> edgesTaking(LockNode node, VisitorState state) {
    ClassSymbol cls = node.symbol() instanceof ClassSymbol c ? c : node.symbol().enclClass();
    if (cls == null) {
      return List.of();
    }
    ClassSummaries summaries = summariesOf(cls);
    if (summaries.contents.edges().isEmpty() || !summaries.usable()) {
      return List.of();
    }
    if (summaries.edges == null) {
      List<UpstreamEdge> edges = new ArrayList<>();
      for (SummaryFile.Line line : summaries.contents.edges()) {
        SummaryFile.Edge edge;
        try {
          edge = SummaryFile.edge(line);
        } catch (SummaryFile.Unreadable e) {
          unreadable(summaries.origin, summaries.file, e);
          return List.of();
        }
        LockNode held = lock(edge.held(), state);
        LockNode acquired = lock(edge.acquired(), state);
        if (held != null && acquired != null) {
          edges.add(
              new UpstreamEdge(
                  held, acquired, edge.method(), edge.file(), edge.line(), summaries.origin.name));
        }
      }
      summaries.edges = edges;
    }
    List<UpstreamEdge> taking = new ArrayList<>();
    for (UpstreamEdge edge : summaries.edges) {
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
        recorded.conditional(),
        false); // (an error path is recorded as behind a branch)
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

  /** The summaries of {@code cls}'s top-level class, from where its class file was read. */
  private ClassSummaries summariesOf(ClassSymbol cls) {
    ClassSymbol top = SummaryKeys.topLevel(cls);
    if (top == null) {
      return NONE; // an array's members, a local class: nothing another compilation names
    }
    ClassSummaries known = byClass.get(top);
    if (known == null) {
      known = read(top);
      byClass.put(top, known);
    }
    return known;
  }

  private ClassSummaries read(ClassSymbol top) {
    Origin origin = originOf(top);
    if (origin.dir == null || origin.unreadable) {
      return NONE;
    }
    String fileName = SummaryFile.fileName(top.flatName().toString());
    Path file = origin.dir.resolve(fileName);
    if (!Files.isRegularFile(file)) {
      return NONE;
    }
    String shown = SummaryFile.DIRECTORY + "/" + fileName;
    try {
      return new ClassSummaries(
          origin,
          shown,
          SummaryFile.index(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)));
    } catch (SummaryFile.Unreadable e) {
      unreadable(origin, shown, e);
    } catch (IOException | RuntimeException e) {
      unreadable(origin, shown, new SummaryFile.Unreadable(e.toString(), 0));
    }
    return NONE;
  }

  /** The jar or directory {@code top}'s class file was read from, with its summaries directory. */
  private Origin originOf(ClassSymbol top) {
    JavaFileObject classFile = top.classfile;
    if (classFile == null
        || classFile.getKind() != JavaFileObject.Kind.CLASS
        || !(context.get(JavaFileManager.class) instanceof StandardJavaFileManager files)) {
      return NO_ORIGIN; // compiled from source, or not read by javac's own file manager
    }
    URI uri = classFile.toUri();
    if ("jrt".equals(uri.getScheme())) {
      return NO_ORIGIN; // a class of the JDK
    }
    Path path;
    try {
      path = files.asPath(classFile);
    } catch (RuntimeException e) {
      return NO_ORIGIN; // not a file javac read from a path
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
        return NO_ORIGIN;
      }
      key = root;
      name = root.toString();
    } else {
      // A jar, in the file system javac opened it with: no second opening.
      root = path.getRoot();
      if (root == null) {
        return NO_ORIGIN;
      }
      key = path.getFileSystem();
      String text = uri.toString();
      int bang = text.indexOf("!/");
      name = bang > 0 ? jarName(text.substring(0, bang)) : text;
    }
    Origin origin = origins.get(key);
    if (origin == null) {
      Path dir = root.resolve(SummaryFile.DIRECTORY);
      origin = new Origin(name, Files.isDirectory(dir) ? dir : null);
      origins.put(key, origin);
    }
    return origin;
  }

  private static String jarName(String jarUri) {
    String uri = jarUri.startsWith("jar:") ? jarUri.substring(4) : jarUri;
    try {
      return Path.of(URI.create(uri)).toString();
    } catch (RuntimeException e) {
      return uri;
    }
  }

  /**
   * One note for the jar or directory, and none of its summaries used from now on (those used before
   * stay: each record is read whole or not at all).
   */
  private void unreadable(Origin origin, String file, SummaryFile.Unreadable e) {
    if (origin.unreadable) {
      return;
    }
    origin.unreadable = true;
    note(
        e.newerVersion > 0
            ? "Deadbolt: the method summaries in "
                + origin.name
                + " are "
                + SummaryFile.FORMAT
                + " version "
                + e.newerVersion
                + ", newer than this Deadbolt reads ("
                + SummaryFile.VERSION
                + "); calls into it are analysed without them"
            : "Deadbolt: cannot read the method summaries in "
                + origin.name
                + " ("
                + file
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
