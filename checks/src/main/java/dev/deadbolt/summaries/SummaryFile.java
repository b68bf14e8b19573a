package dev.deadbolt.summaries;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The summaries files a compilation leaves in its class output, one per top-level class that has
 * something to say, {@value #DIRECTORY}{@code /<binary name>.jsonl}: format {@value #FORMAT}, version
 * {@value #VERSION}, JSON Lines (docs/report-format.md). This class reads one into plain strings; {@link
 * ClassPathSummaries} turns them into symbols on demand.
 */
final class SummaryFile {
  static final String FORMAT = "deadbolt-summaries";
  static final int VERSION = 1;
  /**
   * Where in a class output directory or jar. META-INF is not a package, so no module system sees one
   * here; one file per class, so a compilation reads what it calls, not the whole class path.
   */
  static final String DIRECTORY = "META-INF/deadbolt/summaries";

  /** The file of a top-level class, by its binary name. */
  static String fileName(String binaryName) {
    return binaryName + ".jsonl";
  }

  /** A way of blocking or parking: the chain inside the compilation that wrote it, and the call. */
  record Cause(List<String> chain, String call, String reason, boolean conditional, List<String> held) {}

  /** A lock a method waits for: by key (see {@link SummaryKeys}), with the chain that reaches it. */
  record Acquire(String lock, List<String> chain, String how) {}

  record Method(Optional<Cause> blocks, Optional<Cause> parks, List<Acquire> acquires) {}

  record Edge(String held, String acquired, String method, String file, long line) {}

  /**
   * A file's records, indexed but not yet parsed: each method's line by key, and the lines of the edges.
   * A record is parsed ({@link #method}, {@link #edge}) only when a compilation asks about it: most of a
   * jar's methods are never called by the compilation reading it.
   */
  record Contents(Map<String, Line> methods, List<Line> edges) {}

  /** One record's text and its line number, for a note if it turns out unreadable. */
  record Line(int number, String text) {}

  /** A file, or a record, that is not of a version this Deadbolt reads. */
  static final class Unreadable extends Exception {
    /** The version, when the file is a summaries file of a newer version; else 0. */
    final long newerVersion;

    Unreadable(String message, long newerVersion) {
      super(message);
      this.newerVersion = newerVersion;
    }
  }

  private SummaryFile() {}

  private static final String METHOD_PREFIX = "{\"kind\":\"method\",\"key\":\"";
  private static final String EDGE_PREFIX = "{\"kind\":\"edge\",";

  /**
   * Indexes a file, or says why it cannot be read: its header (format, version, and the counts of
   * records when it gives them, so a truncated file is refused) and where each record is. Records as
   * this Deadbolt writes them (kind and key first) are indexed without parsing; any other line is parsed
   * to find its kind and key.
   */
  static Contents index(String file) throws Unreadable {
    // (Split by hand: String.indexOf is compiled and vectorized in any javac that has run a while,
    // a reader's readLine loop is not.)
    List<String> lines = new ArrayList<>();
    for (int from = 0; from < file.length(); ) {
      int end = file.indexOf('\n', from);
      if (end < 0) {
        end = file.length();
      }
      lines.add(file.substring(from, end > from && file.charAt(end - 1) == '\r' ? end - 1 : end));
      from = end + 1;
    }
    return index(lines);
  }

  static Contents index(List<String> lines) throws Unreadable {
    if (lines.isEmpty()) {
      throw new Unreadable("empty file", 0);
    }
    Map<String, Object> header = lineObject(lines.get(0), 1);
    if (!FORMAT.equals(header.get("format"))) {
      throw new Unreadable("line 1: not a " + FORMAT + " header", 0);
    }
    if (!(header.get("version") instanceof Long version) || version < 1) {
      throw new Unreadable("line 1: no version", 0);
    }
    if (version > VERSION) {
      throw new Unreadable("version " + version, version);
    }
    Map<String, Line> methods = new HashMap<>();
    List<Line> edges = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String text = lines.get(i);
      if (text.isBlank()) {
        continue;
      }
      int number = i + 1;
      if (!text.endsWith("}")) {
        throw new Unreadable("line " + number + ": not a whole JSON object", 0);
      }
      if (text.startsWith(METHOD_PREFIX)) {
        int end = text.indexOf('"', METHOD_PREFIX.length());
        if (end < 0) {
          throw new Unreadable("line " + number + ": no key", 0);
        }
        methods.put(text.substring(METHOD_PREFIX.length(), end), new Line(number, text));
      } else if (text.startsWith(EDGE_PREFIX)) {
        edges.add(new Line(number, text));
      } else {
        Map<String, Object> record = lineObject(text, number);
        Object kind = record.get("kind");
        if ("method".equals(kind) && record.get("key") instanceof String key) {
          methods.put(key, new Line(number, text));
        } else if ("edge".equals(kind)) {
          edges.add(new Line(number, text));
        } else if (!(kind instanceof String) || "method".equals(kind)) {
          throw new Unreadable("line " + number + ": " + (kind == null ? "no kind" : "no key"), 0);
        }
        // (A record of a kind this version does not know is skipped: new kinds may appear.)
      }
    }
    if (header.get("methods") instanceof Long count && count != methods.size()
        || header.get("edges") instanceof Long count2 && count2 != edges.size()) {
      throw new Unreadable(
          "the header counts " + header.get("methods") + " methods and " + header.get("edges")
              + " edges, the file has " + methods.size() + " and " + edges.size()
              + " (cut short?)",
          0);
    }
    return new Contents(methods, edges);
  }

  /** A method record, parsed. */
  static Method method(Line line) throws Unreadable {
    Map<String, Object> record = lineObject(line.text(), line.number());
    try {
      return new Method(
          cause(record.get("blocks")), cause(record.get("parks")), acquires(record.get("acquires")));
    } catch (IllegalArgumentException e) {
      throw new Unreadable("line " + line.number() + ": " + e.getMessage(), 0);
    }
  }

  /** An edge record, parsed. */
  static Edge edge(Line line) throws Unreadable {
    Map<String, Object> record = lineObject(line.text(), line.number());
    try {
      return new Edge(
          string(record, "held"),
          string(record, "acquired"),
          string(record, "method"),
          string(record, "file"),
          number(record, "line"));
    } catch (IllegalArgumentException e) {
      throw new Unreadable("line " + line.number() + ": " + e.getMessage(), 0);
    }
  }

  private static Map<String, Object> lineObject(String line, int number) throws Unreadable {
    try {
      return JsonLine.object(line);
    } catch (IllegalArgumentException e) {
      throw new Unreadable("line " + number + ": " + e.getMessage(), 0);
    }
  }

  private static Optional<Cause> cause(Object value) {
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof Map<?, ?> cause)) {
      throw new IllegalArgumentException("a cause is not an object");
    }
    return Optional.of(
        new Cause(
            strings(cause.get("chain"), "chain"),
            string(cause, "call"),
            string(cause, "reason"),
            Boolean.TRUE.equals(cause.get("conditional")),
            strings(cause.get("held"), "held")));
  }

  private static List<Acquire> acquires(Object value) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw new IllegalArgumentException("acquires is not a list");
    }
    List<Acquire> acquires = new ArrayList<>();
    for (Object item : list) {
      if (!(item instanceof Map<?, ?> acquire)) {
        throw new IllegalArgumentException("an acquired lock is not an object");
      }
      String lock = string(acquire, "lock");
      if (SummaryKeys.lockClass(lock) == null) {
        throw new IllegalArgumentException("not a lock: " + lock);
      }
      acquires.add(new Acquire(lock, strings(acquire.get("chain"), "chain"), string(acquire, "how")));
    }
    return acquires;
  }

  private static String string(Map<?, ?> record, String field) {
    if (!(record.get(field) instanceof String s)) {
      throw new IllegalArgumentException("no string \"" + field + "\"");
    }
    return s;
  }

  private static long number(Map<?, ?> record, String field) {
    if (!(record.get(field) instanceof Long n)) {
      throw new IllegalArgumentException("no number \"" + field + "\"");
    }
    return n;
  }

  /** A list of strings; absent is empty. */
  private static List<String> strings(Object value, String field) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw new IllegalArgumentException("\"" + field + "\" is not a list");
    }
    List<String> strings = new ArrayList<>(list.size());
    for (Object item : list) {
      if (!(item instanceof String s)) {
        throw new IllegalArgumentException("\"" + field + "\" holds a non-string");
      }
      strings.add(s);
    }
    return List.copyOf(strings);
  }
}
