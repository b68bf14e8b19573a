package dev.deadbolt.report;

import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.Options;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import javax.tools.JavaFileManager;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * Naming and publishing the files a compilation writes into {@code -XepOpt:Deadbolt:ReportDir}.
 *
 * <p>Each compilation writes its own files, named after its class output directory
 * ({@code findings-<key>.jsonl}, {@code lock-edges-<key>.jsonl}): compiling the same module again
 * replaces its previous files instead of adding to them, and two modules built in parallel never share
 * a file. A file is written under a unique {@code .partial} name and renamed into place when complete,
 * so a reader sees a whole file or the previous one.
 */
public final class ReportFiles {
  private static final Context.Key<String> KEY = new Context.Key<>();

  private ReportFiles() {}

  /**
   * The compilation's key: a hash of its class output directory ({@code -d}), or a random one for a
   * compilation that has none (each such compilation then leaves files of its own).
   */
  public static String compilationKey(Context context) {
    String key = context.get(KEY);
    if (key == null) {
      key = outputDirectory(context).map(ReportFiles::hash).orElseGet(() -> UUID.randomUUID().toString());
      context.put(KEY, key);
    }
    return key;
  }

  /** The class output directory of the compilation, if it has one on disk. */
  public static Optional<String> outputDirectory(Context context) {
    String d = Options.instance(context).get("-d");
    if (d != null) {
      return Optional.of(Path.of(d).toAbsolutePath().normalize().toString());
    }
    JavaFileManager files = context.get(JavaFileManager.class);
    if (files instanceof StandardJavaFileManager standard) {
      try {
        var location = standard.getLocationAsPaths(StandardLocation.CLASS_OUTPUT);
        if (location != null) {
          for (Path path : location) {
            if (path.getFileSystem() == Path.of("").getFileSystem()) {
              return Optional.of(path.toAbsolutePath().normalize().toString());
            }
          }
        }
      } catch (RuntimeException e) {
        // A file manager that keeps its output elsewhere (in memory, in a test harness): no directory.
      }
    }
    return Optional.empty();
  }

  /** {@code <dir>/<prefix>-<key>.jsonl}: where the complete file lives. */
  public static Path published(Path dir, String prefix, String key) {
    return dir.resolve(prefix + "-" + key + ".jsonl");
  }

  /** A fresh name to write {@code published} under until it is complete. */
  public static Path partial(Path published) {
    return published.resolveSibling(published.getFileName() + "." + UUID.randomUUID() + ".partial");
  }

  /** Moves a complete {@code partial} file into place, replacing the previous one in one step. */
  public static void publish(Path partial, Path published) throws IOException {
    Files.move(partial, published, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
