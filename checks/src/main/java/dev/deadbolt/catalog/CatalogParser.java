package dev.deadbolt.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the catalog format shared by the blocking catalog and the immediate-methods list:
 *
 * <pre>
 * # a comment
 * java.lang.Thread#sleep                        sleeps the thread
 * java.util.concurrent.BlockingQueue#offer/3    waits for space in the queue
 * !java.io.ByteArrayInputStream                 in memory
 * </pre>
 *
 * One pattern per line ({@link MethodPattern}), optionally negated with {@code !}, then free text. See
 * {@code docs/blocking-catalog.md}.
 */
public final class CatalogParser {
  private CatalogParser() {}

  /**
   * Parses {@code text}; {@code sourceName} names it in errors. When {@code reasonRequired}, every
   * positive line must say why (the reason appears in findings).
   */
  public static List<CatalogEntry> parse(String text, String sourceName, boolean reasonRequired)
      throws CatalogFormatException {
    List<CatalogEntry> entries = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String where = sourceName + ":" + (i + 1);
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+", 2);
      String patternText = parts[0];
      boolean excluded = patternText.startsWith("!");
      if (excluded) {
        patternText = patternText.substring(1);
      }
      MethodPattern pattern;
      try {
        pattern = MethodPattern.parse(patternText);
      } catch (IllegalArgumentException e) {
        throw new CatalogFormatException(where, e.getMessage());
      }
      String reason = parts.length > 1 ? parts[1].strip() : "";
      if (reasonRequired && !excluded && reason.isEmpty()) {
        throw new CatalogFormatException(
            where, "'" + patternText + "' needs a reason after it, e.g. 'reads from a socket'");
      }
      entries.add(new CatalogEntry(pattern, excluded, reason, where));
    }
    return entries;
  }

  /** Parses a comma-separated list of patterns given in a flag. */
  public static List<CatalogEntry> parseList(String list, String flagName)
      throws CatalogFormatException {
    List<CatalogEntry> entries = new ArrayList<>();
    for (String item : list.split(",")) {
      String trimmed = item.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      try {
        entries.add(new CatalogEntry(MethodPattern.parse(trimmed), false, "", flagName));
      } catch (IllegalArgumentException e) {
        throw new CatalogFormatException("", e.getMessage());
      }
    }
    return entries;
  }
}
