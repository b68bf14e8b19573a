package dev.deadbolt.bench;

import com.google.errorprone.ErrorProneTimings;
import com.sun.source.util.JavacTask;
import com.sun.tools.javac.api.BasicJavacTask;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * One measured compile, in a JVM of its own (so heap and JIT state never leak between runs). Prints
 * one {@code RESULT} line that {@link CompileBenchmark} reads.
 *
 * <p>Arguments: mode, source roots (joined by the path separator), output dir, processor path, comma-separated Deadbolt check names,
 * then any further javac options (the JDK corpus needs {@code --patch-module}).
 */
public final class CompileRun {
  private CompileRun() {}

  public static void main(String[] args) throws IOException {
    Mode mode = Mode.valueOf(args[0]);
    List<Path> sources = Arrays.stream(args[1].split(File.pathSeparator)).map(Paths::get).toList();
    Path out = Paths.get(args[2]);
    String processorPath = args[3];
    Set<String> deadboltChecks = Set.of(args[4].split(","));
    Files.createDirectories(out);

    List<String> extra = Arrays.asList(args).subList(5, args.length);
    List<String> options = new ArrayList<>(List.of("-d", out.toString(), "-proc:none", "-nowarn"));
    if (!extra.contains("-classpath")) {
      // An empty class path: the sources need only the JDK, and the benchmark's own class path (Error
      // Prone's jars) must not be read as a library of the code compiled. A real module brings its own.
      Path emptyClassPath = Files.createDirectories(out.resolveSibling("empty-class-path"));
      options.addAll(List.of("-classpath", emptyClassPath.toString()));
    }
    options.addAll(extra);
    options.addAll(mode.javacOptions(processorPath, deadboltChecks));

    // Warm-up compiles first, in this JVM, when asked: the measured compile then runs on JIT-compiled
    // code, as in a compiler daemon (Gradle) or a multi-module in-process build (Maven).
    int warmups = Integer.getInteger("deadbolt.bench.warmups", 0);
    for (int i = 0; i < warmups; i++) {
      compile(mode, sources, options, deadboltChecks, false);
    }
    compile(mode, sources, options, deadboltChecks, true);
  }

