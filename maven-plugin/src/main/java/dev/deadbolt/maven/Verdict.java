package dev.deadbolt.maven;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A module's findings judged against its baseline: each finding is new, accepted by the baseline, or
 * suppressed in the source; baseline entries that match nothing are stale.
 *
 * <p>A finding's fingerprint hashes its check, its file's name, the class and member it sits in and the
 * normalized source of the flagged statement, plus its rank among findings identical in all of those.
 * Line numbers and directories are left out, so edits that only move the code (within the file, or the
 * file to another source root) keep the fingerprint.
 */
public record Verdict(List<Result> results, List<Baseline.Entry> stale) {

  public enum State {
    NEW,
    BASELINED,
    SUPPRESSED
  }

  public record Result(RecordedFinding finding, String file, String fingerprint, State state) {}

  public Verdict {
    results = List.copyOf(results);
    stale = List.copyOf(stale);
  }

  public List<Result> in(State state) {
    return results.stream().filter(r -> r.state() == state).toList();
  }

  /**
   * Judges {@code findings}; {@code moduleDir} is what fingerprinted paths are relative to, {@code
   * repositoryRoot} what reported paths are relative to.
   */
  public static Verdict judge(
      List<RecordedFinding> findings, Baseline baseline, Path moduleDir, Path repositoryRoot) {
    List<RecordedFinding> unique = findings.stream().distinct().sorted(ORDER).toList();
    Map<String, Integer> accepted = new HashMap<>();
    for (Baseline.Entry entry : baseline.entries()) {
      accepted.merge(entry.fingerprint(), 1, Integer::sum);
    }
    Map<String, Integer> ranks = new HashMap<>();
    List<Result> results = new ArrayList<>();
    for (RecordedFinding finding : unique) {
      String key =
          String.join(
              "\n",
              finding.check(),
              String.valueOf(finding.source().getFileName()),
              finding.qualifiedMember(),
              finding.statement(),
              String.valueOf(finding.suppressed()));
      int rank = ranks.merge(key, 1, Integer::sum);
      String fingerprint = sha256(key + "\n" + rank);
      State state;
      if (finding.suppressed()) {
        state = State.SUPPRESSED;
      } else if (accepted.getOrDefault(fingerprint, 0) > 0) {
        accepted.merge(fingerprint, -1, Integer::sum);
        state = State.BASELINED;
      } else {
        state = State.NEW;
      }
      results.add(new Result(finding, relative(repositoryRoot, finding.source()), fingerprint, state));
    }
    List<Baseline.Entry> stale = new ArrayList<>();
    for (Baseline.Entry entry : baseline.entries()) {
      if (accepted.getOrDefault(entry.fingerprint(), 0) > 0) {
        accepted.merge(entry.fingerprint(), -1, Integer::sum);
        stale.add(entry);
      }
    }
    return new Verdict(results, stale);
  }

  /** The baseline that accepts every unsuppressed finding of this verdict. */
  public Baseline toBaseline(Path moduleDir) {
    List<Baseline.Entry> entries = new ArrayList<>();
    for (Result result : results) {
      if (result.state() != State.SUPPRESSED) {
        RecordedFinding f = result.finding();
        entries.add(
            new Baseline.Entry(
                result.fingerprint(),
                f.check(),
                relative(moduleDir, f.source()),
                f.qualifiedMember(),
                f.statement()));
      }
    }
    return new Baseline(entries);
  }

  static final Comparator<RecordedFinding> ORDER =
      Comparator.comparing((RecordedFinding f) -> f.source().toString())
          .thenComparingInt(RecordedFinding::line)
          .thenComparing(f -> Objects.requireNonNullElse(f.column(), 0))
          .thenComparing(RecordedFinding::check)
          .thenComparing(RecordedFinding::message);

  /** {@code path} relative to {@code base} with {@code /} separators, or absolute when outside it. */
  static String relative(Path base, Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path root = base.toAbsolutePath().normalize();
    String text = absolute.startsWith(root) ? root.relativize(absolute).toString() : absolute.toString();
    return text.replace('\\', '/');
  }

  private static String sha256(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Results grouped by check, checks in name order. */
  public Map<String, List<Result>> byCheck() {
    Map<String, List<Result>> groups = new LinkedHashMap<>();
    results.stream()
        .sorted(Comparator.comparing((Result r) -> r.finding().check()))
        .forEach(r -> groups.computeIfAbsent(r.finding().check(), k -> new ArrayList<>()).add(r));
    return groups;
  }
}
