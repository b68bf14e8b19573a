package dev.deadbolt.maven;

import static com.google.common.truth.Truth.assertThat;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class CheckCatalogTest {
  @Test
  public void readsTheChecksJar() {
    CheckCatalog catalog = CheckCatalog.load(getClass().getClassLoader());
    assertThat(catalog.all().size()).isAtLeast(14);
    CheckCatalog.Check blocking = catalog.get("BlockingCallUnderLock");
    assertThat(blocking.summary()).isEqualTo("A blocking call is made while a lock is held");
    assertThat(blocking.link()).endsWith("/docs/checks/BlockingCallUnderLock.md");
    assertThat(catalog.onByDefault()).contains("LockOrderInversion");
    assertThat(catalog.onByDefault()).containsNoneOf("ShutdownNowResultIgnored", "LoopIgnoresInterrupt");
  }
}
