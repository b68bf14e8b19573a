package dev.deadbolt.engine;

/**
 * Where each check's documentation page lives: every check's BugPattern sets {@code link = DocLinks.BASE
 * + "<Name>.md"}.
 */
public final class DocLinks {
  /** The {@code docs/checks/} folder of the Deadbolt repository. */
  public static final String BASE = "https://github.com/deadbolt-dev/deadbolt/blob/main/docs/checks/";

  private DocLinks() {}
}
