package dev.deadbolt.summaries;

import com.google.errorprone.VisitorState;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.tools.javac.api.MultiTaskListener;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.PackageSymbol;
import com.sun.tools.javac.comp.AttrContext;
import com.sun.tools.javac.comp.CompileStates;
import com.sun.tools.javac.comp.Enter;
import com.sun.tools.javac.comp.Env;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.JCDiagnostic;
import com.sun.tools.javac.util.Log;
import dev.deadbolt.blocking.BlockingCalls;
import dev.deadbolt.blocking.BlockingCause;
import dev.deadbolt.engine.LockAnalyses;
import dev.deadbolt.hierarchy.LockNode;
import dev.deadbolt.hierarchy.ObservedLockOrder;
import dev.deadbolt.javac.CompiledClasses;
import dev.deadbolt.locks.AcquiredLock;
import dev.deadbolt.report.Json;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import org.jspecify.annotations.Nullable;

/**
 * Writes what this compilation learned about its methods into its class output, one file per
 * top-level class in {@value SummaryFile#DIRECTORY}, so that it travels in the jar to the compilations that call them ({@link
 * ClassPathSummaries}): for every method of the module's API (public or protected, in classes that are)
 * whose running blocks, parks on a lock or acquires locks, and the compilation's lock-acquisition edges.
 *
 * <p>Written once, when every class of the compilation has been analysed (its last {@code ANALYZE}
 * event; javac has not lowered any tree yet under {@code -XDcompilePolicy=simple}), so the summaries the
 * checks made are reused and no check sees its results change. A compilation of a single file is
 * summarized when its file is first checked. A compilation without a class output ({@code -d}) writes
 * nothing.
 */
public final class SummaryWriter {
  private static final Context.Key<SummaryWriter> KEY = new Context.Key<>();

  private final VisitorState state;
  private final LockAnalyses analyses;
  /** The top-level classes not yet through flow analysis. */
  private final Set<ClassSymbol> pending = new HashSet<>();
  private boolean written;

  private SummaryWriter(VisitorState state, LockAnalyses analyses) {
    this.state = state;
    this.analyses = analyses;
  }

  /**
   * Called as each file is checked: the first time, arranges for the summaries to be written once the
   * last class is analysed (now, if it is).
   */
  public static void onCompilationUnit(VisitorState state, LockAnalyses analyses) {
    if (state.context.get(KEY) != null) {
      return;
    }
    SummaryWriter writer = new SummaryWriter(state, analyses);
    state.context.put(KEY, writer);
    Context context = state.context;
    CompileStates states = CompileStates.instance(context);
    for (Env<AttrContext> env : Enter.instance(context).getEnvs()) {
      if (isTopLevelSource(env) && !states.isDone(env, CompileStates.CompileState.FLOW)) {
        writer.pending.add(env.enclClass.sym);
      }
    }
    if (writer.pending.isEmpty()) {
      writer.writeOnce();
      return;
    }
    MultiTaskListener.instance(context)
        .add(
            new TaskListener() {
              @Override
              public void finished(TaskEvent event) {
                if (event.getKind() == TaskEvent.Kind.ANALYZE && !writer.written) {
                  Element element = event.getTypeElement();
                  Env<AttrContext> env =
                      element instanceof ClassSymbol cls ? Enter.instance(context).getEnv(cls) : null;
                  if (env != null && states.isDone(env, CompileStates.CompileState.FLOW)) {
                    writer.pending.remove(cls(element));
                  }
                  if (writer.pending.isEmpty()) {
                    writer.writeOnce();
                  }
                }
              }
            });
  }

  private static ClassSymbol cls(Element element) {
    return (ClassSymbol) element;
  }

  private static boolean isTopLevelSource(Env<AttrContext> env) {
    return env.tree instanceof com.sun.tools.javac.tree.JCTree.JCClassDecl decl
        && decl.sym != null
        && decl.sym.owner instanceof PackageSymbol
        && decl.sym.sourcefile != null
        && decl.sym.sourcefile.getKind() == JavaFileObject.Kind.SOURCE;
  }

