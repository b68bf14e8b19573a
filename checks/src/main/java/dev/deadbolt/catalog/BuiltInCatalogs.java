package dev.deadbolt.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The catalogs that ship inside the Deadbolt jar, parsed once per JVM. */
public final class BuiltInCatalogs {
  /** What blocks: {@code blocking-methods.txt} beside this class. */
  public static final List<CatalogEntry> BLOCKING = load("blocking-methods.txt", true);

  /** Which methods run the lambdas passed to them before returning: {@code immediate-methods.txt}. */
  public static final List<CatalogEntry> IMMEDIATE = load("immediate-methods.txt", false);

  private BuiltInCatalogs() {}

  private static List<CatalogEntry> load(String resource, boolean reasonRequired) {
    try (InputStream in = BuiltInCatalogs.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Deadbolt jar is missing its resource " + resource);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return List.copyOf(CatalogParser.parse(text, resource, reasonRequired));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (CatalogFormatException e) {
      throw new IllegalStateException("built-in " + e.where() + ": " + e.getMessage(), e);
    }
  }
}
