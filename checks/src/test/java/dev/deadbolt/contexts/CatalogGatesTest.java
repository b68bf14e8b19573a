package dev.deadbolt.contexts;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.deadbolt.catalog.BuiltInCatalogs;
import dev.deadbolt.catalog.CatalogEntry;
import java.io.File;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/**
 * The reactive and event-loop catalogs, and each library's blocking calls, are read only in compiles
 * whose class path has the library they describe, judged by a few type names in the code; these hold
 * the catalogs to those names, so that a line added for another library is not silently skipped.
 */
@RunWith(JUnit4.class)
public class CatalogGatesTest {
  @Test
  public void everyReactiveOperatorTypeIsAPublisherTheGateLooksFor() {
    for (CatalogEntry entry : BuiltInCatalogs.reactiveOperators()) {
      assertThat(ReactiveOperators.publisherTypes()).contains(entry.pattern().type());
    }
  }

  @Test
  public void everyEventLoopCallbackTypeIsNettys() {
    for (CatalogEntry entry : BuiltInCatalogs.eventLoopCallbacks()) {
      assertThat(entry.pattern().type()).startsWith("io.netty.");
    }
  }

  @Test
  public void everyTypeALibraryFileNamesIsInThatLibrarysPackages() {
    for (String file : BuiltInCatalogs.libraryFiles()) {
      List<String> packages = BuiltInCatalogs.libraryPackages(file);
      List<String> used = new ArrayList<>();
      for (CatalogEntry entry : BuiltInCatalogs.library(file)) {
        String packageName = packageOf(entry.pattern().type());
        assertWithMessage(entry.source() + " is not in " + packages).that(packages).contains(packageName);
        used.add(packageName);
      }
      // A package no line names would read the file in compiles that cannot use it.
      assertThat(used).containsAtLeastElementsIn(packages);
    }
  }

  @Test
  public void everyLibraryFileHasItsLibrary() throws Exception {
    for (String file : libraryResources()) {
      assertThat(BuiltInCatalogs.libraryFiles()).contains(file.replace(".txt", ""));
    }
  }

  /**
   * The files under {@code libraries/} beside BuiltInCatalogs, in a directory (the main build's classes)
   * or a jar (the compatibility build tests the jar).
   */
  private static List<String> libraryResources() throws Exception {
    URL kafka = BuiltInCatalogs.class.getResource("libraries/kafka.txt");
    List<String> files = new ArrayList<>();
    if (kafka.getProtocol().equals("jar")) {
      JarURLConnection connection = (JarURLConnection) kafka.openConnection();
      connection.setUseCaches(false);
      String prefix = connection.getEntryName().replace("kafka.txt", "");
      try (JarFile jar = connection.getJarFile()) {
        for (JarEntry entry : Collections.list(jar.entries())) {
          if (entry.getName().startsWith(prefix) && entry.getName().endsWith(".txt")) {
            files.add(entry.getName().substring(prefix.length()));
          }
        }
      }
    } else {
      files.addAll(Arrays.asList(new File(kafka.toURI()).getParentFile().list()));
    }
    assertThat(files).contains("kafka.txt");
    return files;
  }

  @Test
  public void theJdkCatalogNamesOnlyTheJdk() {
    for (CatalogEntry entry : BuiltInCatalogs.blocking()) {
      assertThat(entry.pattern().type()).matches("(java|javax)\\..*");
    }
  }

  /** The package of a type named as a catalog names it: the segments before the first capitalized one. */
  private static String packageOf(String type) {
    String[] segments = type.split("\\.");
    StringBuilder packageName = new StringBuilder();
    for (String segment : segments) {
      if (Character.isUpperCase(segment.charAt(0))) {
        break;
      }
      packageName.append(packageName.length() == 0 ? "" : ".").append(segment);
    }
    return packageName.toString();
  }
}
