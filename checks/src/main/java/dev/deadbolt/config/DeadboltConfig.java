package dev.deadbolt.config;

import com.google.errorprone.ErrorProneFlags;
import dev.deadbolt.catalog.BuiltInCatalogs;
import dev.deadbolt.catalog.CatalogEntry;
import dev.deadbolt.catalog.CatalogFormatException;
import dev.deadbolt.catalog.CatalogParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The lock-analysis settings every Deadbolt check shares, parsed once from the flags: the blocking
 * catalog (built in, plus {@code BlockingMethods}), the immediate-methods list (built in, plus {@code
 * ImmediateMethods}) and the runtime JDK. Problems are kept for {@link ConfigProblems#reportOnce}.
 */
public final class DeadboltConfig {
  /** The oldest JDK that runs virtual threads; code never runs on an older one as far as pinning goes. */
  public static final int FIRST_VIRTUAL_THREAD_JDK = 21;

  private final List<CatalogEntry> blocking;
  private final List<CatalogEntry> immediate;
  private final OptionalInt runtimeJdk;
  private final Optional<Path> reportDir;
  private final List<ConfigProblem> problems;

  private DeadboltConfig(
      List<CatalogEntry> blocking,
      List<CatalogEntry> immediate,
      OptionalInt runtimeJdk,
      Optional<Path> reportDir,
      List<ConfigProblem> problems) {
    this.blocking = List.copyOf(blocking);
    this.immediate = List.copyOf(immediate);
    this.runtimeJdk = runtimeJdk;
    this.reportDir = reportDir;
    this.problems = List.copyOf(problems);
  }

  /** Built-in catalogs and no flags: what tests and the no-arg constructors use. */
  public static DeadboltConfig defaults() {
    return fromFlags(ErrorProneFlags.empty());
  }

  public static DeadboltConfig fromFlags(ErrorProneFlags flags) {
    List<ConfigProblem> problems = new ArrayList<>();
    List<CatalogEntry> blocking = new ArrayList<>(BuiltInCatalogs.blocking());
    Optional<String> blockingFile = DeadboltFlags.get(flags, DeadboltFlags.BLOCKING_METHODS);
    if (blockingFile.isPresent()) {
      blocking.addAll(readBlockingFile(blockingFile.get(), problems));
    }
    List<CatalogEntry> immediate = new ArrayList<>(BuiltInCatalogs.immediate());
    Optional<String> extraImmediate = DeadboltFlags.get(flags, DeadboltFlags.IMMEDIATE_METHODS);
    if (extraImmediate.isPresent()) {
      try {
        immediate.addAll(
            CatalogParser.parseList(
                extraImmediate.get(), DeadboltFlags.spelling(DeadboltFlags.IMMEDIATE_METHODS)));
      } catch (CatalogFormatException e) {
        problems.add(
            new ConfigProblem(
                DeadboltFlags.spelling(DeadboltFlags.IMMEDIATE_METHODS), "", e.getMessage()));
      }
    }
    OptionalInt runtimeJdk =
        DeadboltFlags.intInRange(
            flags, DeadboltFlags.RUNTIME_JDK, 8, 1000, problems);
    Optional<Path> reportDir = DeadboltFlags.reportDir(flags, problems);
    return new DeadboltConfig(blocking, immediate, runtimeJdk, reportDir, problems);
  }

  private static List<CatalogEntry> readBlockingFile(String file, List<ConfigProblem> problems) {
    String flag = DeadboltFlags.spelling(DeadboltFlags.BLOCKING_METHODS);
    if (file.isEmpty()) {
      problems.add(new ConfigProblem(flag, "", "no file named"));
      return List.of();
    }
    Path path = Paths.get(file);
    try {
      String text = Files.readString(path, StandardCharsets.UTF_8);
      return CatalogParser.parse(text, path.toString(), true);
    } catch (IOException e) {
      problems.add(new ConfigProblem(flag, path.toString(), "cannot read the file: " + e));
    } catch (CatalogFormatException e) {
      problems.add(new ConfigProblem(flag, e.where(), e.getMessage()));
    }
    return List.of();
  }

  public List<CatalogEntry> blockingEntries() {
    return blocking;
  }

  public List<CatalogEntry> immediateEntries() {
    return immediate;
  }

  /** {@code -XepOpt:Deadbolt:RuntimeJdk}, if given. */
  public OptionalInt runtimeJdk() {
    return runtimeJdk;
  }

  /** {@code -XepOpt:Deadbolt:ReportDir}, if given: where to write what the compilation observed. */
  public Optional<Path> reportDir() {
    return reportDir;
  }

  public List<ConfigProblem> problems() {
    return problems;
  }
}
