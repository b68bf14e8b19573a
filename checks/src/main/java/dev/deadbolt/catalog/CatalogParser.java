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
    // Split by hand, not by regular expression: the built-in catalogs are parsed on every compile
    // (javac loads Deadbolt afresh each time), before anything is warm.
    int lineNumber = 0;
    for (int start = 0; start <= text.length(); ) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      String line = text.substring(start, end).strip(); // also drops the \r of a \r\n
      start = end + 1;
      lineNumber++;
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = sourceName + ":" + lineNumber;
      int space = firstWhitespace(line);
      String patternText = space < 0 ? line : line.substring(0, space);
      String reason = space < 0 ? "" : line.substring(space).strip();
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
      if (reasonRequired && !excluded && reason.isEmpty()) {
        throw new CatalogFormatException(
            where, "'" + patternText + "' needs a reason after it, e.g. 'reads from a socket'");
      }
      entries.add(new CatalogEntry(pattern, excluded, reason, where));
    }
    return entries;
  }

  /**
   * The first space or tab. Found with String.indexOf, which the JDK has compiled by the time Deadbolt
   * runs, not with a loop of Deadbolt's own: that one is interpreted in every compile, once a character.
   */
  private static int firstWhitespace(String line) {
    int space = line.indexOf(' ');
    int tab = line.indexOf('\t');
    if (space < 0) {
      return tab;
    }
    return tab < 0 ? space : Math.min(space, tab);
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
