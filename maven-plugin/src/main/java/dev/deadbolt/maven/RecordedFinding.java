package dev.deadbolt.maven;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One finding as a compilation recorded it (format "deadbolt-findings", docs/report-format.md), or as
 * the plugin found it across modules (a lock-order cycle).
 *
 * @param source the absolute path of the flagged file
 * @param module the module whose report recorded it
 * @param suppression what silenced it, or null for a reported finding
 */
public record RecordedFinding(
    String check,
    String severity,
    Path source,
    int line,
    @Nullable Integer column,
    @Nullable Integer endLine,
    @Nullable Integer endColumn,
    String message,
    @Nullable String link,
    @Nullable String className,
    @Nullable String method,
    @Nullable String field,
    String statement,
    List<Fix> fixes,
    List<Site> related,
    @Nullable Suppression suppression,
    String module) {

  public RecordedFinding {
    fixes = List.copyOf(fixes);
    related = List.copyOf(related);
  }

  public boolean suppressed() {
    return suppression != null;
  }

  /** The member the finding sits in: its method, else its field, else empty. */
  public String member() {
    return method != null ? method : field != null ? field : "";
  }

  /** {@code com.acme.Inventory#refresh(long)}, or the class alone. */
  public String qualifiedMember() {
    String cls = className == null ? "" : className;
    return member().isEmpty() ? cls : cls + "#" + member();
  }

  /** A suggested fix: replacements in the flagged file, and imports it needs. */
  public record Fix(@Nullable String description, List<Replacement> replacements, List<String> imports) {}

  public record Replacement(int startLine, int startColumn, int endLine, int endColumn, String text) {}

  public record Suppression(String annotation, String target, String reason) {}

  /** Another place that takes part in the finding, such as the opposite acquisition of a cycle. */
  public record Site(Path source, int line, String message) {}
}
