package dev.deadbolt.bench;

import dev.deadbolt.bench.CompileRun.Mode;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Deadbolt's compile-time cost, measured: for each size of generated source, compiles it several
 * rounds with plain javac, Error Prone with only Deadbolt, Error Prone's defaults, and Error Prone's
 * defaults plus Deadbolt, alternating the order each round, each compile in a fresh JVM; prints the
 * medians, the ratios, Deadbolt's time per check, and how Deadbolt's time grows with the size and on
 * one very long method.
 *
 * <p>Two bodies of source: generated services (deliberately lock-dense: every class takes several
 * locks) at each size, and real code, the JDK's own {@code java.base} sources of {@link #JDK_PACKAGES}
 * (from the running JDK's {@code lib/src.zip}, compiled as a patch of {@code java.base}).
 *
 * <p>And real modules, the code users compile: {@code --module DIR} (a Maven module: its {@code
 * src/main/java}, its class path resolved by Maven), or {@code --sources DIR[:DIR...] --classpath CP};
 * they are measured first, the same rounds and ratios.
 *
 * <p>Usage (see bench/run): {@code CompileBenchmark [--sizes 1000,2000,4000] [--jdk true|false]
 * [--rounds 3] [--long-method 1000,2000,3000] [--work DIR] [--jfr-dir DIR] [--warmups N]
 * [--sample-ms 10] [--deadbolt-loaded-once false]}; {@code --sizes none} skips the generated sources; {@code --jfr-dir} keeps a JFR
 * recording (profile settings: JIT, GC, stacks) of every compile; {@code --sample-ms} sets the period of
 * the stack sampling that measures Deadbolt's cpu; {@code --deadbolt-loaded-once true} (with {@code
 * --warmups}) measures Deadbolt at steady state, loaded once per JVM instead of once per compile.
 */
public final class CompileBenchmark {
  private static final Pattern RESULT =
      Pattern.compile(
          "RESULT wallMs=(\\d+) cpuMs=(\\d+) threadCpuMs=(\\d+) gcMs=(\\d+) heapPeakMb=(\\d+)"
              + " deadboltMs=(\\d+)"
              + " samples=(\\d+)/(\\d+) checks=(.*)");
  /** The packages of {@code java.base} compiled as the real-code corpus. */
  static final List<String> JDK_PACKAGES =
      List.of(
          "java/util/", "java/io/", "java/net/", "java/nio/", "java/time/", "java/text/", "java/math/");

  /** With {@code --jfr-dir}: each compile's JVM also records everything JFR's profile settings do. */
  private static Path jfrDir;
  /**
   * Unmeasured compiles before the measured one, in the same JVM ({@code --warmups}); javac still loads
   * the processor path, and so Deadbolt, afresh for every compile.
   */
  private static int warmups;

  /**
   * The period of the stack sampling in every measured compile ({@code --sample-ms}, default 10): at
   * 1 ms, Deadbolt's share of the samples is counted to a few percent of itself.
   */
  private static int sampleMs = 10;

  /**
   * With {@code --deadbolt-loaded-once true}: Deadbolt's classes are loaded once per JVM rather than once
   * per compile (as javac does for a processor path), so that with {@code --warmups} the measured
   * compile shows Deadbolt's cost at steady state, without its JIT warm-up.
   */
  private static boolean deadboltLoadedOnce;

  /**
   * With {@code --walk-rounds N}: instead of compiling, times the checks' walk of each file alone, N
   * rounds in one JVM per corpus ({@link WalkTiming}).
   */
  private static int walkRounds;

  /**
   * With {@code --summaries-jars N}: instead of compiling, times reading the method summaries of a
   * class path of N jars ({@link SummariesBenchmark}).
   */
  private static int summariesJars;

  /**
   * With {@code --summaries-writer N}: instead, what writing the method summaries adds to compiling N
   * generated classes ({@link SummaryWriterCost}).
   */
  private static int summariesWriter;

