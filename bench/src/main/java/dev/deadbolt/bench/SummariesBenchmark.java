package dev.deadbolt.bench;

import com.google.errorprone.VisitorState;
import com.sun.source.util.JavacTask;
import com.sun.tools.javac.api.BasicJavacTask;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.util.Context;
import dev.deadbolt.summaries.ClassPathSummaries;
import dev.deadbolt.summaries.ModuleEffects;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.lang.model.element.Element;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The cost of reading the method summaries of a class path of many jars (#19), measured where it is
 * paid: a compilation whose code calls into every jar, once javac has attributed it (so javac has opened
 * every jar, as in any compile), asks {@link ClassPathSummaries} about one method of each jar; the first
 * question about a jar finds and reads its summaries file. Timed in fresh compilations, the first one in
 * the JVM (cold: Deadbolt's reader and its JSON parsing not yet compiled by the JIT) and the later ones;
 * then the same class path with the summaries files taken out of the jars (what the reader adds to a
 * compile whose class path has none).
 *
 * <p>The jars: {@code --jars} libraries (default 100), each {@code --classes} service classes (default
 * 20, five methods each) and three more whose methods block through chains and take locks, compiled
 * with Error Prone and Deadbolt in one compilation (so quickly) and packaged one jar per library, each
 * with the summaries files of its classes (what a separate compile of that library writes: its chains
 * stay inside it). Kept in {@code --work} (default {@code
 * bench/target/summaries}) for the next run.
 *
 * <p>Usage: {@code bench/run --summaries-jars 100} (forks {@code SummariesBenchmark --jars 100
 * --rounds 7 --work bench/target/work/summaries}).
 */
public final class SummariesBenchmark {
  /** Service classes per library ({@code --classes}): each has five methods that block. */
  private static int classesPerJar = 20;

  /** Wall times of the measurements, in order, for the record beside the cpu times. */
  private static final List<Double> WALL = new ArrayList<>();

  private SummariesBenchmark() {}

  public static void main(String[] args) throws Exception {
    int jars = 100;
    int rounds = 7;
    Path work = Path.of("bench/target/summaries");
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--jars" -> jars = Integer.parseInt(args[i + 1]);
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        case "--work" -> work = Path.of(args[i + 1]);
        case "--classes" -> classesPerJar = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path withSummaries = work.resolve(jars + "-jars-" + classesPerJar);
    Path without = work.resolve(jars + "-jars-" + classesPerJar + "-without-summaries");
    if (!Files.isDirectory(without)) {
      prepare(work, jars, withSummaries, without);
    }
    Path app = work.resolve("app");
    writeApp(app, jars);
    System.out.printf(
        Locale.ROOT,
        "Reading the summaries of %d jars (%d KB of summaries files), %d rounds, each a fresh compilation%n",
        jars,
        summariesBytes(withSummaries) / 1024,
        rounds);
    List<Double> with = new ArrayList<>();
    List<Double> none = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      with.add(measure(app, withSummaries, jars, true));
      none.add(measure(app, without, jars, false));
    }
    report("with summaries", with);
    report("without summaries (one lookup per jar)", none);
    List<Double> wallWith = new ArrayList<>();
    for (int i = 0; i < WALL.size(); i += 2) {
      wallWith.add(WALL.get(i));
    }
    System.out.printf(
        Locale.ROOT, "  (wall times with summaries, in order: %s ms)%n", wallWith.stream()
            .map(w -> String.format(Locale.ROOT, "%.1f", w))
            .toList());
  }

  private static void report(String what, List<Double> millis) {
    List<Double> warm = new ArrayList<>(millis.subList(1, millis.size()));
    Collections.sort(warm);
    double median = warm.isEmpty() ? millis.get(0) : warm.get(warm.size() / 2);
    System.out.printf(
        Locale.ROOT,
        "  %-40s first in the JVM %6.1f ms cpu, then median %6.1f ms (max %6.1f)%n",
        what,
        millis.get(0),
        median,
        warm.isEmpty() ? millis.get(0) : warm.get(warm.size() - 1));
  }

  /** One fresh compilation of the app: attributed, then one question per jar, timed. */
  private static double measure(Path app, Path jarDir, int jars, boolean expectSummaries)
      throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      List<String> classPath = new ArrayList<>();
      for (int i = 0; i < jars; i++) {
        classPath.add(jarDir.resolve(lib(i) + ".jar").toString());
      }
      Path out = Files.createTempDirectory("deadbolt-summaries-app");
      List<String> options =
          List.of(
              "-proc:none",
              "-d",
              out.toString(),
              "-classpath",
              String.join(File.pathSeparator, classPath));
      JavacTask task =
          (JavacTask)
              javac.getTask(
                  null,
                  files,
                  d -> {},
                  options,
                  null,
                  files.getJavaFileObjectsFromPaths(List.of(app.resolve("app/App.java"))));
      task.analyze();
      Context context = ((BasicJavacTask) task).getContext();
      VisitorState state = VisitorState.createForUtilityPurposes(context);
      List<MethodSymbol> asked = new ArrayList<>();
      for (int i = 0; i < jars; i++) {
        ClassSymbol client = (ClassSymbol) task.getElements().getTypeElement(lib(i) + ".Client");
        for (Element member : client.getEnclosedElements()) {
          if (member instanceof MethodSymbol method && method.name.contentEquals("fetch")) {
            asked.add(method);
          }
        }
      }
      java.lang.management.ThreadMXBean threads =
          java.lang.management.ManagementFactory.getThreadMXBean();
      long start = threads.getCurrentThreadCpuTime();
      long wallStart = System.nanoTime();
      ClassPathSummaries summaries = ClassPathSummaries.of(context);
      int found = 0;
      for (MethodSymbol method : asked) {
        ModuleEffects effects = summaries.effectsOf(method, state);
        if (effects != null && effects.blocks().isPresent()) {
          found++;
        }
      }
      // Thread cpu time: the machine this runs on is often shared, and waiting for a core is not cost.
      double millis = (threads.getCurrentThreadCpuTime() - start) / 1e6;
      WALL.add((System.nanoTime() - wallStart) / 1e6);
      if (asked.size() != jars || found != (expectSummaries ? jars : 0)) {
        throw new IllegalStateException(
            "asked about " + asked.size() + " methods, " + found + " summarized");
      }
      return millis;
    }
  }

  private static String lib(int i) {
    return String.format(Locale.ROOT, "lib%03d", i);
  }

  // ---- the jars ----------------------------------------------------------------------------------

  private static void prepare(Path work, int jars, Path withSummaries, Path without)
      throws IOException {
    Path sources = work.resolve("lib-sources-" + classesPerJar);
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < jars; i++) {
      files.addAll(writeLibrary(sources, lib(i)));
    }
    Path classes = work.resolve("lib-classes-" + classesPerJar);
    Files.createDirectories(classes);
    System.out.println("Compiling " + jars + " libraries with Error Prone and Deadbolt...");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    String processorPath = System.getProperty("java.class.path");
    try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, null)) {
      Iterable<? extends JavaFileObject> units = fileManager.getJavaFileObjectsFromPaths(files);
      boolean ok =
          javac
              .getTask(
                  null,
                  fileManager,
                  d -> {},
                  List.of(
                      "-XDcompilePolicy=simple",
                      "--should-stop=ifError=FLOW",
                      "-proc:none",
                      "-d",
                      classes.toString(),
                      "-processorpath",
                      processorPath,
                      "-Xplugin:ErrorProne -XepDisableAllChecks -Xep:BlockingCallUnderLock:WARN"),
                  null,
                  units)
              .call();
      if (!ok) {
        throw new IllegalStateException("the libraries do not compile");
      }
    }
    Path summaries = classes.resolve("META-INF/deadbolt/summaries");
    Files.createDirectories(withSummaries);
    Files.createDirectories(without);
    for (int i = 0; i < jars; i++) {
      String lib = lib(i);
      // This library's classes, and the summaries files of its classes: what its own compile writes.
      List<Path> own;
      try (Stream<Path> all = Files.list(summaries)) {
        own = all.filter(f -> f.getFileName().toString().startsWith(lib + ".")).sorted().toList();
      }
      jar(classes.resolve(lib), lib, withSummaries.resolve(lib + ".jar"), own);
      jar(classes.resolve(lib), lib, without.resolve(lib + ".jar"), List.of());
    }
  }

  private static List<Path> writeLibrary(Path root, String lib) throws IOException {
    Path dir = root.resolve(lib);
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    written.add(
        write(
            dir.resolve("Client.java"),
            "package " + lib + ";\n"
                + "public class Client {\n"
                + "  private final Http http = new Http();\n"
                + "  public String fetch(String key) { return http.get(key); }\n"
                + "  public synchronized void refresh() { fetch(\"all\"); }\n"
                + "}\n"));
    written.add(
        write(
            dir.resolve("Http.java"),
            "package " + lib + ";\n"
                + "class Http {\n"
                + "  String get(String path) {\n"
                + "    try (java.net.Socket socket = new java.net.Socket()) {\n"
                + "      socket.connect(new java.net.InetSocketAddress(path, 80));\n"
                + "      return path;\n"
                + "    } catch (java.io.IOException e) {\n"
                + "      throw new java.io.UncheckedIOException(e);\n"
                + "    }\n"
                + "  }\n"
                + "}\n"));
    written.add(
        write(
            dir.resolve("Ledger.java"),
            "package " + lib + ";\n"
                + "public class Ledger {\n"
                + "  public final Object accounts = new Object();\n"
                + "  public final Object journal = new Object();\n"
                + "  public void post() { synchronized (accounts) { synchronized (journal) {} } }\n"
                + "  public void audit() { synchronized (journal) {} }\n"
                + "}\n"));
    for (int c = 0; c < classesPerJar; c++) {
      StringBuilder source =
          new StringBuilder("package " + lib + ";\npublic class Service" + c + " {\n");
      source.append("  private final Client client = new Client();\n");
      source.append("  private final Ledger ledger = new Ledger();\n");
      for (int m = 0; m < 5; m++) {
        source.append("  public String call").append(m).append("(String key) {\n");
        source.append(m % 2 == 0 ? "    ledger.post();\n" : "    ledger.audit();\n");
        source.append("    return client.fetch(key + ").append(m).append(");\n  }\n");
      }
      source.append("  public int size() { return ").append(c).append("; }\n}\n");
      written.add(write(dir.resolve("Service" + c + ".java"), source.toString()));
    }
    return written;
  }

  private static void writeApp(Path root, int jars) throws IOException {
    StringBuilder app = new StringBuilder("package app;\npublic class App {\n");
    app.append("  private final Object lock = new Object();\n");
    for (int i = 0; i < jars; i++) {
      app.append("  void call").append(i).append("() {\n    synchronized (lock) {\n      new ")
          .append(lib(i))
          .append(".Client().fetch(\"k\");\n    }\n  }\n");
    }
    app.append("}\n");
    Files.createDirectories(root.resolve("app"));
    write(root.resolve("app/App.java"), app.toString());
  }

  private static Path write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private static void jar(Path classes, String lib, Path jar, List<Path> summaries)
      throws IOException {
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file);
        Stream<Path> walk = Files.walk(classes)) {
      for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(lib + "/" + classes.relativize(path)));
        out.write(Files.readAllBytes(path));
        out.closeEntry();
      }
      for (Path summary : summaries) {
        out.putNextEntry(new JarEntry("META-INF/deadbolt/summaries/" + summary.getFileName()));
        out.write(Files.readAllBytes(summary));
        out.closeEntry();
      }
    }
  }

  private static long summariesBytes(Path jarDir) {
    try (Stream<Path> jarFiles = Files.list(jarDir)) {
      long total = 0;
      for (Path jar : jarFiles.toList()) {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
          total +=
              zip.stream()
                  .filter(e -> e.getName().startsWith("META-INF/deadbolt/summaries/"))
                  .mapToLong(java.util.zip.ZipEntry::getSize)
                  .sum();
        }
      }
      return total;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
