package com.example.orders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Service settings, read once. */
final class Settings {
  static final String TEXT = load();

  private static String load() {
    try {
      return Files.readString(Path.of("orders.properties"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Settings() {}
}
