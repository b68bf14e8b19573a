package dev.deadbolt.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads what compilations recorded in a report directory ({@code -XepOpt:Deadbolt:ReportDir}): the
 * findings files ("deadbolt-findings" version 1) and lock-edge files ("deadbolt-lock-edges" versions 1 and 2),
 * both described in docs/report-format.md. Reading is strict: a file that does not follow its format
 * fails with the file, the line and the problem, never skipped.
 */
public final class Reports {
  static final String FINDINGS_FORMAT = "deadbolt-findings";
  static final String EDGES_FORMAT = "deadbolt-lock-edges";
  /** Version 2 adds the declared order's records ({@code "declared":true}); version 1 files still read. */
  static final int EDGES_VERSION = 2;
  static final int VERSION = 1;

  /** What one report directory holds. */
  public record Contents(
      List<RecordedFinding> findings, List<RecordedEdge> edges, int findingsFiles, List<Path> partial) {}

  private Reports() {}

  /** Reads every complete report file in {@code dir} (none when it does not exist). */
  public static Contents read(Path dir, String module) throws MalformedFileException, IOException {
    List<RecordedFinding> findings = new ArrayList<>();
    List<RecordedEdge> edges = new ArrayList<>();
    List<Path> partial = new ArrayList<>();
    int findingsFiles = 0;
    if (!Files.isDirectory(dir)) {
      return new Contents(findings, edges, 0, partial);
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files = listing.sorted().toList();
    }
    for (Path file : files) {
      String name = file.getFileName().toString();
      if (name.endsWith(".partial")) {
        partial.add(file);
      } else if (name.startsWith("findings-") && name.endsWith(".jsonl")) {
        findingsFiles++;
        findings.addAll(readFindings(file, module));
      } else if (name.startsWith("lock-edges-") && name.endsWith(".jsonl")) {
        edges.addAll(readEdges(file, module));
      }
    }
    return new Contents(findings, edges, findingsFiles, partial);
  }

  static List<RecordedFinding> readFindings(Path file, String module)
      throws MalformedFileException, IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    checkHeader(file, lines, FINDINGS_FORMAT);
    List<RecordedFinding> findings = new ArrayList<>();
    boolean ended = false;
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      if (ended) {
        throw new MalformedFileException(file, i + 1, "a record after the \"end\" record");
      }
      JsonFields record = JsonFields.parse(lines.get(i), file, i + 1);
      String kind = record.string("kind");
      switch (kind) {
        case "finding", "suppressed" -> findings.add(finding(record, kind.equals("suppressed"), module));
        case "end" -> {
          int expected = record.integer("findings") + record.integer("suppressed");
          if (expected != findings.size()) {
            throw record.problem(
                "the \"end\" record counts " + expected + " findings but the file has " + findings.size());
          }
          ended = true;
        }
        default -> throw record.problem("unknown \"kind\" \"" + kind + "\"");
      }
    }
    if (!ended) {
      throw new MalformedFileException(
          file, "no \"end\" record: the compile that wrote it did not finish; compile again");
    }
    return findings;
  }

  private static RecordedFinding finding(JsonFields r, boolean suppressed, String module)
      throws MalformedFileException {
    List<RecordedFinding.Fix> fixes = new ArrayList<>();
    for (JsonFields fix : r.objects("fixes")) {
      List<RecordedFinding.Replacement> replacements = new ArrayList<>();
      for (JsonFields rep : fix.objects("replacements")) {
        replacements.add(
            new RecordedFinding.Replacement(
                rep.integer("startLine"),
                rep.integer("startColumn"),
                rep.integer("endLine"),
                rep.integer("endColumn"),
                rep.string("text")));
      }
      fixes.add(
          new RecordedFinding.Fix(fix.optionalString("description"), replacements, fix.strings("imports")));
    }
    RecordedFinding.Suppression suppression = null;
    if (suppressed) {
      JsonFields s = r.optionalObject("suppression");
      if (s == null) {
        throw r.problem("a \"suppressed\" record needs its \"suppression\"");
      }
      suppression =
          new RecordedFinding.Suppression(s.string("annotation"), s.string("target"), s.string("reason"));
    }
    Path source = sourcePath(r);
    List<RecordedFinding.Site> related = new ArrayList<>();
    for (JsonFields site : r.objects("related")) {
      related.add(new RecordedFinding.Site(source, site.integer("line"), site.string("message")));
    }
    String severity = r.string("severity");
    if (!List.of("ERROR", "WARNING", "SUGGESTION").contains(severity)) {
      throw r.problem("\"severity\" must be ERROR, WARNING or SUGGESTION, not \"" + severity + "\"");
    }
    int line = r.integer("line");
    if (line < 1) {
      throw r.problem("\"line\" must be 1 or more, not " + line);
    }
    return new RecordedFinding(
        r.string("check"),
        severity,
        source,
        line,
        r.optionalInteger("column"),
        r.optionalInteger("endLine"),
        r.optionalInteger("endColumn"),
        r.string("message"),
        r.optionalString("link"),
        r.optionalString("class"),
        r.optionalString("method"),
        r.optionalString("field"),
        r.string("statement"),
        fixes,
        related,
        suppression,
        module);
  }

  static List<RecordedEdge> readEdges(Path file, String module)
      throws MalformedFileException, IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    checkHeader(file, lines, EDGES_FORMAT, EDGES_VERSION);
    List<RecordedEdge> edges = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      JsonFields r = JsonFields.parse(lines.get(i), file, i + 1);
      edges.add(
          new RecordedEdge(
              r.string("held"),
              r.string("acquired"),
              sourcePath(r),
              r.integer("line"),
              r.string("method"),
              file,
              module,
              r.optionalBoolean("declared")));
    }
    return edges;
  }

  private static Path sourcePath(JsonFields r) throws MalformedFileException {
    String file = r.string("file");
    try {
      return file.startsWith("file:") ? Path.of(java.net.URI.create(file)) : Path.of(file);
    } catch (IllegalArgumentException e) {
      throw r.problem("\"file\" is not a path: " + file);
    }
  }

  private static void checkHeader(Path file, List<String> lines, String format)
      throws MalformedFileException {
    checkHeader(file, lines, format, VERSION);
  }

  /** The header of a {@code format} file of any version from 1 to {@code newest}. */
  private static void checkHeader(Path file, List<String> lines, String format, int newest)
      throws MalformedFileException {
    if (lines.isEmpty()) {
      throw new MalformedFileException(file, "empty; expected a \"" + format + "\" header line");
    }
    JsonFields header = JsonFields.parse(lines.get(0), file, 1);
    String actual = header.optionalString("format");
    if (!format.equals(actual)) {
      throw header.problem("expected the header {\"format\":\"" + format + "\",...}, found " + lines.get(0));
    }
    int version = header.integer("version");
    if (version < 1 || version > newest) {
      throw header.problem(
          format + " version " + version + " is not supported (this plugin reads version " + newest
              + (newest > 1 ? " and earlier" : "")
              + "); use the same Deadbolt version for the checks and the plugin");
    }
  }
}
