package dev.deadbolt.maven;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.jspecify.annotations.Nullable;

/**
 * javac's errors as javac prints them ({@code File.java:12: error: package org.slf4j does not exist},
 * the source line, a caret under the column, then the details), from a compile that ran in-process
 * or from a forked javac's output. Error Prone findings a check reports as errors are not compile
 * errors and are left out: they go to the report like the others.
 */
final class CompileErrors {
  /** A line that starts a diagnostic of javac's default format. */
  private static final Pattern HEADER =
      Pattern.compile("^(?:.+?\\.java:\\d+: )?(?:error|warning|Note|note): .*|^\\d+ (?:error|warning)s?$");

  private static final Pattern ERROR = Pattern.compile("^(?:.+?\\.java:\\d+: )?error: (.*)$");

  /** An Error Prone finding's message: {@code [CheckName] ...}. */
  private static final Pattern FINDING = Pattern.compile("^\\[\\w+\\] .*", Pattern.DOTALL);

  private CompileErrors() {}

  /** The error as javac prints it, or null when it is not a compile error. */
  static @Nullable String format(Diagnostic<? extends JavaFileObject> d) {
    if (d.getKind() != Diagnostic.Kind.ERROR
        || "compiler.err.error.prone".equals(d.getCode())) {
      return null;
    }
    String message = d.getMessage(Locale.getDefault());
    if (FINDING.matcher(message).matches()) {
      return null;
    }
    String[] lines = message.split("\\R", -1);
    StringBuilder out = new StringBuilder();
    JavaFileObject source = d.getSource();
    if (source != null && d.getLineNumber() > 0) {
      out.append(source.getName()).append(':').append(d.getLineNumber()).append(": ");
    }
    out.append("error: ").append(lines[0]);
    String line = sourceLine(source, d.getLineNumber());
    if (line != null) {
      out.append('\n').append(line);
      if (d.getColumnNumber() > 0) {
        out.append('\n').append(" ".repeat((int) d.getColumnNumber() - 1)).append('^');
      }
    }
    for (int i = 1; i < lines.length; i++) {
      out.append('\n').append(lines[i]);
    }
    return out.toString();
  }

  /**
   * The errors of a forked javac's output in its default format: each from its {@code error:} line to
   * the next diagnostic, without the closing counts.
   */
  static List<String> fromOutput(String output) {
    List<String> errors = new ArrayList<>();
    StringBuilder current = null;
    for (String line : output.split("\\R")) {
      if (HEADER.matcher(line).matches()) {
        if (current != null) {
          errors.add(current.toString());
          current = null;
        }
        var error = ERROR.matcher(line);
        if (error.matches() && !FINDING.matcher(error.group(1)).matches()) {
          current = new StringBuilder(line);
        }
      } else if (current != null) {
        current.append('\n').append(line);
      }
    }
    if (current != null) {
      errors.add(current.toString());
    }
    return errors;
  }

  private static @Nullable String sourceLine(@Nullable JavaFileObject source, long number) {
    if (source == null || number <= 0) {
      return null;
    }
    try {
      String[] lines = source.getCharContent(true).toString().split("\\R", -1);
      return number <= lines.length ? lines[(int) number - 1] : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
