package dev.deadbolt.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * What writing the method summaries (#19) adds to a compile: the same generated sources compiled with
 * Error Prone and Deadbolt's lock checks, in one JVM, alternately with a class output ({@code -d}, so the
 * summaries are written: every callable method of the compilation is summarized, not only those the
 * checks ask about) and without one (class files beside the sources; nothing summarized for the
 * file). Thread cpu time of each compile; the first round of each is a warm-up and not counted.
 *
 * <p>Usage: {@code bench/run --summaries-writer 1000} (forks {@code SummaryWriterCost SIZE ROUNDS
 * WORK}).
 */
public final class SummaryWriterCost {
  private SummaryWriterCost() {}

  public static void main(String[] args) throws Exception {
    int size = Integer.parseInt(args[0]);
    int rounds = Integer.parseInt(args[1]);
    Path work = Path.of(args[2]);
    Path sources = work.resolve("writer-cost-" + size);
    if (!Files.isDirectory(sources)) {
      new SourceGenerator(42).writeClasses(sources, size);
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(sources)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    List<Double> with = new ArrayList<>();
    List<Double> without = new ArrayList<>();
    for (int round = 0; round < rounds + 1; round++) {
      boolean writeFirst = round % 2 == 0;
      double a = compile(files, writeFirst);
      double b = compile(files, !writeFirst);
      if (round > 0) {
        (writeFirst ? with : without).add(a);
        (writeFirst ? without : with).add(b);
      }
    }
    Collections.sort(with);
    Collections.sort(without);
    double w = with.get(with.size() / 2);
    double n = without.get(without.size() / 2);
    System.out.printf(
        Locale.ROOT,
        "%d generated classes, %d rounds: with summaries written %.0f ms cpu, without %.0f ms cpu"
            + " (medians): %+.0f ms, %+.1f%%%n",
        size,
        rounds,
        w,
        n,
        w - n,
        100 * (w - n) / n);
  }

  private static double compile(List<Path> files, boolean writeSummaries) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> options =
        new ArrayList<>(
            List.of(
                "-XDcompilePolicy=simple",
                "--should-stop=ifError=FLOW",
                "-proc:none",
                "-implicit:none",
                "-classpath",
                "",
                "-processorpath",
                System.getProperty("java.class.path"),
                "-Xplugin:ErrorProne -XepDisableAllChecks -Xep:BlockingCallUnderLock:WARN"
                    + " -Xep:VirtualThreadPinning:WARN -Xep:LockOrderInversion:WARN"));
    Path out = Files.createTempDirectory("deadbolt-writer-cost");
    if (writeSummaries) {
      options.addAll(List.of("-d", out.toString()));
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, null)) {
      long start = threads.getCurrentThreadCpuTime();
      boolean ok =
          javac
              .getTask(
                  null,
                  fileManager,
                  d -> {},
                  options,
                  null,
                  fileManager.getJavaFileObjectsFromPaths(files))
              .call();
      double millis = (threads.getCurrentThreadCpuTime() - start) / 1e6;
      if (!ok) {
        throw new IllegalStateException("the generated sources do not compile");
      }
      boolean wrote = Files.isDirectory(out.resolve("META-INF/deadbolt/summaries"));
      if (wrote != writeSummaries) {
        throw new IllegalStateException("summaries written: " + wrote + ", expected " + writeSummaries);
      }
      return millis;
    } finally {
      if (!writeSummaries) {
        // The class files went beside the sources.
        try (Stream<Path> walk = Files.walk(files.get(0).getParent().getParent())) {
          for (Path p : walk.filter(p -> p.toString().endsWith(".class")).toList()) {
            Files.delete(p);
          }
        }
      }
      try (Stream<Path> walk = Files.walk(out)) {
        for (Path p : walk.sorted(Collections.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