  private static final String[] JVM_FLAGS = {
    "--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
    "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
    "--add-exports=jdk.compiler/com.sun.tools.javac.main=ALL-UNNAMED",
    "--add-exports=jdk.compiler/com.sun.tools.javac.model=ALL-UNNAMED",
    "--add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED",
    "--add-exports=jdk.compiler/com.sun.tools.javac.processing=ALL-UNNAMED",
    "--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED",
    "--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED",
    "--add-opens=jdk.compiler/com.sun.tools.javac.code=ALL-UNNAMED",
    "--add-opens=jdk.compiler/com.sun.tools.javac.comp=ALL-UNNAMED",
    "-Xms512m",
    "-Xmx6g",
    "-XX:+UseParallelGC",
  };

  /** One compile: wall time, CPU time of the whole JVM (steadier on a busy machine), heap, Deadbolt. */
  private record Sample(
      long wallMs,
      long cpuMs,
      long threadCpuMs,
      long gcMs,
      long heapPeakMb,
      long deadboltMs,
      int deadboltSamples,
      int allSamples,
      Map<String, Long> perCheck) {

    /** Deadbolt's stack samples, one every {@code --sample-ms} of a running Java thread. */
    long deadboltSampleCount() {
      return deadboltSamples;
    }

    /** All stack samples of the compile: its Java threads' running time, in sample periods. */
    long allSampleCount() {
      return allSamples;
    }
  }

  private CompileBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = List.of(1000, 2000, 3000);
    List<Integer> longMethod = List.of(1000, 2000, 3000);
    int rounds = 3;
    boolean jdk = true;
    Path work = Path.of("bench/target/work");
    List<RealModule> modules = new ArrayList<>();
    List<Path> looseSources = new ArrayList<>();
    String looseClassPath = "";
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--sizes" -> sizes = args[i + 1].equals("none") ? List.of() : ints(args[i + 1]);
        case "--jdk" -> jdk = Boolean.parseBoolean(args[i + 1]);
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        case "--long-method" -> longMethod = ints(args[i + 1]);
        case "--work" -> work = Path.of(args[i + 1]);
        case "--jfr-dir" -> jfrDir = Path.of(args[i + 1]).toAbsolutePath();
        case "--warmups" -> warmups = Integer.parseInt(args[i + 1]);
        case "--sample-ms" -> sampleMs = Integer.parseInt(args[i + 1]);
        case "--deadbolt-loaded-once" -> deadboltLoadedOnce = Boolean.parseBoolean(args[i + 1]);
        case "--walk-rounds" -> walkRounds = Integer.parseInt(args[i + 1]);
        case "--summaries-jars" -> summariesJars = Integer.parseInt(args[i + 1]);
        case "--summaries-writer" -> summariesWriter = Integer.parseInt(args[i + 1]);
        case "--module" -> modules.add(RealModule.ofMavenModule(Path.of(args[i + 1])));
        case "--sources" ->
            Arrays.stream(args[i + 1].split(File.pathSeparator)).map(Path::of).forEach(looseSources::add);
        case "--classpath" -> looseClassPath = args[i + 1];
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    List<String> classPath = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
    String withDeadbolt = String.join(File.pathSeparator, classPath);
    String withoutDeadbolt = withoutDeadbolt();
    String checks = String.join(",", deadboltChecks());
    System.out.printf(
        "Deadbolt compile-time benchmark: JDK %s, %d cores, checks %s%n%n",
        Runtime.version(), Runtime.getRuntime().availableProcessors(), checks);

