package dev.deadbolt.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/** {@code lock()} written without a receiver inside a subclass of one of the JDK's lock classes. */
@RunWith(JUnit4.class)
public class InheritedLockCallsTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(BlockingCallUnderLock.class, getClass());

  @Test
  public void aReentrantLockSubclassLockingItself() {
    helper
        .addSourceLines(
            "Gate.java",
            """
            import java.util.concurrent.locks.ReentrantLock;
            class Gate extends ReentrantLock {
              void pass() throws InterruptedException {
                // BUG: Diagnostic contains: `this` is held across a blocking call: `Thread.sleep()`
                lock();
                try {
                  Thread.sleep(10);
                } finally {
                  unlock();
                }
              }
              void passInterruptibly() throws InterruptedException {
                // BUG: Diagnostic contains: `this` is held across a blocking call: `Thread.sleep()`
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
