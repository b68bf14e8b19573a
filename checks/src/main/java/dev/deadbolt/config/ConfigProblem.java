package dev.deadbolt.config;

/**
 * A bad {@code -XepOpt:Deadbolt:*} value or a malformed file it names. Reported as a compile error so
 * that a typo never silently turns a check off.
 *
 * @param flag the flag as the user wrote it, e.g. {@code -XepOpt:Deadbolt:RuntimeJdk}
 * @param where the file and line at fault ({@code "blocking.txt:12"}), or empty when the value itself is
 * @param message what is wrong, in one sentence
 */
public record ConfigProblem(String flag, String where, String message) {

  public String render() {
    return where.isEmpty()
        ? "Deadbolt: bad " + flag + ": " + message
        : "Deadbolt: bad " + flag + " (" + where + "): " + message;
  }
}
