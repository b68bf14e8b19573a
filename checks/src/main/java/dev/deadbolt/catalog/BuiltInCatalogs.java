package dev.deadbolt.catalog;

import com.sun.tools.javac.code.Symtab;
import com.sun.tools.javac.util.Names;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The catalogs that ship inside the Deadbolt jar, each parsed when first asked for, once per JVM (javac
 * loads Deadbolt afresh for each compile, so that is once per compile): a compile whose code never
 * reaches a reactive chain or a Netty handler does not read their catalogs, and a compile that has not
 * met a library does not read that library's blocking calls ({@link #LIBRARIES}).
 */
public final class BuiltInCatalogs {
  // Written and read without a lock: two threads racing would parse the same text to equal lists.
  private static volatile @Nullable List<CatalogEntry> blocking;
  private static volatile @Nullable List<CatalogEntry> immediate;
  private static volatile @Nullable List<CatalogEntry> eventLoopCallbacks;
  private static volatile @Nullable List<CatalogEntry> reactiveOperators;
  private static final Map<String, List<CatalogEntry>> libraries = new HashMap<>();

  /**
   * The libraries whose blocking calls Deadbolt knows: each row is a catalog file under {@code
   * libraries/} and the packages of the types its lines name (a test holds each file to its row). A
   * file is read only in a compile whose symbol table has one of its packages: javac enters the package
   * of every class it reads, a call's receiver and its supertypes among them, so a line can match a
   * call only in a compile that knows its package, and asking for a package costs next to nothing,
   * where looking a missing type up costs a cold compile tens of microseconds. A compile without
   * Spring never parses Spring's lines. (javac enters a package's parents with it: a compile with
   * {@code io.reactivex.rxjava3.core} also reads the few lines of RxJava 2, gated on {@code
   * io.reactivex}.) Kept as data in this class, not as an enum of its own, whose
   * loading alone cost every compile half a millisecond.
   */
  private static final String[][] LIBRARIES = {
      {
        "spring-jdbc",
        "org.springframework.jdbc.core",
        "org.springframework.jdbc.core.namedparam",
        "org.springframework.jdbc.core.simple"
      },
      {"spring-tx", "org.springframework.transaction"},
      {
        "spring-web",
        "org.springframework.web.client",
        "org.springframework.http.converter",
        "org.springframework.http.server"
      },
      {"spring-jms", "org.springframework.jms.core"},
      {"spring-data", "org.springframework.data.repository"},
      {"kafka", "org.apache.kafka.clients.producer", "org.apache.kafka.clients.consumer"},
      {"jms-javax", "javax.jms"},
      {"jms-jakarta", "jakarta.jms"},
      {"grpc", "io.grpc.stub", "io.grpc"},
      {"okhttp", "okhttp3"},
      {"retrofit", "retrofit2"},
      {"httpclient4", "org.apache.http.client", "org.apache.http.util"},
      {"httpclient5", "org.apache.hc.client5.http.classic", "org.apache.hc.core5.http.io.entity"},
      {"jedis", "redis.clients.jedis.commands", "redis.clients.jedis", "redis.clients.jedis.util"},
      {
        "lettuce",
        "io.lettuce.core.api.sync",
        "io.lettuce.core.cluster.api.sync",
        "io.lettuce.core",
        "io.lettuce.core.cluster"
      },
      {"jpa-jakarta", "jakarta.persistence"},
      {"redisson", "org.redisson.api"},
      {"hibernate", "org.hibernate", "org.hibernate.query"},
      {
        "cassandra",
        "com.datastax.oss.driver.api.core.cql",
        "com.datastax.oss.driver.api.core.session"
      },
      {"aws-sdk", "software.amazon.awssdk.core", "software.amazon.awssdk.awscore"},
      {"mongodb", "com.mongodb.client"},
      {"elasticsearch-rest", "org.elasticsearch.client"},
      {"elasticsearch-java", "co.elastic.clients"},
      {"zookeeper", "org.apache.zookeeper"},
      {"guava", "com.google.common.util.concurrent"},
      {"reactor", "reactor.core.publisher"},
      {"rxjava3", "io.reactivex.rxjava3.core"},
      {"rxjava2", "io.reactivex"},
      {"netty", "io.netty.util.concurrent"},
  };

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
   * What blocks in the libraries this compile has met: the files of {@link #LIBRARIES} one of whose
   * packages {@code symbols} has entered.
   */
  public static List<CatalogEntry> librariesKnownTo(Symtab symbols, Names names) {
    List<CatalogEntry> entries = new ArrayList<>();
    for (String[] library : LIBRARIES) {
      for (int i = 1; i < library.length; i++) {
        if (symbols.getPackagesForName(names.fromString(library[i])).iterator().hasNext()) {
          entries.addAll(library(library[0]));
          break;
        }
      }
    }
    return entries;
  }

  /** The names of the library files, for tests. */
  public static List<String> libraryFiles() {
    List<String> files = new ArrayList<>();
    for (String[] library : LIBRARIES) {
      files.add(library[0]);
    }
    return files;
  }

  /** The packages that gate {@code file}'s library, for tests. */
  public static List<String> libraryPackages(String file) {
    for (String[] library : LIBRARIES) {
      if (library[0].equals(file)) {
        return List.of(library).subList(1, library.length);
      }
    }
    throw new IllegalArgumentException("no library file " + file);
  }

  /** What blocks in one library: {@code libraries/<file>.txt}. */
  public static synchronized List<CatalogEntry> library(String file) {
    List<CatalogEntry> entries = libraries.get(file);
    if (entries == null) {
      entries = load("libraries/" + file + ".txt", true);
      libraries.put(file, entries);
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
