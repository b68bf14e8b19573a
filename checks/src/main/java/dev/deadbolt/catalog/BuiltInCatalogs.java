package dev.deadbolt.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The catalogs that ship inside the Deadbolt jar, each parsed when first asked for, once per JVM (javac
 * loads Deadbolt afresh for each compile, so that is once per compile): a compile whose code never
 * reaches a reactive chain or a Netty handler does not read their catalogs, and a compile without a
 * library on its class path does not read that library's blocking calls ({@link Library}).
 */
public final class BuiltInCatalogs {
  // Written and read without a lock: two threads racing would parse the same text to equal lists.
  private static volatile @Nullable List<CatalogEntry> blocking;
  private static volatile @Nullable List<CatalogEntry> immediate;
  private static volatile @Nullable List<CatalogEntry> eventLoopCallbacks;
  private static volatile @Nullable List<CatalogEntry> reactiveOperators;
  // Not an EnumMap: it reads the enum's constants reflectively, which costs a cold compile a millisecond.
  private static final Map<Library, List<CatalogEntry>> libraries = new HashMap<>();

  private BuiltInCatalogs() {}

  /** What blocks in the JDK: {@code blocking-methods.txt} beside this class. */
  public static List<CatalogEntry> blocking() {
    List<CatalogEntry> entries = blocking;
    if (entries == null) {
      blocking = entries = load("blocking-methods.txt", true);
    }
    return entries;
  }

  /** Which methods run the lambdas passed to them before returning: {@code immediate-methods.txt}. */
  public static List<CatalogEntry> immediate() {
    List<CatalogEntry> entries = immediate;
    if (entries == null) {
      immediate = entries = load("immediate-methods.txt", false);
    }
    return entries;
  }

  /** Framework methods that run on an event loop when called: {@code event-loop-callbacks.txt}. */
  public static List<CatalogEntry> eventLoopCallbacks() {
    List<CatalogEntry> entries = eventLoopCallbacks;
    if (entries == null) {
      eventLoopCallbacks = entries = load("event-loop-callbacks.txt", true);
    }
    return entries;
  }

  /**
   * Reactor and RxJava methods whose lambdas run on the thread that signals the stream: {@code
   * reactive-operators.txt}.
   */
  public static List<CatalogEntry> reactiveOperators() {
    List<CatalogEntry> entries = reactiveOperators;
    if (entries == null) {
      reactiveOperators = entries = load("reactive-operators.txt", true);
    }
    return entries;
  }

  /**
   * What blocks in {@code library}: its file under {@code libraries/}, for a compile whose class path
   * has the library.
   */
  public static synchronized List<CatalogEntry> library(Library library) {
    List<CatalogEntry> entries = libraries.get(library);
    if (entries == null) {
      entries = load(library.resource(), true);
      libraries.put(library, entries);
    }
    return entries;
  }

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
