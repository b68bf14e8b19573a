package dev.deadbolt.checks;

import static com.google.common.truth.Truth.assertThat;

import com.google.errorprone.CompilationTestHelper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class LockOrderInversionTest {
  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(LockOrderInversion.class, getClass());

  @Test
  public void oppositeOrdersInTwoMethodsAreBothReportedNamingTheOther() {
    helper
        .addSourceLines(
            "Cache.java",
            """
            import java.util.concurrent.locks.*;
            class Cache {
              private final Object segment = new Object();
              private final ReentrantLock lru = new ReentrantLock();
              void put() {
                synchronized (segment) {
                  // BUG: Diagnostic contains: `Cache.lru` is acquired while `Cache.segment` is held, but Cache.evict() (Cache.java:16) acquires them in the opposite order
                  lru.lock();
                  lru.unlock();
                }
              }
              void evict() {
                lru.lock();
                try {
                  // BUG: Diagnostic contains: but Cache.put() (Cache.java:8) acquires them in the opposite order
                  synchronized (segment) {}
                } finally {
                  lru.unlock();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void throughACallAndAcrossFiles() {
    helper
        .addSourceLines(
            "Pool.java",
            """
            class Pool {
              final Object lock = new Object();
              void release(Connection c) {
                synchronized (lock) {
                  // BUG: Diagnostic contains: `Connection.markIdle()` acquires `Connection.lock` while `Pool.lock` is held, but Connection.close() (Connection.java:6)
                  c.markIdle();
                }
              }
            }
            """)
        .addSourceLines(
            "Connection.java",
            """
            class Connection {
              final Object lock = new Object();
              void close(Pool pool) {
                synchronized (lock) {
                  // BUG: Diagnostic contains: but Pool.release() (Pool.java:6) acquires them in the opposite order
                  synchronized (pool.lock) {}
                }
              }
              void markIdle() {
                synchronized (lock) {}
              }
            }
            """)
        .doTest();
  }

  @Test
  public void twoLocksOfTheSameDeclarationNestedUnlessOrdered() {
    helper
        .addSourceLines(
            "Account.java",
            """
            class Account {
              final Object lock = new Object();
              final long id = 0;
              long balance;
              static void transfer(Account from, Account to, long amount) {
                synchronized (from.lock) {
                  // BUG: Diagnostic contains: `to.lock` is acquired while `from.lock` is held and both are `Account.lock`
                  synchronized (to.lock) {
                    from.balance -= amount;
                    to.balance += amount;
                  }
                }
              }
              static void orderedTransfer(Account from, Account to, long amount) {
                Account first = from.id < to.id ? from : to;
                Account second = first == from ? to : from;
                synchronized (first.lock) {
                  synchronized (second.lock) {
                    from.balance -= amount;
                    to.balance += amount;
                  }
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void consistentOrderTryLockAndDeclaredPairsAreNotInversions() {
    helper
        .addSourceLines(
            "Consistent.java",
            """
            import dev.deadbolt.annotations.LockOrder;
            import java.util.concurrent.locks.*;
            @LockOrder({"first", "second"})
            class Consistent {
              final Object a = new Object();
              final Object b = new Object();
              final ReentrantLock c = new ReentrantLock();
              final Object first = new Object();
              final Object second = new Object();
              void one() { synchronized (a) { synchronized (b) {} } }
              void two() { synchronized (a) { synchronized (b) {} } }
              void three() {
                synchronized (b) {
                  if (c.tryLock()) { c.unlock(); }
                }
              }
              void four() {
                c.lock();
                try { synchronized (b) {} } finally { c.unlock(); }
              }
              // Declared: LockOrderViolation reports the wrong one, not this check.
              void five() { synchronized (first) { synchronized (second) {} } }
              void six() { synchronized (second) { synchronized (first) {} } }
              synchronized void seven() { eight(); }
              synchronized void eight() {}
            }
            """)
        .doTest();
  }

  @Test
  public void reportDirReceivesTheObservedEdges() throws Exception {
    Path dir = temp.newFolder("report").toPath();
    helper
        .setArgs("-XepOpt:Deadbolt:ReportDir=" + dir)
        .addSourceLines(
            "Edges.java",
            """
            class Edges {
              final Object a = new Object();
              final Object b = new Object();
              void one() { synchronized (a) { synchronized (b) {} } }
            }
            """)
        .doTest();
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files =
          listing.filter(f -> f.getFileName().toString().startsWith("lock-edges-")).toList();
    }
    assertThat(files).hasSize(1);
    assertThat(files.get(0).getFileName().toString()).matches("lock-edges-[0-9a-f-]+\\.jsonl");
    List<String> lines = Files.readAllLines(files.get(0), StandardCharsets.UTF_8);
    assertThat(lines.get(0)).isEqualTo("{\"format\":\"deadbolt-lock-edges\",\"version\":1}");
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).startsWith("{\"held\":\"Edges.a\",\"acquired\":\"Edges.b\",\"file\":\"");
    assertThat(lines.get(1)).endsWith("Edges.java\",\"line\":4,\"method\":\"Edges.one()\"}");
  }
}