  private static void compile(
      Mode mode, List<Path> sources, List<String> options, Set<String> deadboltChecks, boolean measure)
      throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int[] errors = new int[1];
    List<String> firstErrors = new ArrayList<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      List<Path> javaFiles = new ArrayList<>();
      for (Path root : sources) {
        try (Stream<Path> walk = Files.walk(root)) {
          walk.filter(p -> p.toString().endsWith(".java")).forEach(javaFiles::add);
        }
      }
      JavacTask task =
          (JavacTask)
              javac.getTask(
                  Writer.nullWriter(),
                  files,
                  d -> {
                    if (d.getKind() == Diagnostic.Kind.ERROR) {
                      errors[0]++;
                      if (firstErrors.size() < 3) {
                        firstErrors.add(d.toString());
                      }
                    }
                  },
                  options,
                  null,
                  files.getJavaFileObjectsFromPaths(javaFiles));
      // Taken before the compile: javac drops the task's context when it finishes.
      ErrorProneTimings timers =
          mode.usesErrorProne() ? ErrorProneTimings.instance(((BasicJavacTask) task).getContext()) : null;
      // Samples the compile's stacks (every 10 ms unless told): Deadbolt's share of them is its CPU
      // cost, read without timers around every matcher call (whose own overhead Error Prone's timings
      // include).
      jdk.jfr.Recording recording = new jdk.jfr.Recording();
      recording
          .enable("jdk.ExecutionSample")
          .withPeriod(Duration.ofMillis(Integer.getInteger("deadbolt.bench.sampleMs", 10)));
      if (measure) {
        recording.start();
      }
      long gcBefore = gcMs();
      long processCpuBefore = processCpuMs();
      long threadCpuBefore = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
      long start = System.nanoTime();
      boolean ok = task.call();
      long wallMs = (System.nanoTime() - start) / 1_000_000;
      // The compiling thread's own CPU: javac and every check run on it; the JIT and the collector
      // run on others, so this is the steadiest measure of the work a compile does.
      long threadCpuMs =
          (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - threadCpuBefore) / 1_000_000;
      long cpuMs = processCpuMs() - processCpuBefore;
      long gcMs = gcMs() - gcBefore;
      if (!ok) {
        System.out.println("FAILED " + errors[0] + " errors: " + firstErrors);
        System.exit(1);
      }
      if (!measure) {
        recording.close();
        return;
      }
      recording.stop();
      Map<String, Duration> timings = timers != null ? timers.timings() : Map.of();
      long deadboltMs =
          timings.entrySet().stream()
              .filter(e -> deadboltChecks.contains(e.getKey()))
              .mapToLong(e -> e.getValue().toMillis())
              .sum();
      String perCheck =
          timings.entrySet().stream()
              .filter(e -> deadboltChecks.contains(e.getKey()))
              .map(e -> e.getKey() + ":" + e.getValue().toMillis())
              .collect(Collectors.joining(","));
      int[] samples = deadboltSamples(recording);
      System.out.println(
          "RESULT wallMs=" + wallMs + " cpuMs=" + cpuMs + " threadCpuMs=" + threadCpuMs
              + " gcMs=" + gcMs + " heapPeakMb=" + heapPeakMb()
              + " deadboltMs=" + deadboltMs + " samples=" + samples[0] + "/" + samples[1]
              + " checks=" + perCheck);
    }
  }

  private static long processCpuMs() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime()
        / 1_000_000;
  }

  /** Time the collectors report having spent so far, all of them together. */
  private static long gcMs() {
    long ms = 0;
    for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ms += Math.max(0, gc.getCollectionTime());
    }
    return ms;
  }

  /** {Deadbolt samples, all samples}: stacks with a frame of a {@code dev.deadbolt} class (not the bench). */
  private static int[] deadboltSamples(jdk.jfr.Recording recording) throws IOException {
    Path dump = Files.createTempFile("deadbolt-bench", ".jfr");
    recording.dump(dump);
    recording.close();
    int deadbolt = 0;
    int all = 0;
    for (jdk.jfr.consumer.RecordedEvent event : jdk.jfr.consumer.RecordingFile.readAllEvents(dump)) {
      if (event.getStackTrace() == null) {
        continue;
      }
      all++;
      for (jdk.jfr.consumer.RecordedFrame frame : event.getStackTrace().getFrames()) {
        String type = frame.getMethod().getType().getName();
        if (type.startsWith("dev.deadbolt.") && !type.startsWith("dev.deadbolt.bench.")) {
          deadbolt++;
          break;
        }
      }
    }
    // Kept when asked (-Ddeadbolt.bench.samplesFile=...): the measured compile's samples alone, without
    // the warm-up compiles', for a profile of Deadbolt at steady state.
    String keep = System.getProperty("deadbolt.bench.samplesFile");
    if (keep != null) {
      Files.move(dump, Path.of(keep), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } else {
      Files.delete(dump);
    }
    return new int[] {deadbolt, all};
  }

  /** The highest heap use the JVM saw: the sum of each heap pool's peak. */
  private static long heapPeakMb() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes / (1024 * 1024);
  }

  /** How a run compiles. */
  enum Mode {
    JAVAC,
    DEADBOLT_ONLY,
    ERROR_PRONE,
    ERROR_PRONE_AND_DEADBOLT;

    boolean usesErrorProne() {
      return this != JAVAC;
    }

    List<String> javacOptions(String processorPath, Set<String> deadboltChecks) {
      if (this == JAVAC) {
        return List.of();
      }
      String plugin =
          switch (this) {
            case DEADBOLT_ONLY ->
                "-Xplugin:ErrorProne -XepAllErrorsAsWarnings -XepDisableAllChecks "
                    + deadboltChecks.stream().sorted().map(c -> "-Xep:" + c + ":WARN").collect(Collectors.joining(" "));
            default -> "-Xplugin:ErrorProne -XepAllErrorsAsWarnings";
          };
      return Arrays.asList(
          "-XDcompilePolicy=simple",
          "--should-stop=ifError=FLOW",
          "-processorpath",
          processorPath,
          plugin);
    }
  }
}
