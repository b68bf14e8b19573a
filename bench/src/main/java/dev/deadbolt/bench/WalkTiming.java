package dev.deadbolt.bench;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import com.sun.tools.javac.api.BasicJavacTask;
import com.sun.tools.javac.util.Context;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Times the checks' walk of each file ({@code UnitNodes}, the walk that collects the nodes every check
 * matches and the file's signs of a lock) alone, round after round in one JVM, over sources javac has
 * attributed once: {@code CompileBenchmark --walk-rounds N} runs it. The first rounds show the walk
 * cold, the last at steady state; a whole compile is too noisy to show a change of a few milliseconds.
 *
 * <p>Arguments: the sources' directory, the number of rounds, then javac options.
 */
public final class WalkTiming {
  private WalkTiming() {}

  public static void main(String[] args) throws Exception {
    Path sources = Path.of(args[0]);
    int rounds = Integer.parseInt(args[1]);
    List<String> options = new ArrayList<>(List.of("-proc:none", "-XDcompilePolicy=simple"));
    options.addAll(List.of(args).subList(2, args.length));
    Path out = Files.createTempDirectory("deadbolt-walk");
    options.addAll(List.of("-d", out.toString()));
    List<Path> files;
    try (Stream<Path> walk = Files.walk(sources)) {
      files =
          walk.filter(p -> p.toString().endsWith(".java") && !p.endsWith("module-info.java")).toList();
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, null);
    JavacTask task =
        (JavacTask)
            javac.getTask(
                null, fileManager, diagnostic -> {}, options, null, fileManager.getJavaFileObjectsFromPaths(files));
    List<CompilationUnitTree> units = new ArrayList<>();
    task.parse().forEach(units::add);
    task.analyze(); // the walk reads symbols (a method's flags and annotations)
    Context context = ((BasicJavacTask) task).getContext();
    // The walk is package-private in the checks, which have no entry point for a benchmark.
    Constructor<?> walk =
        Class.forName("dev.deadbolt.checks.UnitNodes")
            .getDeclaredConstructor(CompilationUnitTree.class, Context.class);
    walk.setAccessible(true);
    List<Long> millis = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      long start = System.nanoTime();
      for (CompilationUnitTree unit : units) {
        walk.newInstance(unit, context);
      }
      millis.add((System.nanoTime() - start) / 1_000_000);
    }
    System.out.printf("  walk of %d files, ms per round: %s%n", units.size(), millis);
  }
}
