package dev.deadbolt.analysis;

import static com.google.common.truth.Truth.assertThat;

import dev.deadbolt.catalog.BuiltInCatalogs;
import dev.deadbolt.catalog.CatalogEntry;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/**
 * The reactive and event-loop catalogs are read only in compiles whose class path has the library
 * they describe, judged by a few type names in the code; these hold the catalogs to those names, so
 * that a line added for another library is not silently skipped.
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
}
