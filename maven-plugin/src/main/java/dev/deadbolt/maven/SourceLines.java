package dev.deadbolt.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines of the flagged source files, each file read once. A file that is gone or not UTF-8 has no
 * lines: the report then shows the finding without its source rather than failing the build.
 */
final class SourceLines {
  private final Map<Path, List<String>> files = new HashMap<>();

  /** Line {@code n} (1-based) of {@code file}, or null when there is no such line. */
  String line(Path file, int n) {
    List<String> lines = of(file);
    return n >= 1 && n <= lines.size() ? lines.get(n - 1) : null;
  }

  int count(Path file) {
    return of(file).size();
  }

  private List<String> of(Path file) {
    return files.computeIfAbsent(file.toAbsolutePath().normalize(), SourceLines::read);
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException | UncheckedIOException e) {
      return List.of();
    }
  }
}
