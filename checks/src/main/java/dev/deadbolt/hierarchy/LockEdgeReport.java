package dev.deadbolt.hierarchy;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.tree.JCTree;
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
 * ("deadbolt-lock-edges", version 2).
 */
public final class LockEdgeReport {
  public static final String FORMAT = "deadbolt-lock-edges";
  /** Version 2 added the declared order's records (version 1 had only observed edges). */
  public static final int VERSION = 2;
  public static final String PREFIX = "lock-edges";

  private LockEdgeReport() {}

  /**
   * Writes the file and returns its path: the observed edges, then the declared ones (marked {@code
   * "declared":true}, at the declaration; a report draws them apart and never counts them in a cycle).
   */
  public static Path write(
      Path dir,
      String compilationKey,
      ObservedLockOrder order,
      DeclaredLockOrder declared,
      VisitorState state)
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
      for (DeclaredLockOrder.Edge edge : declared.edges()) {
        TreePath path = JavacTrees.instance(state.context).getPath(edge.declaration().annotated());
        if (path == null) {
          continue; // declared in a class read from a class file: no place in this compilation's sources
        }
        CompilationUnitTree unit = path.getCompilationUnit();
        long line =
            unit.getLineMap().getLineNumber(((JCTree) path.getLeaf()).getPreferredPosition());
        out.write(
            "{\"declared\":true,\"held\":"
                + json(edge.before().qualifiedName())
                + ",\"acquired\":"
                + json(edge.after().qualifiedName())
                + ",\"file\":"
                + json(unit.getSourceFile().toUri().getPath())
                + ",\"line\":"
                + line
                + ",\"method\":"
                + json("@" + edge.declaration().annotation())
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
