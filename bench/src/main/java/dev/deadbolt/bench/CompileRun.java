package dev.deadbolt.bench;

import com.google.errorprone.ErrorProneTimings;
import com.sun.source.util.JavacTask;
import com.sun.tools.javac.api.BasicJavacTask;
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
 * <p>Arguments: mode, source root, output dir, processor path, comma-separated Deadbolt check names.
 */
public final class CompileRun {
  private CompileRun() {}

  public static void main(String[] args) throws IOException {
    Mode mode = Mode.valueOf(args[0]);
    Path sources = Paths.get(args[1]);
    Path out = Paths.get(args[2]);
    String processorPath = args[3];
    Set<String> deadboltChecks = Set.of(args[4].split(","));
    Files.createDirectories(out);

    List<String> options = new ArrayList<>(List.of("-d", out.toString(), "-proc:none", "-nowarn"));
    options.addAll(mode.javacOptions(processorPath, deadboltChecks));

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int[] errors = new int[1];
    List<String> firstErrors = new ArrayList<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null);
        Stream<Path> walk = Files.walk(sources)) {
      List<Path> javaFiles = walk.filter(p -> p.toString().endsWith(".java")).toList();
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
      long start = System.nanoTime();
      boolean ok = task.call();
      long wallMs = (System.nanoTime() - start) / 1_000_000;
      if (!ok) {
        System.out.println("FAILED " + errors[0] + " errors: " + firstErrors);
        System.exit(1);
      }
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
      long cpuMs =
          ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                  .getProcessCpuTime()
              / 1_000_000;
      System.out.println(
          "RESULT wallMs=" + wallMs + " cpuMs=" + cpuMs + " heapPeakMb=" + heapPeakMb()
              + " deadboltMs=" + deadboltMs + " checks=" + perCheck);
    }
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
                "-Xplugin:ErrorProne -XepDisableAllChecks "
                    + deadboltChecks.stream().sorted().map(c -> "-Xep:" + c + ":WARN").collect(Collectors.joining(" "));
            default -> "-Xplugin:ErrorProne";
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
