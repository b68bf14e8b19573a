package dev.deadbolt.maven;

import java.nio.file.Path;

/** A report or baseline file that cannot be read as its format says; the message names file and problem. */
public final class MalformedFileException extends Exception {
  private static final long serialVersionUID = 1L;

  public MalformedFileException(Path file, int line, String problem) {
    super(file + (line > 0 ? ":" + line : "") + ": " + problem);
  }

  public MalformedFileException(Path file, String problem) {
    this(file, 0, problem);
  }
}
