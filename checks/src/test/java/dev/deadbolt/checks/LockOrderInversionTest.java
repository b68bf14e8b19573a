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
  public void oppositeOrdersInTwoMethodsAreReportedOnceAtTheFirstNamingTheOther() {
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
                  // BUG: Diagnostic contains: `Cache.lru` is acquired while `Cache.segment` is held, but Cache.evict() (Cache.java:15) acquires them in the opposite order
                  lru.lock();
                  lru.unlock();
                }
              }
              void evict() {
                lru.lock();
                try {
                  synchronized (segment) {}
                } finally {
                  lru.unlock();
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * The lock order reads later files before javac's flow analysis has marked their locals effectively
   * final: an alias of a lock in a local must be understood there all the same.
   */
  @Test
  public void aLockAliasedByALocalInAFileReadEarly() {
    helper
        .addSourceLines(
            "Accounts.java",
            """
            class Accounts {
              final Object ledger = new Object();
              final Object journal = new Object();
              void post() {
                synchronized (ledger) {
                  // BUG: Diagnostic contains: `Accounts.journal` is acquired while `Accounts.ledger` is held, but Audit.replay() (Audit.java:5)
                  synchronized (journal) {}
                }
              }
            }
            """)
        .addSourceLines(
            "Audit.java",
            """
            class Audit {
              void replay(Accounts accounts) {
                Object journal = accounts.journal;
                synchronized (journal) {
                  synchronized (accounts.ledger) {}
                }
              }
            }
            """)
        .doTest();
  }

  /** Anchored in the file that sorts first, whichever the compiler analyses first. */
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
                  // BUG: Diagnostic contains: `Pool.lock` is acquired while `Connection.lock` is held, but Pool.release() (Pool.java:5) acquires them in the opposite order
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
  public void reenteringAHeldMonitorThroughASynchronizedMethodIsNoAcquisition() {
    helper
        .addSourceLines(
            "Pool.java",
            """
            class Pool {
              private final Object lock = new Object();
              private final Registry owner;
              Pool(Registry owner) { this.owner = owner; }
              synchronized void close() {
                synchronized (lock) {
                  drain(); // re-enters this pool's monitor: no `lock` -> `Pool.this`
                }
              }
              synchronized void drain() {
                owner.drained();
              }
              void shutdown() {
                synchronized (this) {
                  close();
                }
              }
            }
            """)
        .addSourceLines(
            "Registry.java",
            """
            class Registry {
              private final Pool pool = new Pool(this);
              void flush() {
                synchronized (pool) {
                  pool.drain(); // re-enters the monitor of `pool`: no `Registry.pool` -> `Pool.this`
                }
              }
              void drained() {
                synchronized (pool) {}
              }
            }
            """)
        .doTest();
  }

  @Test
  public void reenteringAHeldReentrantLockIsNoAcquisition() {
    helper
        .addSourceLines(
            "Cache.java",
            """
            import java.util.concurrent.locks.*;
            class Cache {
              private final ReentrantLock lock = new ReentrantLock();
              private final Object segment = new Object();
              void put() {
                lock.lock();
                try {
                  synchronized (segment) {
                    evictLocked();
                  }
                } finally {
                  lock.unlock();
                }
              }
              void evictLocked() {
                lock.lock();
                try {
                  segmentCount();
                } finally {
                  lock.unlock();
                }
              }
              void segmentCount() {}
              void direct() {
                lock.lock();
                try {
                  synchronized (segment) {
                    lock.lock();
                    lock.unlock();
                  }
                } finally {
                  lock.unlock();
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A cycle through a re-entered lock is still a cycle, reported once for the whole compilation: at
   * the first site of either order (Pool.java sorts first), naming the first of the other order at the
   * line of its call, and counting the rest.
   */
  @Test
  public void aCycleThroughAReenteredLockIsReportedOnceAcrossFiles() {
    helper
        .addSourceLines(
            "Pool.java",
            """
            class Pool {
              public void close() {
                synchronized (this) {
                  // BUG: Diagnostic contains: `Registry.remove()` acquires `Registry.registryMap` while `Pool.this` is held (as does 1 more site), but Registry.close() (Registry.java:8) and 1 more site acquire them in the opposite order: two threads running both can deadlock
                  Registry.remove(this);
                }
              }
              void shutdown() {
                synchronized (this) {
                  close();
                }
              }
            }
            """)
        .addSourceLines(
            "Registry.java",
            """
            import java.util.*;
            class Registry {
              static final Map<String, Pool> registryMap = new HashMap<>();
              static void close() {
                synchronized (registryMap) {
                  for (Pool p : registryMap.values()) {
                    p
                        .close();
                  }
                }
              }
              static void closeIdle() {
                synchronized (registryMap) {
                  for (Pool p : registryMap.values()) p.close();
                }
              }
              static void remove(Pool p) {
                synchronized (registryMap) {
                  registryMap.values().remove(p);
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void aCycleThroughAReenteredReentrantLock() {
    helper
        .addSourceLines(
            "Ledger.java",
            """
            import java.util.concurrent.locks.*;
            class Ledger {
              final ReentrantLock lock = new ReentrantLock();
              final Object journal = new Object();
              void post() {
                lock.lock();
                try {
                  // BUG: Diagnostic contains: `append()` acquires `Ledger.journal` while `Ledger.lock` is held (as does 1 more site), but Ledger.flush() (Ledger.java:24) acquires them in the opposite order
                  append();
                } finally {
                  lock.unlock();
                }
              }
              void append() {
                lock.lock();
                try {
                  synchronized (journal) {}
                } finally {
                  lock.unlock();
                }
              }
              void flush() {
                synchronized (journal) {
                  lock.lock();
                  lock.unlock();
                }
              }
            }
            """)
        .doTest();
  }

  /** {@code c ? a : b} as a lock is {@code a} or {@code b}: an edge for each, none for the whole. */
  @Test
  public void aConditionalLockStandsForEachOperand() {
    helper
        .addSourceLines(
            "Transfer.java",
            """
            class Transfer {
              final Object left = new Object();
              final Object right = new Object();
              final Object audit = new Object();
              final Object log = new Object();
              void move(boolean toLeft) {
                synchronized (toLeft ? left : right) {
                  // BUG: Diagnostic contains: `Transfer.audit` is acquired while `Transfer.right` is held, but Transfer.check() (Transfer.java:14)
                  synchronized (audit) {}
                }
              }
              void check() {
                synchronized (audit) {
                  synchronized (right) {}
                }
              }
              void record(boolean toLeft) {
                final Object side = toLeft ? left : right;
                synchronized (log) {
                  // BUG: Diagnostic contains: `Transfer.left` is acquired while `Transfer.log` is held, but Transfer.rotate() (Transfer.java:26)
                  synchronized (side) {}
                }
              }
              void rotate() {
                synchronized (left) {
                  synchronized (log) {}
                }
              }
              void either(boolean toLeft) {
                synchronized (left) {
                  synchronized (toLeft ? left : right) {} // `left` re-entered, or `right` taken
                }
              }
            }
            """)
        .doTest();
  }

  /** Counted, not matched by line: two findings on one line would pass a line's marker. */
  @Test
  public void onePairIsOneFindingEvenWhenTwoHeldLocksShareADeclaration() {
    JavacWithPlugin.Result result =
        JavacWithPlugin.compileWith(
            LockOrderInversion.class,
            "Account",
            """
            class Account {
              final Object lock = new Object();
              static final Object audit = new Object();
              static void transfer(Account from, Account to) {
                synchronized (from.lock) {
                  synchronized (to.lock) {
                    synchronized (audit) {}
                  }
                }
              }
              static void review(Account a) {
                synchronized (audit) {
                  synchronized (a.lock) {}
                }
              }
            }
            """,
            "-XDcompilePolicy=simple --should-stop=ifError=FLOW");
    assertThat(result.succeeded()).isTrue();
    assertThat(result.lines()).containsExactly(6L, 7L).inOrder();
    assertThat(result.diagnostics().get(0)).contains("both are `Account.lock`");
    assertThat(result.diagnostics().get(1))
        .contains(
            "`Account.audit` is acquired while `Account.lock` is held, but Account.review()"
                + " (Account.java:13) acquires them in the opposite order");
  }

  @Test
  public void locksAreNamedAsTheCodeNamesThem() {
    helper
        .addSourceLines(
            "Account.java",
            """
            import java.util.List;
            class Account {
              final Object lock = new Object();
              static void swap(List<Account> accounts, int i, int j) {
                final Account a = accounts.get(i);
                final Account b = accounts.get(j);
                synchronized (a.lock) {
                  // BUG: Diagnostic contains: `b.lock` is acquired while `a.lock` is held and both are `Account.lock`
                  synchronized (b.lock) {}
                }
              }
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
    assertThat(lines.get(0)).isEqualTo("{\"format\":\"deadbolt-lock-edges\",\"version\":2}");
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).startsWith("{\"held\":\"Edges.a\",\"acquired\":\"Edges.b\",\"file\":\"");
    assertThat(lines.get(1)).endsWith("Edges.java\",\"line\":4,\"method\":\"Edges.one()\"}");
  }

  /** The declared order goes beside the observed edges, marked, at the declaration's line. */
  @Test
  public void reportDirReceivesTheDeclaredOrderToo() throws Exception {
    Path dir = temp.newFolder("declared").toPath();
    helper
        .setArgs("-XepOpt:Deadbolt:ReportDir=" + dir)
        .addSourceLines(
            "Ordered.java",
            """
            import dev.deadbolt.annotations.LockOrder;
            @LockOrder({"first", "second"})
            class Ordered {
              final Object first = new Object();
              final Object second = new Object();
              void both() { synchronized (first) { synchronized (second) {} } }
            }
            """)
        .doTest();
    List<String> lines;
    try (Stream<Path> listing = Files.list(dir)) {
      Path file =
          listing.filter(f -> f.getFileName().toString().startsWith("lock-edges-")).findFirst().orElseThrow();
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    }
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1)).startsWith("{\"held\":\"Ordered.first\",\"acquired\":\"Ordered.second\"");
    assertThat(lines.get(2))
        .startsWith("{\"declared\":true,\"held\":\"Ordered.first\",\"acquired\":\"Ordered.second\"");
    assertThat(lines.get(2)).endsWith("Ordered.java\",\"line\":3,\"method\":\"@LockOrder\"}");
  }
}
