package dev.deadbolt.hierarchy;

import dev.deadbolt.report.Json;
import dev.deadbolt.report.ReportFiles;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the lock-acquisition edges a compilation observed to {@code
 * <ReportDir>/lock-edges-<key>.jsonl}, so that a build-wide tool can find lock-order cycles that span
 * modules. One file per compilation, replaced when the same output directory is compiled again (see
 * {@link ReportFiles}), so parallel module builds cannot interleave. Format: docs/report-format.md
 * ("deadbolt-lock-edges", version 1).
 */
public final class LockEdgeReport {
  public static final String FORMAT = "deadbolt-lock-edges";
  public static final int VERSION = 1;
  public static final String PREFIX = "lock-edges";

  private LockEdgeReport() {}

  /** Writes the file and returns its path. */
  public static Path write(Path dir, String compilationKey, ObservedLockOrder order)
      throws IOException {
    Files.createDirectories(dir);
    Path file = ReportFiles.published(dir, PREFIX, compilationKey);
    Path partial = ReportFiles.partial(file);
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
    ReportFiles.publish(partial, file);
    return file;
  }

  private static String json(String s) {
    return Json.quote(s);
  }
}
