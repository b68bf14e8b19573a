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

  /** Framework methods that run on an event loop when called: {@code event-loop-callbacks.txt}. */
  public static final List<CatalogEntry> EVENT_LOOP_CALLBACKS = load("event-loop-callbacks.txt", true);

  /**
   * Reactor and RxJava methods whose lambdas run on the thread that signals the stream: {@code
   * reactive-operators.txt}.
   */
  public static final List<CatalogEntry> REACTIVE_OPERATORS = load("reactive-operators.txt", true);

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
