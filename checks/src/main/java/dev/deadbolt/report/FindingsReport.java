package dev.deadbolt.report;

import com.google.errorprone.BugPattern.SeverityLevel;
import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.Fix;
import com.google.errorprone.fixes.Replacement;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.Tree;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.api.MultiTaskListener;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.JCDiagnostic;
import com.sun.tools.javac.util.Log;
import dev.deadbolt.config.ConfigProblem;
import dev.deadbolt.config.ConfigProblems;
import dev.deadbolt.config.DeadboltFlags;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaFileObject;

/**
 * Writes every finding of a compilation, reported or suppressed, to {@code
 * <ReportDir>/findings-<key>.jsonl} as the compile runs: one JSON line per finding, flushed as it is
 * reported, and the file published when javac finishes (see {@link ReportFiles}). Format:
 * docs/report-format.md ("deadbolt-findings", version 1).
 *
 * <p>One instance per compilation, created by the first Deadbolt check that runs; without {@code
 * ReportDir} it records nothing.
 */
public final class FindingsReport {
  public static final String FORMAT = "deadbolt-findings";
  public static final int VERSION = 1;
  public static final String PREFIX = "findings";

  private static final Context.Key<FindingsReport> KEY = new Context.Key<>();

  private final Context context;
  private Writer out;
  private Path partial;
  private Path published;
  private int findings;
  private int suppressed;

  private FindingsReport(Context context) {
    this.context = context;
  }

  /** The report of the compilation {@code state} belongs to, opened on first use. */
  public static FindingsReport of(VisitorState state) {
    FindingsReport report = state.context.get(KEY);
    if (report == null) {
      report = new FindingsReport(state.context);
      state.context.put(KEY, report);
      List<ConfigProblem> problems = new ArrayList<>();
      Optional<Path> dir = DeadboltFlags.reportDir(state.errorProneOptions().getFlags(), problems);
      ConfigProblems.reportOnce(problems, state);
      if (dir.isPresent()) {
        report.open(dir.get());
      }
    }
    return report;
  }

  /** Another place in the flagged file that takes part in a finding, with what happens there. */
  public record Related(Tree place, String message) {}

  /** Records a finding Error Prone is about to report. */
  public void reported(
      Description description, TreePath flagged, List<Related> related, VisitorState state) {
    if (out != null) {
      findings++;
      write(record("finding", description, flagged, related, state));
    }
  }

  /** Records a finding that {@code suppression} silenced. */
  public void suppressed(
      Description description,
      TreePath flagged,
      List<Related> related,
      Suppression suppression,
      VisitorState state) {
    if (out != null) {
      suppressed++;
      write(
          record("suppressed", description, flagged, related, state)
              .put(
                  "suppression",
                  Json.object()
                      .put("annotation", suppression.annotation())
                      .put("target", suppression.target())
                      .put("reason", suppression.reason())));
    }
  }

  private Json record(
      String kind,
      Description description,
      TreePath flagged,
      List<Related> related,
      VisitorState state) {
    CompilationUnitTree unit = flagged.getCompilationUnit();
    LineMap lines = unit.getLineMap();
    JCTree tree = (JCTree) flagged.getLeaf();
    int position = tree.getPreferredPosition();
    int end = state.getEndPosition(tree);
    // As Error Prone decides it: the finding's own severity, else the check's (with -Xep overrides).
    SeverityLevel severity =
        description
            .applySeverityOverride(
                state.severityMap().getOrDefault(description.checkName, SeverityLevel.WARNING))
            .severity();
    Members.Enclosing enclosing = Members.of(flagged);
    Json record =
        Json.object()
            .put("kind", kind)
            .put("check", description.checkName)
            .put("severity", severity.name())
            .put("file", path(unit.getSourceFile()))
            .put("line", lines.getLineNumber(position))
            .put("column", lines.getColumnNumber(position));
    if (end > position) {
      record.put("endLine", lines.getLineNumber(end)).put("endColumn", lines.getColumnNumber(end));
    }
    record
        .put("message", description.getRawMessage())
        .put("link", description.getLink())
        .put("class", enclosing.className())
        .put("method", enclosing.method())
        .put("field", enclosing.field())
        .put("statement", FlaggedCode.statementAt(flagged, state));
    List<Json> fixes = fixes(description, unit, lines);
    if (!fixes.isEmpty()) {
      record.put("fixes", fixes);
    }
    if (!related.isEmpty()) {
      List<Json> sites = new ArrayList<>();
      for (Related site : related) {
        int at = ((JCTree) site.place()).getPreferredPosition();
        sites.add(
            Json.object()
                .put("line", lines.getLineNumber(at))
                .put("column", lines.getColumnNumber(at))
                .put("message", site.message()));
      }
      record.put("related", sites);
    }
    return record;
  }