  private void writeOnce() {
    written = true;
    JavaFileManager files = state.context.get(JavaFileManager.class);
    if (files == null || !files.hasLocation(StandardLocation.CLASS_OUTPUT)) {
      return;
    }
    try {
      Map<ClassSymbol, String> rendered = render();
      Path dir = outputDirectory(files);
      if (dir != null) {
        Files.createDirectories(dir);
      }
      for (Map.Entry<ClassSymbol, String> file : rendered.entrySet()) {
        String name = SummaryFile.fileName(file.getKey().flatName().toString());
        if (dir != null) {
          // Straight to the file: javac's file objects cost several times more per small file.
          Path path = dir.resolve(name);
          if (file.getValue() != null) {
            Files.write(path, file.getValue().getBytes(StandardCharsets.UTF_8));
          } else {
            // Nothing to say of the class now: a file from an earlier compile of it would be stale.
            Files.deleteIfExists(path);
          }
        } else if (file.getValue() != null) {
          FileObject out =
              files.getFileForOutput(
                  StandardLocation.CLASS_OUTPUT, "", SummaryFile.DIRECTORY + "/" + name, null);
          try (Writer writer = out.openWriter()) {
            writer.write(file.getValue());
          }
        }
      }
    } catch (IOException | RuntimeException | StackOverflowError e) {
      // (A module-oriented output, or a bug here: the compile goes on, calls into it unsummarized.)
      Log log = Log.instance(state.context);
      JavaFileObject source = log.useSource(null);
      try {
        log.note(
            new JCDiagnostic.Note(
                "compiler",
                "proc.messager",
                "Deadbolt: cannot write the method summaries (" + SummaryFile.DIRECTORY + "): " + e));
      } finally {
        log.useSource(source);
      }
    }
  }

  /** The summaries directory in the class output, when the output is one directory; else null. */
  @Nullable
  private static Path outputDirectory(JavaFileManager files) {
    if (!(files instanceof StandardJavaFileManager standard)) {
      return null;
    }
    Iterable<? extends Path> output = standard.getLocationAsPaths(StandardLocation.CLASS_OUTPUT);
    if (output == null) {
      return null;
    }
    java.util.Iterator<? extends Path> paths = output.iterator();
    if (!paths.hasNext()) {
      return null;
    }
    Path first = paths.next();
    return paths.hasNext() ? null : first.resolve(SummaryFile.DIRECTORY);
  }

