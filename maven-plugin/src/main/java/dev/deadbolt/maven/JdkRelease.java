package dev.deadbolt.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A JDK's feature version, from the {@code release} file every JDK since 9 (and most 8s) ships. */
final class JdkRelease {
  private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"(?:1\\.)?(\\d+)", Pattern.MULTILINE);

  private JdkRelease() {}

  /** The feature version of the JDK at {@code home}, or 0 when it cannot be told. */
  static int feature(Path home) {
    try {
      Matcher m = VERSION.matcher(Files.readString(home.resolve("release"), StandardCharsets.ISO_8859_1));
      return m.find() ? Integer.parseInt(m.group(1)) : 0;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