  private static List<Json> fixes(Description description, CompilationUnitTree unit, LineMap lines) {
    List<Json> fixes = new ArrayList<>();
    for (Fix fix : description.fixes) {
      List<Json> replacements = new ArrayList<>();
      FixReplacements.of(fix, unit).stream()
          .sorted(Comparator.comparingInt(Replacement::startPosition))
          .forEach(
              r ->
                  replacements.add(
                      Json.object()
                          .put("startLine", lines.getLineNumber(r.startPosition()))
                          .put("startColumn", lines.getColumnNumber(r.startPosition()))
                          .put("endLine", lines.getLineNumber(r.endPosition()))
                          .put("endColumn", lines.getColumnNumber(r.endPosition()))
                          .put("text", r.replaceWith())));
      fixes.add(
          Json.object()
              .put("description", fix.getShortDescription().isEmpty() ? null : fix.getShortDescription())
              .put("replacements", replacements)
              .put("imports", fix.getImportsToAdd().isEmpty() ? null : List.copyOf(fix.getImportsToAdd())));
    }
    return fixes;
  }

  private static String path(JavaFileObject source) {
    return "file".equals(source.toUri().getScheme())
        ? Path.of(source.toUri()).toAbsolutePath().normalize().toString()
        : source.toUri().toString();
  }

  private void open(Path dir) {
    published = ReportFiles.published(dir, PREFIX, ReportFiles.compilationKey(context));
    partial = ReportFiles.partial(published);
    try {
      Files.createDirectories(dir);
      out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
      Json header = Json.object().put("format", FORMAT).put("version", VERSION);
      ReportFiles.outputDirectory(context).ifPresent(d -> header.put("output", d));
      write(header);
    } catch (IOException e) {
      fail(e);
      return;
    }
    MultiTaskListener.instance(context)
        .add(
            new TaskListener() {
              @Override
              public void finished(TaskEvent event) {
                if (event.getKind() == TaskEvent.Kind.COMPILATION) {
                  close();
                }
              }
            });
  }

  private void write(Json line) {
    try {
      out.write(line.toString());
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      fail(e);
    }
  }

  /** Ends the file with its counts and publishes it. */
  private void close() {
    if (out == null) {
      return;
    }
    write(Json.object().put("kind", "end").put("findings", findings).put("suppressed", suppressed));
    try {
      if (out != null) {
        out.close();
        out = null;
        ReportFiles.publish(partial, published);
      }
    } catch (IOException e) {
      fail(e);
    }
  }

  private void fail(IOException e) {
    if (out != null) {
      try {
        out.close();
      } catch (IOException ignored) {
        // already failing
      }
    }
    out = null;
    Log log = Log.instance(context);
    JavaFileObject source = log.useSource(null);
    try {
      log.error(
          new JCDiagnostic.Error(
              "compiler",
              "proc.messager",
              "Deadbolt: cannot write the findings report "
                  + (published == null ? "" : published + " ")
                  + "(-XepOpt:Deadbolt:ReportDir): "
                  + e));
    } finally {
      log.useSource(source);
    }
  }
}
