package dev.deadbolt.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class LockOrderViolationTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(LockOrderViolation.class, getClass());

  // ---- violations ----------------------------------------------------------------------------

  @Test
  public void synchronizedAgainstAClassLockOrder() {
    helper
        .addSourceLines(
            "Bank.java",
            """
            import dev.deadbolt.annotations.LockOrder;
            @LockOrder({"ledger", "accounts"})
            class Bank {
              private final Object ledger = new Object();
              private final Object accounts = new Object();
              void post() {
                synchronized (ledger) {
                  synchronized (accounts) {}
                }
              }
              void audit() {
                synchronized (accounts) {
                  // BUG: Diagnostic contains: `ledger` is acquired while `accounts` is held, but @LockOrder on Bank puts `Bank.ledger` before `Bank.accounts`
                  synchronized (ledger) {}
                }
              }
              void reentrant() {
                synchronized (ledger) {
                  synchronized (ledger) {}
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void explicitLocksWithFieldAnnotationsAndReadWriteSides() {
    helper
        .addSourceLines(
            "Registry.java",
            """
            import dev.deadbolt.annotations.*;
            import java.util.concurrent.TimeUnit;
            import java.util.concurrent.locks.*;
            class Registry {
              @AcquiredBefore("state")
              private final ReentrantLock config = new ReentrantLock();
              private final ReadWriteLock state = new ReentrantReadWriteLock();
              @AcquiredAfter("state")
              private final Lock stats = new ReentrantLock();
              void wrong() throws InterruptedException {
                state.readLock().lock();
                try {
                  // BUG: Diagnostic contains: `config` is acquired while `state.readLock()` is held, but @AcquiredBefore on Registry.config puts `Registry.config` before `Registry.state`
                  config.lock();
                  config.unlock();
                  // BUG: Diagnostic contains: @AcquiredBefore on Registry.config
                  if (config.tryLock(1, TimeUnit.SECONDS)) {
                    config.unlock();
                  }
                  // An untimed tryLock fails instead of waiting: it cannot deadlock.
                  if (config.tryLock()) {
                    config.unlock();
                  }
                  stats.lock();
                  stats.unlock();
                } finally {
                  state.readLock().unlock();
                }
              }
              void transitive() {
                stats.lock();
                try {
                  // BUG: Diagnostic contains: @AcquiredBefore on Registry.config and @AcquiredAfter on Registry.stats put `Registry.config` before `Registry.stats`
                  config.lock();
                  config.unlock();
                } finally {
                  stats.unlock();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void throughACallAndAcrossClasses() {
    helper
        .addSourceLines(
            "Ledger.java",
            """
            package com.acme;
            class Ledger {
              final Object lock = new Object();
              void append(String entry) {
                synchronized (lock) {}
              }
            }
            """)
        .addSourceLines(
            "Accounts.java",
            """
            package com.acme;
            import dev.deadbolt.annotations.LockOrder;
            @LockOrder({"com.acme.Ledger.lock", "lock"})
            class Accounts {
              final Object lock = new Object();
              private final Ledger ledger = new Ledger();
              void debit() {
                synchronized (lock) {
                  // BUG: Diagnostic contains: `Ledger.append()` acquires `Ledger.lock` while `lock` is held, but @LockOrder on Accounts puts `Ledger.lock` before `Accounts.lock`
                  ledger.append("debit");
                }
              }
              void credit() {
                ledger.append("credit");
                synchronized (lock) {}
              }
            }
            """)
        .doTest();
  }

  @Test
  public void packageInfoThisAndClassLiteralNames() {
    helper
        .addSourceLines(
            "package-info.java",
            """
            @dev.deadbolt.annotations.LockOrder({"Registry.class", "Session.this", "Session.lock"})
            package com.acme;
            """)
        .addSourceLines(
            "Registry.java",
            """
            package com.acme;
            class Registry {
              static void register(Session s) {
                synchronized (Registry.class) {
                  synchronized (s) {
                    synchronized (s.lock) {}
                  }
                }
              }
            }
            """)
        .addSourceLines(
            "Session.java",
            """
            package com.acme;
            class Session {
              final Object lock = new Object();
              synchronized void close() {
                synchronized (lock) {
                  // BUG: Diagnostic contains: `Registry.class` is acquired while `this` is held, but @LockOrder on package com.acme puts `Registry.class` before `Session.this`
                  synchronized (Registry.class) {}
                }
              }
              void reopen() {
                synchronized (lock) {
                  // BUG: Diagnostic contains: puts `Session.this` before `Session.lock`
                  synchronized (this) {}
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void reenteringAHeldMonitorIsNoViolation() {
    helper
        .addSourceLines(
            "Session.java",
            """
            import dev.deadbolt.annotations.LockOrder;
            @LockOrder({"this", "lock"})
            class Session {
              final Object lock = new Object();
              synchronized void close() {
                synchronized (lock) {
                  flush(); // re-enters this session's monitor, already held before `lock`
                }
              }
              synchronized void flush() {}
            }
            """)
        .doTest();
  }

  // ---- bad declarations ------------------------------------------------------------------------

  @Test
  public void unknownNamesAndNonLocksAreErrorsAtTheAnnotation() {
    helper
        .addSourceLines(
            "Session.java",
            """
            import dev.deadbolt.annotations.*;
            // BUG: Diagnostic contains: bad @LockOrder: "stateLok": Session has no field stateLok
            @LockOrder({"stateLok", "this"})
            class Session {
              private final Object stateLock = new Object();
              private int count;
              private final String name = "s";
              // BUG: Diagnostic contains: bad @AcquiredBefore: "count" is not a lock: it is a int
              @AcquiredBefore("count")
              private final Object a = new Object();
              // BUG: Diagnostic contains: "name" is not a lock: a java.lang.String that is neither a java.util.concurrent lock nor used by any synchronized block
              @AcquiredAfter({"name", "Nowhere.class"})
              private final Object b = new Object();
              void use() {
                synchronized (stateLock) {}
                synchronized (a) {}
                synchronized (b) {}
              }
            }
            """)
        .doTest();
  }

  @Test
  public void aCycleIsReportedOnceNamingIt() {
    helper
        .addSourceLines(
            "Cycle.java",
            """
            import dev.deadbolt.annotations.*;
            // BUG: Diagnostic contains: the declared lock order has a cycle: `Cycle.a` -> `Cycle.b` -> `Cycle.c` -> `Cycle.a` (declared by @LockOrder on Cycle, @AcquiredBefore on Cycle.c)
            @LockOrder({"a", "b", "c"})
            class Cycle {
              final Object a = new Object();
              final Object b = new Object();
              @AcquiredBefore("a")
              final Object c = new Object();
              void use() {
                synchronized (a) { synchronized (b) { synchronized (c) {} } }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void nothingDeclaredNothingReported() {
    helper
        .addSourceLines(
            "Plain.java",
            """
            class Plain {
              final Object a = new Object();
              final Object b = new Object();
              void one() { synchronized (a) { synchronized (b) {} } }
              void two() { synchronized (b) { synchronized (a) {} } }
            }
            """)
        .doTest();
  }
}
