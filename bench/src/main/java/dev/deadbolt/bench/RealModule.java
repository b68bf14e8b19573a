package dev.deadbolt.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Code users compile, measured beside the generated corpora: source roots and the class path they
 * compile against. From a Maven module directory ({@code --module}), its {@code src/main/java} and
 * the class path Maven resolves for it; or given as they are ({@code --sources}, {@code --classpath}).
 */
record RealModule(String name, List<Path> sourceRoots, String classPath) {

  /** A Maven module: its main sources, and the compile class path Maven resolves for it. */
  static RealModule ofMavenModule(Path directory) throws IOException, InterruptedException {
    Path module = directory.toAbsolutePath().normalize();
    Path sources = module.resolve("src/main/java");
    if (!Files.isDirectory(sources)) {
      throw new IllegalArgumentException("--module " + directory + ": no src/main/java there");
    }
    Path classPathFile = Files.createTempFile("deadbolt-bench-classpath", ".txt");
    try {
      List<String> command =
          List.of(
              "mvn",
              "-B",
              "-q",
              "dependency:build-classpath",
              "-Dmdep.includeScope=compile",
              "-Dmdep.outputFile=" + classPathFile);
      // Maven's output is shown only if it fails: the benchmark's own lines are what a reader wants.
      Process maven =
          new ProcessBuilder(command).directory(module.toFile()).redirectErrorStream(true).start();
      byte[] output = maven.getInputStream().readAllBytes();
      if (maven.waitFor() != 0) {
        throw new IllegalStateException(
            "--module "
                + directory
                + ": Maven could not resolve its class path ("
                + String.join(" ", command)
                + "):\n"
                + new String(output, java.nio.charset.StandardCharsets.UTF_8));
      }
      String classPath = Files.readString(classPathFile).strip();
      return new RealModule(module.getFileName().toString(), List.of(sources), classPath);
    } finally {
      Files.deleteIfExists(classPathFile);
    }
  }

  /** The source roots as {@link CompileRun} takes them: joined by the path separator. */
  String sourceRootsArgument() {
    return sourceRoots.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }

  /** What javac needs besides the sources: the class path (empty, a directory of nothing) and UTF-8. */
  List<String> javacOptions(Path work) throws IOException {
    List<String> options = new ArrayList<>(List.of("-encoding", "UTF-8"));
    String path =
        classPath.isEmpty()
            ? Files.createDirectories(work.resolve("empty-class-path")).toString()
            : classPath;
    options.addAll(List.of("-classpath", path));
    return options;
  }

  long countFiles() throws IOException {
    long count = 0;
    for (Path root : sourceRoots) {
      try (Stream<Path> walk = Files.walk(root)) {
        count += walk.filter(p -> p.toString().endsWith(".java")).count();
      }
    }
    return count;
  }
}
