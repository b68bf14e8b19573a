package dev.deadbolt.maven;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The accepted findings of a module ({@code deadbolt-baseline.json}, format "deadbolt-baseline" version
 * 1): one entry per finding, matched by fingerprint, with the check, file, member and statement kept
 * so that a reviewer can read what was accepted.
 */
public record Baseline(List<Entry> entries) {
  static final String FORMAT = "deadbolt-baseline";
  static final int VERSION = 1;

  public record Entry(String fingerprint, String check, String file, String member, String statement) {}

  public Baseline {
    entries = List.copyOf(entries);
  }

  public static Baseline empty() {
    return new Baseline(List.of());
  }

  /** Reads {@code file}; a missing file is an empty baseline, a malformed one an error. */
  public static Baseline read(Path file) throws MalformedFileException, IOException {
    if (!Files.exists(file)) {
      return empty();
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    JsonFields root = JsonFields.parse(text, file, 0);
    if (!FORMAT.equals(root.optionalString("format"))) {
      throw root.problem("not a Deadbolt baseline: expected \"format\": \"" + FORMAT + "\"");
    }
    int version = root.integer("version");
    if (version != VERSION) {
      throw root.problem(
          "baseline version " + version + " is not supported (this plugin reads version " + VERSION + ")");
    }
    if (!root.has("findings")) {
      throw root.problem("\"findings\" is missing (it must be an array, empty when nothing is accepted)");
    }
    List<Entry> entries = new ArrayList<>();
    int index = 0;
    for (JsonFields entry : root.objects("findings")) {
      String fingerprint = entry.string("fingerprint");
      if (!fingerprint.matches("[0-9a-f]{32}")) {
        throw root.problem(
            "findings[" + index + "].fingerprint must be 32 hex digits, not \"" + fingerprint + "\"");
      }
      entries.add(
          new Entry(
              fingerprint,
              entry.string("check"),
              entry.string("file"),
              nullToEmpty(entry.optionalString("member")),
              nullToEmpty(entry.optionalString("statement"))));
      index++;
    }
    return new Baseline(entries);
  }

  /** Writes the baseline, entries sorted so that rewriting it gives small diffs. */
  public void write(Path file) throws IOException {
    JsonObject root = new JsonObject();
    root.addProperty("format", FORMAT);
    root.addProperty("version", VERSION);
    JsonArray findings = new JsonArray();
    entries.stream()
        .sorted(
            Comparator.comparing(Entry::file)
                .thenComparing(Entry::check)
                .thenComparing(Entry::member)
                .thenComparing(Entry::statement)
                .thenComparing(Entry::fingerprint))
        .forEach(
            e -> {
              JsonObject entry = new JsonObject();
              entry.addProperty("fingerprint", e.fingerprint());
              entry.addProperty("check", e.check());
              entry.addProperty("file", e.file());
              entry.addProperty("member", e.member());
              entry.addProperty("statement", e.statement());
              findings.add(entry);
            });
    root.add("findings", findings);
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    Files.writeString(
        file,
        new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n",
        StandardCharsets.UTF_8);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
