package dev.deadbolt.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/**
 * A subclass of one of the JDK's lock classes: {@code lock()} written without a receiver, and helpers
 * that take the lock and return it, released by {@code close()} in a try-with-resources.
 */
@RunWith(JUnit4.class)
public class InheritedLockCallsTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(BlockingCallUnderLock.class, getClass());

  private static final String GUARD =
      """
      import java.util.concurrent.locks.ReentrantLock;
      class Guard extends ReentrantLock implements AutoCloseable {
        Guard acquire() {
          this.lock();
          return this;
        }
        @Override
        public void close() {
          unlock();
        }
      }
      """;

  @Test
  public void aHelperThatLocksAndReturnsItselfOpensARegionUntilClose() {
    helper
        .addSourceLines("Guard.java", GUARD)
        .addSourceLines(
            "Account.java",
            """
            import java.io.IOException;
            import java.io.OutputStream;
            class Account {
              private final Guard guard = new Guard();
              private int balance;
              void publish(OutputStream out) throws IOException {
                // BUG: Diagnostic contains: `guard` is held across a blocking call: `OutputStream.write()`
                try (Guard held = guard.acquire()) {
                  out.write(balance);
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void theResourceIsClosedBeforeTheCallAfterTheTry() {
    helper
        .addSourceLines("Guard.java", GUARD)
        .addSourceLines(
            "Account.java",
            """
            import java.io.IOException;
            import java.io.OutputStream;
            class Account {
              private final Guard guard = new Guard();
              private int balance;
              void publish(OutputStream out) throws IOException {
                int snapshot;
                try (Guard held = guard.acquire()) {
                  snapshot = balance;
                }
                out.write(snapshot);
              }
              void publishOrSkip(OutputStream out) throws IOException {
                // A tryLock tested in place: the body is read by the dataflow, whose graph closes the
                // resource where the try ends.
                if (guard.tryLock()) {
                  guard.unlock();
                }
                int snapshot;
                try (Guard held = guard.acquire()) {
                  snapshot = balance;
                } catch (IllegalStateException e) {
                  out.write(-1);
                  return;
                }
                out.write(snapshot);
              }
            }
            """)
        .doTest();
  }

  @Test
  public void aHelperThatDoesMoreThanLockIsNotOne() {
    helper
        .addSourceLines(
            "Counter.java",
            """
            import java.util.concurrent.locks.ReentrantLock;
            class Counter extends ReentrantLock implements AutoCloseable {
              private int opened;
              Counter enter() {
                lock();
                try {
                  opened++;
                } finally {
                  unlock();
                }
                return this;
              }
              @Override
              public void close() {}
            }
            """)
        .addSourceLines(
            "Meter.java",
            """
            class Meter {
              private final Counter counter = new Counter();
              void tick() throws InterruptedException {
                try (Counter entered = counter.enter()) {
                  Thread.sleep(10);
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void aReentrantLockSubclassLockingItself() {
    helper
        .addSourceLines(
            "Gate.java",
            """
            import java.util.concurrent.locks.ReentrantLock;
            class Gate extends ReentrantLock {
              void pass() throws InterruptedException {
                // BUG: Diagnostic contains: `this` is held across a blocking call: `Thread.sleep()` sleeps the thread (line 7); `this` is held across blocking calls in `passInterruptibly()` (line 13) too
                lock();
                try {
                  Thread.sleep(10);
                } finally {
                  unlock();
                }
              }
              void passInterruptibly() throws InterruptedException {
                lockInterruptibly();
                try {
                  Thread.sleep(10);
                } finally {
                  unlock();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void anInnerClassLocksItsOuterInstance() {
    helper
        .addSourceLines(
            "Gate.java",
            """
            import java.util.concurrent.locks.ReentrantLock;
            class Gate extends ReentrantLock {
              class Visitor {
                void visit() throws InterruptedException {
                  // BUG: Diagnostic contains: `Gate.this` is held across a blocking call
                  lock();
                  try {
                    Thread.sleep(10);
                  } finally {
                    unlock();
                  }
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void releasedBeforeTheBlockingCall() {
    helper
        .addSourceLines(
            "Gate.java",
            """
            import java.util.concurrent.locks.ReentrantLock;
            class Gate extends ReentrantLock {
              private int passed;
              void pass() throws InterruptedException {
                lock();
                try {
                  passed++;
                } finally {
                  unlock();
                }
                Thread.sleep(10);
              }
              boolean tryPass() throws InterruptedException {
                if (!tryLock()) {
                  Thread.sleep(10);
                  return false;
                }
                try {
                  passed++;
                  return true;
                } finally {
                  unlock();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void aClassThatImplementsLockItselfIsItsOwnBusiness() {
    helper
        .addSourceLines(
            "Latch.java",
            """
            import java.util.concurrent.TimeUnit;
            import java.util.concurrent.locks.Condition;
            import java.util.concurrent.locks.Lock;
            class Latch implements Lock {
              private volatile boolean held;
              @Override
              public void lock() {
                while (!tryLock()) {
                  Thread.onSpinWait();
                }
              }
              @Override
              public void lockInterruptibly() throws InterruptedException {
                lock();
                Thread.sleep(0);
                unlock();
              }
              @Override
              public boolean tryLock() {
                return !held && (held = true);
              }
              @Override
              public boolean tryLock(long time, TimeUnit unit) {
                return tryLock();
              }
              @Override
              public void unlock() {
                held = false;
              }
              @Override
              public Condition newCondition() {
                throw new UnsupportedOperationException();
              }
            }
            """)
        .doTest();
  }
}
