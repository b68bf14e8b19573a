package dev.deadbolt.summaries;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The summaries file a compilation leaves in its class output, {@value #RESOURCE}: format {@value
 * #FORMAT}, version {@value #VERSION}, JSON Lines (docs/report-format.md). This class reads one into
 * plain strings; {@link ClassPathSummaries} turns them into symbols on demand.
 */
final class SummaryFile {
  static final String FORMAT = "deadbolt-summaries";
  static final int VERSION = 1;
  /** Where in a class output directory or jar; META-INF is not a package, so no module sees it as one. */
  static final String RESOURCE = "META-INF/deadbolt/summaries.jsonl";

  /** A way of blocking or parking: the chain inside the compilation that wrote it, and the call. */
  record Cause(List<String> chain, String call, String reason, boolean conditional, List<String> held) {}

  /** A lock a method waits for: by key (see {@link SummaryKeys}), with the chain that reaches it. */
  record Acquire(String lock, List<String> chain, String how) {}

  record Method(Optional<Cause> blocks, Optional<Cause> parks, List<Acquire> acquires) {}

  record Edge(String held, String acquired, String method, String file, long line) {}

  /** A file's records: methods by key, and the lock-acquisition edges. */
  record Contents(Map<String, Method> methods, List<Edge> edges) {}

  /** A file that is not a summaries file of a version this Deadbolt reads. */
  static final class Unreadable extends Exception {
    /** The version, when the file is a summaries file of a newer version; else 0. */
    final long newerVersion;

    Unreadable(String message, long newerVersion) {
      super(message);
      this.newerVersion = newerVersion;
    }
  }

  private SummaryFile() {}

  /** Reads every record of a file, or says why it cannot: all or nothing. */
  static Contents parse(List<String> lines) throws Unreadable {
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
    Map<String, Method> methods = new HashMap<>();
    List<Edge> edges = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      int number = i + 1;
      Map<String, Object> record = lineObject(line, number);
      Object kind = record.get("kind");
      try {
        if ("method".equals(kind)) {
          methods.put(
              string(record, "key"),
              new Method(
                  cause(record.get("blocks")),
                  cause(record.get("parks")),
                  acquires(record.get("acquires"))));
        } else if ("edge".equals(kind)) {
          edges.add(
              new Edge(
                  string(record, "held"),
                  string(record, "acquired"),
                  string(record, "method"),
                  string(record, "file"),
                  number(record, "line")));
        } else if (!(kind instanceof String)) {
          throw new IllegalArgumentException("no kind");
        }
        // (A record of a kind this version does not know is skipped: new kinds may appear.)
      } catch (IllegalArgumentException e) {
        throw new Unreadable("line " + number + ": " + e.getMessage(), 0);
      }
    }
    return new Contents(methods, edges);
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