    if (!looseSources.isEmpty()) {
      modules.add(0, new RealModule(looseSources.get(0).toString(), looseSources, looseClassPath));
    } else if (!looseClassPath.isEmpty()) {
      throw new IllegalArgumentException("--classpath goes with --sources");
    }
    if (walkRounds > 0) {
      timeWalks(sizes, jdk, work, walkRounds, withDeadbolt);
      return;
    }
    if (summariesWriter > 0) {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(List.of(JVM_FLAGS));
      command.addAll(List.of("-cp", withDeadbolt, SummaryWriterCost.class.getName()));
      command.addAll(
          List.of(String.valueOf(summariesWriter), String.valueOf(rounds), work.toString()));
      if (new ProcessBuilder(command).inheritIO().start().waitFor() != 0) {
        throw new IllegalStateException("the summaries writer benchmark failed");
      }
      return;
    }
    if (summariesJars > 0) {
      // Instead: reading the method summaries of a class path of that many jars (SummariesBenchmark).
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(List.of(JVM_FLAGS));
      command.addAll(List.of("-cp", withDeadbolt, SummariesBenchmark.class.getName()));
      command.addAll(
          List.of(
              "--jars", String.valueOf(summariesJars),
              "--rounds", String.valueOf(Math.max(rounds, 7)),
              "--work", work.resolve("summaries").toString()));
      if (new ProcessBuilder(command).inheritIO().start().waitFor() != 0) {
        throw new IllegalStateException("the summaries benchmark failed");
      }
      return;
    }
    // Real modules first: they are what users compile, and the budget is judged on them.
    for (RealModule module : modules) {
      Map<Mode, List<Sample>> samples =
          compileEachWay(
              module.name(),
              module.sourceRootsArgument(),
              module.javacOptions(work),
              work,
              rounds,
              withDeadbolt,
              withoutDeadbolt,
              checks);
      report(module.name() + " (" + module.countFiles() + " files)", samples);
    }
    Map<Integer, Map<Mode, List<Sample>>> bySize = new TreeMap<>();
    for (int size : sizes) {
      Path sources = work.resolve("src-" + size);
      if (!Files.exists(sources)) {
        new SourceGenerator(42).writeClasses(sources, size);
      }
      bySize.put(
          size,
          compileEachWay(
              size + " classes", sources, List.of(), work, rounds, withDeadbolt, withoutDeadbolt, checks));
      report(size + " generated classes (lock-dense)", bySize.get(size));
    }
    if (jdk) {
      Path root = work.resolve("jdk-src").resolve("java.base");
      int files = JdkSources.extract(root, JDK_PACKAGES);
      String jdkLabel =
          "JDK java.base sources (" + files + " files: " + String.join(" ", JDK_PACKAGES) + ")";
      Map<Mode, List<Sample>> jdkSamples =
          compileEachWay(
              "JDK sources",
              root,
              List.of("--patch-module", "java.base=" + root),
              work,
              rounds,
              withDeadbolt,
              withoutDeadbolt,
              checks);
      report(jdkLabel, jdkSamples);
    }
    if (!bySize.isEmpty()) {
      growth(bySize);
      longMethod(work, longMethod, withDeadbolt, checks, rounds);
    }
  }

  /** {@code --walk-rounds}: the checks' walk alone, timed over each corpus in a JVM of its own. */
  private static void timeWalks(
      List<Integer> sizes, boolean jdk, Path work, int rounds, String withDeadbolt)
      throws IOException, InterruptedException {
    Map<String, List<String>> corpora = new LinkedHashMap<>();
    for (int size : sizes) {
      Path sources = work.resolve("src-" + size);
      if (!Files.exists(sources)) {
        new SourceGenerator(42).writeClasses(sources, size);
      }
      corpora.put(size + " generated classes", List.of(sources.toString()));
    }
    if (jdk) {
      Path root = work.resolve("jdk-src").resolve("java.base");
      JdkSources.extract(root, JDK_PACKAGES);
      corpora.put("JDK java.base sources", List.of(root.toString(), "--patch-module", "java.base=" + root));
    }
    for (Map.Entry<String, List<String>> corpus : corpora.entrySet()) {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(List.of(JVM_FLAGS));
      command.addAll(List.of("-cp", withDeadbolt, WalkTiming.class.getName()));
      command.add(corpus.getValue().get(0));
      command.add(String.valueOf(rounds));
      command.addAll(corpus.getValue().subList(1, corpus.getValue().size()));
      System.out.println(corpus.getKey() + ":");
      Process process = new ProcessBuilder(command).inheritIO().start();
      if (process.waitFor() != 0) {
        throw new IllegalStateException("the walk timing failed for " + corpus.getKey());
      }
    }
  }

  /** Compiles {@code sources} each way, {@code rounds} times, alternating which way goes first. */
  private static Map<Mode, List<Sample>> compileEachWay(
      String label,
      Object sources,
      List<String> javacOptions,
      Path work,
      int rounds,
      String withDeadbolt,
      String withoutDeadbolt,
      String checks)
      throws IOException, InterruptedException {
    Map<Mode, List<Sample>> samples = new EnumMap<>(Mode.class);
    for (int round = 0; round < rounds; round++) {
      List<Mode> order = new ArrayList<>(List.of(Mode.values()));
      Collections.rotate(order, round); // alternate which mode runs first
      for (Mode mode : order) {
        String processorPath = mode == Mode.ERROR_PRONE ? withoutDeadbolt : withDeadbolt;
        Sample sample = run(mode, sources, work.resolve("out"), processorPath, checks, javacOptions);
        samples.computeIfAbsent(mode, m -> new ArrayList<>()).add(sample);
        System.out.printf(
            Locale.ROOT,
            "  %-14s round %d  %-26s %7d ms wall %7d ms cpu %7d ms compile-thread cpu %6d MB heap"
                + "  Deadbolt %5d ms, %4.1f%% of samples%n",
            label,
            round + 1,
            mode,
            sample.wallMs(),
            sample.cpuMs(),
            sample.threadCpuMs(),
            sample.heapPeakMb(),
            sample.deadboltMs(),
            sample.allSampleCount() == 0
                ? 0.0
                : 100.0 * sample.deadboltSampleCount() / sample.allSampleCount());
      }
    }
    return samples;
  }

  private static void report(String label, Map<Mode, List<Sample>> samples) {
    long javac = median(samples.get(Mode.JAVAC), Sample::wallMs);
    long ep = median(samples.get(Mode.ERROR_PRONE), Sample::wallMs);
    long both = median(samples.get(Mode.ERROR_PRONE_AND_DEADBOLT), Sample::wallMs);
    long javacCpu = median(samples.get(Mode.JAVAC), Sample::cpuMs);
    long epCpu = median(samples.get(Mode.ERROR_PRONE), Sample::cpuMs);
    long bothCpu = median(samples.get(Mode.ERROR_PRONE_AND_DEADBOLT), Sample::cpuMs);
    long epMem = median(samples.get(Mode.ERROR_PRONE), Sample::heapPeakMb);
    long bothMem = median(samples.get(Mode.ERROR_PRONE_AND_DEADBOLT), Sample::heapPeakMb);
    System.out.printf("%n== %s (medians of %d rounds) ==%n", label, samples.get(Mode.JAVAC).size());
    for (Mode mode : Mode.values()) {
      long wall = median(samples.get(mode), Sample::wallMs);
      long cpu = median(samples.get(mode), Sample::cpuMs);
      System.out.printf(
          "  %-26s %7d ms wall (x%.3f of javac)  %7d ms cpu (x%.3f)  %6d MB heap%n",
          mode,
          wall,
          (double) wall / javac,
          cpu,
          (double) cpu / javacCpu,
          median(samples.get(mode), Sample::heapPeakMb));
    }
    long deadboltInBoth = median(samples.get(Mode.ERROR_PRONE_AND_DEADBOLT), Sample::deadboltMs);
    System.out.printf(
        Locale.ROOT,
        "  Deadbolt on top of Error Prone's defaults: %+d ms wall = %+.1f%% of plain javac,"
            + " %+d ms cpu = %+.1f%% of javac's cpu (its checks' own time: %d ms = %.1f%% of javac's"
            + " wall); heap %+d MB = %+.1f%%%n",
        both - ep,
        100.0 * (both - ep) / javac,
        bothCpu - epCpu,
        100.0 * (bothCpu - epCpu) / javacCpu,
        deadboltInBoth,
        100.0 * deadboltInBoth / javac,
        bothMem - epMem,
        100.0 * (bothMem - epMem) / epMem);
    // The same difference per round (both compiles of a round ran back to back or close): steadier
    // than a difference of medians on a machine whose speed drifts between rounds.
    List<Long> paired = new ArrayList<>();
    for (int i = 0; i < samples.get(Mode.ERROR_PRONE).size(); i++) {
      paired.add(
          samples.get(Mode.ERROR_PRONE_AND_DEADBOLT).get(i).wallMs()
              - samples.get(Mode.ERROR_PRONE).get(i).wallMs());
    }
    System.out.printf(
        Locale.ROOT,
        "  Paired by round, Error Prone's defaults + Deadbolt minus Error Prone's defaults: %s ms wall;"
            + " median %+.1f%% of plain javac%n",
        paired,
        100.0 * medianOf(paired) / javac);
    // The compiling thread's CPU: javac and every check run on it, so it carries Deadbolt's work
    // without the JIT's and the collector's threads, whose time depends on what else the machine does.
    List<Long> pairedThread = new ArrayList<>();
    List<Long> pairedCpu = new ArrayList<>();
    for (int i = 0; i < samples.get(Mode.ERROR_PRONE).size(); i++) {
      Sample with = samples.get(Mode.ERROR_PRONE_AND_DEADBOLT).get(i);
      Sample without = samples.get(Mode.ERROR_PRONE).get(i);
      pairedThread.add(with.threadCpuMs() - without.threadCpuMs());
      pairedCpu.add(with.cpuMs() - without.cpuMs());
    }
    long javacThread = median(samples.get(Mode.JAVAC), Sample::threadCpuMs);
    System.out.printf(
        Locale.ROOT,
        "  Paired by round, the same difference in the compiling thread's cpu: %s ms, median %+.1f%% of"
            + " plain javac's (%d ms); in the whole JVM's cpu (JIT and GC threads too): %s ms, median"
            + " %+.1f%% of javac's%n",
        pairedThread,
        100.0 * medianOf(pairedThread) / javacThread,
        javacThread,
        pairedCpu,
        100.0 * medianOf(pairedCpu) / javacCpu);
    // Deadbolt's own time in each round against the same round's plain javac: both measured minutes
    // apart, so the machine's drift between rounds (large on a shared 2-core machine) mostly cancels.
    List<Long> ownPerMille = new ArrayList<>();
    for (int i = 0; i < samples.get(Mode.JAVAC).size(); i++) {
      ownPerMille.add(
          1000
              * samples.get(Mode.ERROR_PRONE_AND_DEADBOLT).get(i).deadboltMs()
              / samples.get(Mode.JAVAC).get(i).wallMs());
    }
    System.out.printf(
        Locale.ROOT,
        "  Deadbolt's checks' own time (Error Prone's timings) in each Error Prone + Deadbolt compile, as a"
            + " share of the same round's plain javac wall: %s%%, median %.1f%%%n",
        ownPerMille.stream()
            .map(v -> String.format(Locale.ROOT, "%.1f", v / 10.0))
            .collect(java.util.stream.Collectors.joining(", ", "[", "]")),
        medianOf(ownPerMille) / 10.0);
    // The same per round by the compiling thread's cpu: Deadbolt's share of the compile's stack samples
    // times that thread's cpu, against plain javac's. Neither a collector's pause nor the thread
    // waiting for a core counts, as both do in wall-clock timings.
    List<Long> sampledPerMille = new ArrayList<>();
    for (int i = 0; i < samples.get(Mode.JAVAC).size(); i++) {
      Sample with = samples.get(Mode.ERROR_PRONE_AND_DEADBOLT).get(i);
      double share =
          with.allSampleCount() == 0 ? 0 : (double) with.deadboltSampleCount() / with.allSampleCount();
      sampledPerMille.add(
          Math.round(1000 * share * with.threadCpuMs() / samples.get(Mode.JAVAC).get(i).threadCpuMs()));
    }
    System.out.printf(
        Locale.ROOT,
        "  Deadbolt's cpu by stack sampling (every %d ms; its share of the samples times the compiling"
            + " thread's cpu) in each Error Prone + Deadbolt compile, as a share of the same round's plain"
            + " javac compiling-thread cpu: %s%%, median %.1f%%%n",
        sampleMs,
        sampledPerMille.stream()
            .map(v -> String.format(Locale.ROOT, "%.1f", v / 10.0))
            .collect(java.util.stream.Collectors.joining(", ", "[", "]")),
        medianOf(sampledPerMille) / 10.0);
    // Samples are compared within one compile only: how many threads a sample period catches differs
    // between compiles, so counts from two different runs do not compare.
    double bothShare = medianShare(samples.get(Mode.ERROR_PRONE_AND_DEADBOLT));
    double onlyShare = medianShare(samples.get(Mode.DEADBOLT_ONLY));
    long deadboltOnlyCpu = median(samples.get(Mode.DEADBOLT_ONLY), Sample::cpuMs);
    System.out.printf(
        Locale.ROOT,
        "  By stack sampling (JFR, every " + sampleMs + " ms): Deadbolt is %.1f%% of the samples of the Error Prone"
            + " + Deadbolt compile (= %.0f ms of its cpu, %.1f%% of plain javac's cpu) and %.1f%% of the"
            + " Deadbolt-only compile (= %.0f ms, %.1f%% of plain javac's cpu)%n",
        100 * bothShare,
        bothShare * bothCpu,
        100 * bothShare * bothCpu / javacCpu,
        100 * onlyShare,
        onlyShare * deadboltOnlyCpu,
        100 * onlyShare * deadboltOnlyCpu / javacCpu);
    Map<String, List<Long>> perCheck = new TreeMap<>();
    for (Sample s : samples.get(Mode.ERROR_PRONE_AND_DEADBOLT)) {
      s.perCheck().forEach((check, ms) -> perCheck.computeIfAbsent(check, c -> new ArrayList<>()).add(ms));
    }
    System.out.println("  Deadbolt time per check (median ms):");
    perCheck.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<String, List<Long>> e) -> -medianOf(e.getValue())))
        .forEach(e -> System.out.printf("    %-42s %6d%n", e.getKey(), medianOf(e.getValue())));
    System.out.println();
  }

  private static void growth(Map<Integer, Map<Mode, List<Sample>>> bySize) {
    System.out.println("== growth with size (Deadbolt-only runs) ==");
    for (var entry : bySize.entrySet()) {
      List<Sample> samples = entry.getValue().get(Mode.DEADBOLT_ONLY);
      long deadbolt = median(samples, Sample::deadboltMs);
      System.out.printf(
          "  %5d classes: Deadbolt checks %6d ms = %.2f ms per class%n",
          entry.getKey(), deadbolt, (double) deadbolt / entry.getKey());
    }
    System.out.println();
  }

  private static void longMethod(
      Path work, List<Integer> statementCounts, String processorPath, String checks, int rounds)
      throws Exception {
    System.out.println("== one very long method (Deadbolt-only runs, nesting 40 deep, 16 locks) ==");
    for (int statements : statementCounts) {
      Path sources = work.resolve("long-" + statements);
      if (!Files.exists(sources)) {
        new SourceGenerator(7).writeLongMethod(sources, statements, 40);
      }
      List<Sample> samples = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        samples.add(
            run(Mode.DEADBOLT_ONLY, sources, work.resolve("out-long"), processorPath, checks, List.of()));
      }
      long deadbolt = median(samples, Sample::deadboltMs);
      System.out.printf(
          "  %5d statements: compile %6d ms, Deadbolt checks %6d ms = %.3f ms per statement%n",
          statements, median(samples, Sample::wallMs), deadbolt, (double) deadbolt / statements);
    }
  }

  private static Sample run(
      Mode mode, Object sources, Path out, String processorPath, String checks, List<String> javacOptions)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(JVM_FLAGS));
    command.add("-Ddeadbolt.bench.warmups=" + warmups);
    command.add("-Ddeadbolt.bench.sampleMs=" + sampleMs);
    if (jfrDir != null) {
      Files.createDirectories(jfrDir);
      String name = Path.of(sources.toString().split(File.pathSeparator)[0]).getFileName() + "-" + mode + "-" + System.nanoTime() + ".jfr";
      command.add(
          "-XX:StartFlightRecording=settings=profile,filename=" + jfrDir.resolve(name));
    }
    command.add("-cp");
    // Never Deadbolt's jar: Error Prone finds checks through the JVM's class path too, so only the
    // processor path may decide whether Deadbolt runs. With --deadbolt-loaded-once the compiles that
    // run Deadbolt have it on the class path as well, so javac's processor class loader finds it in
    // its parent and the JIT's work on it survives from one warm-up compile to the next.
    boolean runsDeadbolt = mode == Mode.DEADBOLT_ONLY || mode == Mode.ERROR_PRONE_AND_DEADBOLT;
    command.add(deadboltLoadedOnce && runsDeadbolt ? processorPath : withoutDeadbolt());
    command.add(CompileRun.class.getName());
    // The sources: one root, or several joined by the path separator (a real module's source roots).
    command.addAll(List.of(mode.name(), sources.toString(), out.toString(), processorPath, checks));
    command.addAll(javacOptions);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String result = null;
    StringBuilder output = new StringBuilder();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = reader.readLine()) != null; ) {
        output.append(line).append('\n');
        if (line.startsWith("RESULT ")) {
          result = line;
        }
      }
    }
    if (process.waitFor() != 0 || result == null) {
      throw new IllegalStateException(mode + " compile failed:\n" + output);
    }
    Matcher m = RESULT.matcher(result);
    if (!m.matches()) {
      throw new IllegalStateException("unreadable result: " + result);
    }
    Map<String, Long> perCheck = new TreeMap<>();
    if (!m.group(9).isEmpty()) {
      for (String item : m.group(9).split(",")) {
        String[] parts = item.split(":");
        perCheck.put(parts[0], Long.parseLong(parts[1]));
      }
    }
    return new Sample(
        Long.parseLong(m.group(1)),
        Long.parseLong(m.group(2)),
        Long.parseLong(m.group(3)),
        Long.parseLong(m.group(4)),
        Long.parseLong(m.group(5)),
        Long.parseLong(m.group(6)),
        Integer.parseInt(m.group(7)),
        Integer.parseInt(m.group(8)),
        perCheck);
  }

  /** This JVM's class path without Deadbolt's jar. */
  private static String withoutDeadbolt() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(e -> !new File(e).getName().startsWith("deadbolt-checks"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  /** The check names registered in the Deadbolt jar's service file. */
  private static List<String> deadboltChecks() throws IOException {
    Set<String> names = new LinkedHashSet<>();
    Enumeration<URL> services =
        CompileBenchmark.class
            .getClassLoader()
            .getResources("META-INF/services/com.google.errorprone.bugpatterns.BugChecker");
    while (services.hasMoreElements()) {
      URL url = services.nextElement();
      if (!url.toString().contains("deadbolt-checks")) {
        continue;
      }
      try (InputStream in = url.openStream()) {
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          String trimmed = line.strip();
          if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
            names.add(trimmed.substring(trimmed.lastIndexOf('.') + 1));
          }
        }
      }
    }
    if (names.isEmpty()) {
      throw new IllegalStateException("no Deadbolt checks found on the class path");
    }
    return new ArrayList<>(names);
  }

  private static long median(List<Sample> samples, java.util.function.ToLongFunction<Sample> f) {
    return medianOf(samples.stream().map(s -> f.applyAsLong(s)).toList());
  }

  private static double medianShare(List<Sample> samples) {
    List<Double> shares = new ArrayList<>();
    for (Sample s : samples) {
      shares.add(s.allSampleCount() == 0 ? 0.0 : (double) s.deadboltSampleCount() / s.allSampleCount());
    }
    Collections.sort(shares);
    int n = shares.size();
    return n % 2 == 1 ? shares.get(n / 2) : (shares.get(n / 2 - 1) + shares.get(n / 2)) / 2;
  }

  /** The median; of an even count, the mean of the middle two (never one side's value alone). */
  private static long medianOf(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static List<Integer> ints(String csv) {
    return Arrays.stream(csv.split(",")).map(String::strip).map(Integer::parseInt).toList();
  }
}
