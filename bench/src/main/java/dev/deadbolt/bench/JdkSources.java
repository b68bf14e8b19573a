package dev.deadbolt.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Real code to compile: packages of {@code java.base} from the running JDK's {@code lib/src.zip}. */
final class JdkSources {
  private JdkSources() {}

  /**
   * Extracts the {@code .java} files of {@code packages} (and their subpackages) under {@code root},
   * the source root of a {@code --patch-module java.base=root}; returns how many there are.
   */
  static int extract(Path root, List<String> packages) throws IOException {
    Path srcZip = Path.of(System.getProperty("java.home"), "lib", "src.zip");
    if (!Files.exists(srcZip)) {
      throw new IllegalStateException(
          "the JDK running the benchmark has no lib/src.zip; pass --jdk false to skip the JDK sources");
    }
    int files = 0;
    try (InputStream raw = Files.newInputStream(srcZip);
        ZipInputStream zip = new ZipInputStream(raw)) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        String name = entry.getName();
        if (!name.startsWith("java.base/") || !name.endsWith(".java")) {
          continue;
        }
        String path = name.substring("java.base/".length());
        if (packages.stream().noneMatch(path::startsWith)) {
          continue;
        }
        Path target = root.resolve(path);
        Files.createDirectories(target.getParent());
        Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
        files++;
      }
    }
    return files;
  }
}