  /**
   * Each top-level class of the compilation, with its file (header, methods by key, then the edges
   * that take one of its locks, in the order observed), or null when it has nothing to say.
   */
  Map<ClassSymbol, String> render() {
    BlockingCalls blockingCalls = analyses.blockingCalls();
    Map<ClassSymbol, Map<String, Json>> methods = new LinkedHashMap<>();
    Map<ClassSymbol, List<Json>> edges = new HashMap<>();
    List<ClassSymbol> compiled = CompiledClasses.all(state);
    for (ClassSymbol cls : compiled) {
      if (cls.owner instanceof PackageSymbol) {
        methods.put(cls, new TreeMap<>());
        edges.put(cls, new ArrayList<>());
      }
    }
    for (ClassSymbol cls : compiled) {
      Map<String, Json> records = methods.get(SummaryKeys.topLevel(cls));
      if (records == null || !isApi(cls)) {
        continue;
      }
      for (Symbol member : cls.members().getSymbols()) {
        if (!(member instanceof MethodSymbol method)
            || !isApi(method)
            || (method.flags() & Flags.SYNTHETIC) != 0) {
          continue;
        }
        ModuleEffects effects = blockingCalls.effectsOf(method);
        // A @NonBlocking method is trusted not to block: its callers elsewhere trust it too.
        boolean blocks =
            (effects.blocks().isPresent() || effects.parks().isPresent())
                && !BlockingCalls.isNonBlocking(method);
        if (!blocks && effects.acquires().isEmpty()) {
          continue;
        }
        String key = SummaryKeys.method(method, state.getTypes());
        Json record = Json.object().put("kind", "method").put("key", key);
        if (blocks) {
          effects.blocks().ifPresent(c -> record.put("blocks", cause(c)));
          effects.parks().ifPresent(c -> record.put("parks", cause(c)));
        }
        if (!effects.acquires().isEmpty()) {
          List<Json> acquires = new ArrayList<>();
          for (AcquiredLock lock : effects.acquires().values()) {
            acquires.add(
                Json.object()
                    .put("lock", SummaryKeys.lock(lock.node()))
                    .put("chain", names(lock.via()))
                    .put("how", lock.how()));
          }
          record.put("acquires", acquires);
        }
        records.put(key, record);
      }
    }
    for (ObservedLockOrder.Observed edge : ObservedLockOrder.of(state, analyses).all()) {
      Json record =
          Json.object()
              .put("kind", "edge")
              .put("held", SummaryKeys.lock(edge.held()))
              .put("acquired", SummaryKeys.lock(edge.acquired()))
              .put("method", edge.site().method())
              .put("file", edge.site().file())
              .put("line", edge.site().line());
      // In the file of each lock's class, where a compilation that meets the lock looks.
      ClassSymbol held = classOf(edge.held());
      ClassSymbol acquired = classOf(edge.acquired());
      if (held != null && edges.containsKey(held)) {
        edges.get(held).add(record);
      }
      if (acquired != null && acquired != held && edges.containsKey(acquired)) {
        edges.get(acquired).add(record);
      }
    }
    Map<ClassSymbol, String> files = new LinkedHashMap<>();
    for (Map.Entry<ClassSymbol, Map<String, Json>> cls : methods.entrySet()) {
      List<Json> itsEdges = edges.get(cls.getKey());
      if (cls.getValue().isEmpty() && itsEdges.isEmpty()) {
        files.put(cls.getKey(), null);
        continue;
      }
      StringBuilder out = new StringBuilder();
      out.append(
              Json.object()
                  .put("format", SummaryFile.FORMAT)
                  .put("version", SummaryFile.VERSION)
                  .put("methods", cls.getValue().size())
                  .put("edges", itsEdges.size()))
          .append('\n');
      for (Json method : cls.getValue().values()) {
        out.append(method).append('\n');
      }
      for (Json edge : itsEdges) {
        out.append(edge).append('\n');
      }
      files.put(cls.getKey(), out.toString());
    }
    return files;
  }

  /** The top-level class a lock is declared in. */
  @Nullable
  private static ClassSymbol classOf(LockNode node) {
    return SummaryKeys.topLevel(
        node.kind() == LockNode.Kind.FIELD ? node.symbol().owner : node.symbol());
  }

  private static Json cause(BlockingCause cause) {
    Json json =
        Json.object()
            .put("chain", names(cause.via()))
            .put("call", cause.leaf())
            .put("reason", cause.reason());
    if (cause.conditional()) {
      json.put("conditional", true);
    }
    if (!cause.takenByChain().isEmpty()) {
      List<String> held = new ArrayList<>();
      for (LockNode node : cause.takenByChain()) {
        held.add(SummaryKeys.lock(node));
      }
      json.put("held", held);
    }
    return json;
  }

  /** The methods of a chain as a message names them outside their class: {@code Http.get()}. */
  private static List<String> names(List<MethodSymbol> via) {
    List<String> names = new ArrayList<>(via.size());
    for (MethodSymbol method : via) {
      names.add(BlockingCause.chainName(method, null));
    }
    return names;
  }

  /**
   * A class or method of the module's API: public or protected, in classes that all are. Package-private
   * members could be called from another compilation of the same package (a module's tests), but
   * summarizing every method the checks never asked about costs a compile more than it is worth; the
   * chains through them are in the API methods' summaries all the same.
   */
  private static boolean isApi(Symbol symbol) {
    for (Symbol s = symbol; !(s instanceof PackageSymbol); s = s.owner) {
      if (s == null || (s.flags() & (Flags.PUBLIC | Flags.PROTECTED)) == 0) {
        return false;
      }
      if (s != symbol && !(s instanceof ClassSymbol)) {
        return false; // a local or anonymous class
      }
    }
    return true;
  }
}
