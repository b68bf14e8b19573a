package dev.deadbolt.catalog;

/** A catalog line that does not parse; {@link #where()} is {@code file:line}. */
public final class CatalogFormatException extends Exception {
  private final String where;

  public CatalogFormatException(String where, String message) {
    super(message);
    this.where = where;
  }

  public String where() {
    return where;
  }
}
