package dev.deadbolt.maven;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The Java sources a compiler execution compiles: every {@code .java} file under the project's source
 * roots as earlier phases left them (roots added by build-helper or a generator plugin included),
 * except the compiler's own generated-sources directory, whose files the module's annotation
 * processors write again during analyze (compiling both would define each class twice), and except
 * what the execution's {@code <excludes>} leave out.
 */
record SourceFiles(List<Path> files, @Nullable Path moduleDescriptor) {

  static SourceFiles of(List<String> roots, @Nullable String generatedSourcesDirectory, List<String> excludes)
      throws IOException {
    Path generated = generatedSourcesDirectory == null ? null : Path.of(generatedSourcesDirectory).toAbsolutePath().normalize();
    List<PathMatcher> excluded = new ArrayList<>();
    for (String pattern : excludes) {
      excluded.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern));
      // Ant's **/ also matches no directory at all; a glob's needs one.
      if (pattern.startsWith("**/")) {
        excluded.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern.substring(3)));
      }
    }
    List<Path> files = new ArrayList<>();
    Path descriptor = null;
    for (String root : roots) {
      Path dir = Path.of(root).toAbsolutePath().normalize();
      if (!Files.isDirectory(dir) || dir.equals(generated)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path file : walk.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f)).sorted().toList()) {
          Path relative = dir.relativize(file);
          if (excluded.stream().anyMatch(m -> m.matches(relative))) {
            continue;
          }
          files.add(file);
          if (relative.toString().equals("module-info.java")) {
            descriptor = file;
          }
        }
      }
    }
    return new SourceFiles(files, descriptor);
  }
}
