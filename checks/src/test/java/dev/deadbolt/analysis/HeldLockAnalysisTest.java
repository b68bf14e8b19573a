package dev.deadbolt.analysis;

import static dev.deadbolt.JavaFeatures.assumeJdk;

import com.google.errorprone.CompilationTestHelper;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/** What the held-lock analysis computes, printed by {@link HeldLocksPrinter} at each checkpoint(). */
@RunWith(JUnit4.class)
public class HeldLockAnalysisTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(HeldLocksPrinter.class, getClass());

  @Test
  public void monitors() {
    helper
        .addSourceLines(
            "Monitors.java",
            "class Monitors {",
            "  static void checkpoint() {}",
            "  private final Object guard = new Object();",
            "  void block() {",
            "    // BUG: Diagnostic contains: held=[]",
            "    checkpoint();",
            "    synchronized (guard) {",
            "      // BUG: Diagnostic contains: held=[guard]",
            "      checkpoint();",
            "      synchronized (this) {",
            "        // BUG: Diagnostic contains: held=[guard, this]",
            "        checkpoint();",
            "      }",
            "    }",
            "    // BUG: Diagnostic contains: held=[]",
            "    checkpoint();",
            "  }",
            "  synchronized void method() {",
            "    // BUG: Diagnostic contains: held=[this]",
            "    checkpoint();",
            "  }",
            "  static synchronized void staticMethod() {",
            "    // BUG: Diagnostic contains: held=[Monitors.class]",
            "    checkpoint();",
            "  }",
            "  void classLiteral() {",
            "    synchronized (Monitors.class) {",
            "      // BUG: Diagnostic contains: held=[Monitors.class]",
            "      checkpoint();",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  public void monitorNotHeldInOuterCatchAfterExceptionalExit() {
    helper
        .addSourceLines(
            "Exits.java",
            "class Exits {",
            "  static void checkpoint() {}",
            "  void io() throws java.io.IOException {}",
            "  void run() {",
            "    try {",
            "      synchronized (this) {",
            "        io();",
            "      }",
            "    } catch (java.io.IOException e) {",
            "      // BUG: Diagnostic contains: held=[]",
            "      checkpoint();",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  public void explicitLocks() {
    helper
        .addSourceLines(
            "Explicit.java",
            "import java.util.concurrent.locks.*;",
            "class Explicit {",
            "  static void checkpoint() {}",
            "  private final Lock lock = new ReentrantLock();",
            "  void canonical() {",
            "    lock.lock();",
            "    try {",
            "      // BUG: Diagnostic contains: held=[lock]",
            "      checkpoint();",
            "    } finally {",
            "      lock.unlock();",
            "    }",
            "    // BUG: Diagnostic contains: held=[]",
            "    checkpoint();",
            "  }",
            "  void interruptibly() throws InterruptedException {",
            "    this.lock.lockInterruptibly();",
            "    try {",
            "      // BUG: Diagnostic contains: held=[lock]",
            "      checkpoint();",
            "    } finally {",
            "      lock.unlock();",
            "    }",
            "  }",
            "  void releasedBeforeTheCall() {",
            "    lock.lock();",
            "    int snapshot;",
            "    try {",
            "      snapshot = 1;",
            "    } finally {",
            "      lock.unlock();",
            "    }",
            "    // BUG: Diagnostic contains: held=[]",
            "    checkpoint();",
            "  }",
            "  void onlyOnOnePath(boolean b) {",
            "    if (b) {",
            "      lock.lock();",
            "    }",
            "    // BUG: Diagnostic contains: held=[]",
            "    checkpoint();",
            "  }",
            "  void inALoop(int n) {",
            "    for (int i = 0; i < n; i++) {",
            "      lock.lock();",
            "      try {",
            "        // BUG: Diagnostic contains: held=[lock]",
            "        checkpoint();",
            "      } finally {",
            "        lock.unlock();",
            "      }",
            "    }",
            "  }",
            "  void localAlias() {",
            "    Lock l = this.lock;",
            "    l.lock();",
            "    try {",
            "      // BUG: Diagnostic contains: held=[lock]",
            "      checkpoint();",
            "    } finally {",
            "      lock.unlock();",
            "    }",
            "    // BUG: Diagnostic contains: held=[]",
            "    checkpoint();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  public void unlockThatThrowsDoesNotLeakIntoOuterCatch() {
    helper
        .addSourceLines(
            "Leak.java",
            "import java.util.concurrent.locks.*;",
            "class Leak {",
            "  static void checkpoint() {}",
            "  private final Lock lock = new ReentrantLock();",
            "  void work() {}",
            "  void run() {",
            "    lock.lock();",
            "    try {",
            "      try {",
            "        work();",
            "      } finally {",
            "        lock.unlock();",
            "      }",
            "    } catch (RuntimeException e) {",
            "      // BUG: Diagnostic contains: held=[]",
            "      checkpoint();",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  public void tryLock() {
    helper
        .addSourceLines(
            "Try.java",
            "import java.util.concurrent.TimeUnit;",
            "import java.util.concurrent.locks.*;",
            "class Try {",
            "  static void checkpoint() {}",
            "  private final Lock lock = new ReentrantLock();",
            "  void inCondition() {",
            "    if (lock.tryLock()) {",
            "      try {",
            "        // BUG: Diagnostic contains: held=[lock]",
            "        checkpoint();",
            "      } finally {",
            "        lock.unlock();",
            "      }",
            "    } else {",
            "      // BUG: Diagnostic contains: held=[]",
            "      checkpoint();",
            "    }",
            "  }",
            "  void negated() {",
            "    if (!lock.tryLock()) {",
            "      // BUG: Diagnostic contains: held=[]",
            "      checkpoint();",
            "      return;",
            "    }",
            "    try {",
            "      // BUG: Diagnostic contains: held=[lock]",
            "      checkpoint();",
            "    } finally {",
            "      lock.unlock();",
            "    }",
            "  }",
            "  void timedThroughALocal() throws InterruptedException {",
            "    boolean acquired = lock.tryLock(1, TimeUnit.SECONDS);",
            "    // BUG: Diagnostic contains: held=[]",
            "    checkpoint();",
            "    if (acquired) {",
            "      try {",
            "        // BUG: Diagnostic contains: held=[lock]",
            "        checkpoint();",
            "      } finally {",
            "        lock.unlock();",
            "      }",
            "    }",
            "  }",
            "  void withAnotherCondition(boolean ready) {",
            "    if (ready && lock.tryLock()) {",
            "      try {",
            "        // BUG: Diagnostic contains: held=[lock]",
            "        checkpoint();",
            "      } finally {",
            "        lock.unlock();",
            "      }",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  public void readWriteAndStampedLocks() {
    helper
        .addSourceLines(
            "Rw.java",
            "import java.util.concurrent.locks.*;",
            "class Rw {",
            "  static void checkpoint() {}",
            "  private final ReadWriteLock rw = new ReentrantReadWriteLock();",
            "  private final Lock readSide = rw.readLock();",
            "  private final StampedLock stamped = new StampedLock();",
            "  void write() {",
            "    rw.writeLock().lock();",
            "    try {",
            "      // BUG: Diagnostic contains: held=[rw.writeLock()]",
            "      checkpoint();",
            "    } finally {",
            "      rw.writeLock().unlock();",
            "    }",
            "    // BUG: Diagnostic contains: held=[]",
            "    checkpoint();",
            "  }",
            "  void readThroughAFieldAlias() {",
            "    readSide.lock();",
            "    try {",
            "      // BUG: Diagnostic contains: held=[rw.readLock()]",
            "      checkpoint();",
            "    } finally {",
            "      rw.readLock().unlock();",
            "    }",
            "    // BUG: Diagnostic contains: held=[]",
            "    checkpoint();",
            "  }",
            "  void stamps() {",
            "    long stamp = stamped.writeLock();",
            "    try {",
            "      // BUG: Diagnostic contains: held=[stamped.writeLock()]",
            "      checkpoint();",
            "    } finally {",
            "      stamped.unlockWrite(stamp);",
            "    }",
            "    long read = stamped.readLock();",
            "    try {",
            "      // BUG: Diagnostic contains: held=[stamped.readLock()]",
            "      checkpoint();",
            "    } finally {",
            "      stamped.unlock(read);",
            "    }",
            "    // BUG: Diagnostic contains: held=[]",
            "    checkpoint();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  public void lambdasAndClassesRunLaterUnlessPassedToAnImmediateMethod() {
    helper
        .addSourceLines(
            "Later.java",
            "import java.util.*;",
            "import java.util.concurrent.*;",
            "import java.util.concurrent.locks.*;",
            "class Later {",
            "  static void checkpoint() {}",
            "  private final Lock lock = new ReentrantLock();",
            "  private final ExecutorService executor = Executors.newSingleThreadExecutor();",
            "  private final Map<String, String> cache = new HashMap<>();",
            "  Runnable stored;",
            "  synchronized void run(List<String> items) {",
            "    // BUG: Diagnostic contains: held=[]",
            "    executor.execute(() -> checkpoint());",
            "    stored = new Runnable() {",
            "      public void run() {",
            "        // BUG: Diagnostic contains: held=[]",
            "        checkpoint();",
            "      }",
            "    };",
            "    // BUG: Diagnostic contains: held=[this]",
            "    items.forEach(item -> checkpoint());",
            "    // BUG: Diagnostic contains: held=[this]",
            "    cache.computeIfAbsent(\"k\", k -> { checkpoint(); return k; });",
            "    // BUG: Diagnostic contains: held=[this]",
            "    Optional.of(1).ifPresent(x -> checkpoint());",
            "    class Local {",
            "      void later() {",
            "        // BUG: Diagnostic contains: held=[]",
            "        checkpoint();",
            "      }",
            "    }",
            "  }",
            "  void explicitLockAroundImmediateLambda(List<String> items) {",
            "    lock.lock();",
            "    try {",
            "      // BUG: Diagnostic contains: held=[lock]",
            "      items.forEach(item -> checkpoint());",
            "      // BUG: Diagnostic contains: held=[]",
            "      executor.submit(() -> checkpoint());",
            "    } finally {",
            "      lock.unlock();",
            "    }",
            "  }",
            "  Runnable lambdaThatLocksItself() {",
            "    return () -> {",
            "      lock.lock();",
            "      try {",
            "        // BUG: Diagnostic contains: held=[lock]",
            "        checkpoint();",
            "      } finally {",
            "        lock.unlock();",
            "      }",
            "    };",
            "  }",
            "  Runnable inFieldInitializer = () -> {",
            "    synchronized (this) {",
            "      // BUG: Diagnostic contains: held=[this]",
            "      checkpoint();",
            "    }",
            "  };",
            "}")
        .doTest();
  }

  @Test
  public void annotatedMethodsRunWithTheLockHeld() {
    helper
        .addSourceLines(
            "GuardedBy.java",
            "package javax.annotation.concurrent;",
            "public @interface GuardedBy { String value(); }")
        .addSourceLines(
            "Holding.java",
            "package org.checkerframework.checker.lock.qual;",
            "public @interface Holding { String[] value(); }")
        .addSourceLines(
            "Annotated.java",
            "import java.util.concurrent.locks.*;",
            "import javax.annotation.concurrent.GuardedBy;",
            "import org.checkerframework.checker.lock.qual.Holding;",
            "class Annotated {",
            "  static void checkpoint() {}",
            "  private final Lock lock = new ReentrantLock();",
            "  private final Object monitor = new Object();",
            "  @GuardedBy(\"lock\")",
            "  void guarded() {",
            "    // BUG: Diagnostic contains: held=[lock]",
            "    checkpoint();",
            "  }",
            "  @Holding({\"monitor\", \"this\"})",
            "  void holding() {",
            "    // BUG: Diagnostic contains: held=[monitor, this]",
            "    checkpoint();",
            "  }",
            "  @GuardedBy(\"lock\")",
            "  void releasesAroundSlowWork() {",
            "    lock.unlock();",
            "    try {",
            "      // BUG: Diagnostic contains: held=[]",
            "      checkpoint();",
            "    } finally {",
            "      lock.lock();",
            "    }",
            "    // BUG: Diagnostic contains: held=[lock]",
            "    checkpoint();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  public void modernJavaCompiles() {
    assumeJdk(21); // record patterns and switch patterns
    helper
        .addSourceLines(
            "Modern.java",
            "import java.util.concurrent.locks.*;",
            "class Modern {",
            "  static void checkpoint() {}",
            "  sealed interface Shape permits Circle, Square {}",
            "  record Circle(double r) implements Shape {}",
            "  record Square(double side) implements Shape {}",
            "  private final Lock lock = new ReentrantLock();",
            "  double area(Shape shape) {",
            "    lock.lock();",
            "    try {",
            "      double a = switch (shape) {",
            "        case Circle c when c.r() > 10 -> 0;",
            "        case Circle(double r) -> Math.PI * r * r;",
            "        case Square s -> s.side() * s.side();",
            "      };",
            "      // BUG: Diagnostic contains: held=[lock]",
            "      checkpoint();",
            "      if (shape instanceof Square(double side) && side > 1) {",
            "        // BUG: Diagnostic contains: held=[lock]",
            "        checkpoint();",
            "      }",
            "      return a;",
            "    } finally {",
            "      lock.unlock();",
            "    }",
            "  }",
            "}")
        .doTest();
  }
}
