package dev.deadbolt.hierarchy;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Writes the lock-acquisition edges a compilation observed to {@code <ReportDir>/lock-edges-<id>.jsonl},
 * so that a build-wide tool can find lock-order cycles that span modules. One new file per
 * compilation, never appended to, so parallel module builds cannot interleave. Format:
 * docs/report-format.md ("deadbolt-lock-edges", version 1).
 */
public final class LockEdgeReport {
  public static final String FORMAT = "deadbolt-lock-edges";
  public static final int VERSION = 1;

  private LockEdgeReport() {}

  /** Writes the file and returns its path. */
  public static Path write(Path dir, ObservedLockOrder order) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve("lock-edges-" + UUID.randomUUID() + ".jsonl");
    Path partial = dir.resolve(file.getFileName() + ".partial");
    try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
      out.write("{\"format\":\"" + FORMAT + "\",\"version\":" + VERSION + "}\n");
      for (ObservedLockOrder.Observed edge : order.all()) {
        out.write(
            "{\"held\":"
                + json(edge.held().qualifiedName())
                + ",\"acquired\":"
                + json(edge.acquired().qualifiedName())
                + ",\"file\":"
                + json(edge.site().source().toUri().getPath())
                + ",\"line\":"
                + edge.site().line()
                + ",\"method\":"
                + json(edge.site().method())
                + "}\n");
      }
    }
    // Readers see a whole file or none.
    Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return file;
  }

  static String json(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
