package dev.deadbolt.checks;

import static dev.deadbolt.JavaFeatures.assumeJdk;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class VirtualThreadPinningTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(VirtualThreadPinning.class, getClass());

  /**
   * A region that blocks is BlockingCallUnderLock's finding while that check runs (on by default);
   * these arguments turn it off, so that this check reports such regions itself.
   */
  private static final String[] BLOCKING_CHECK_OFF = {
    "-XepIgnoreUnknownCheckNames", "-Xep:BlockingCallUnderLock:OFF"
  };

  private static String[] withBlockingCheckOff(String... args) {
    String[] all = java.util.Arrays.copyOf(BLOCKING_CHECK_OFF, BLOCKING_CHECK_OFF.length + args.length);
    System.arraycopy(args, 0, all, BLOCKING_CHECK_OFF.length, args.length);
    return all;
  }

  // ---- identification ------------------------------------------------------------------------

  @Test
  public void synchronizedRegionThatBlocksOnJdk21() {
    assumeJdk(21); // --release 21
    helper
        .setArgs(withBlockingCheckOff("--release", "21"))
        .addSourceLines(
            "Emitter.java",
            """
            import java.io.*;
            class Emitter {
              private final OutputStream response;
              Emitter(OutputStream response) { this.response = response; }
              void send(byte[] event) throws IOException {
                // BUG: Diagnostic contains: `synchronized (this)` pins a virtual thread's carrier on JDK 21-23 while it blocks: `OutputStream.write()` writes to a stream (file or network I/O) (line 8); `OutputStream.flush()` flushes a stream (file or network I/O) (line 9); use a ReentrantLock (compiled for 21;
                synchronized (this) {
                  response.write(event);
                  response.flush();
                }
              }
              // BUG: Diagnostic contains: `synchronized` method pins a virtual thread's carrier on JDK 21-23 while it blocks: `Object.wait()` waits on a monitor until notified (line 14); use a ReentrantLock with a Condition
              synchronized void throttle() throws InterruptedException {
                wait(100);
              }
            }
            """)
        .doTest();
  }

  /**
   * With BlockingCallUnderLock on, a region that blocks is its finding (which says the region also
   * pins); this check keeps the regions only it covers: waits on the monitor held, parking on a
   * java.util.concurrent lock, and regions where BlockingCallUnderLock is suppressed.
   */
  @Test
  public void regionsThatBlockAreLeftToBlockingCallUnderLock() {
    helper
        .setArgs("-XepOpt:Deadbolt:RuntimeJdk=21")
        .addSourceLines(
            "Emitter.java",
            """
            import java.io.*;
            import java.util.concurrent.locks.ReentrantLock;
            class Emitter {
              private final OutputStream response;
              private final Object gate = new Object();
              private final ReentrantLock io = new ReentrantLock();
              Emitter(OutputStream response) { this.response = response; }
              void send(byte[] event) throws IOException {
                synchronized (this) {
                  response.write(event);
                }
              }
              // BUG: Diagnostic contains: `synchronized` method pins a virtual thread's carrier on JDK 21-23 while it blocks: `Object.wait()` waits on a monitor until notified (line 15); use a ReentrantLock with a Condition
              synchronized void throttle() throws InterruptedException {
                wait(100);
              }
              void flushLater() {
                // BUG: Diagnostic contains: `ReentrantLock.lock()` waits for a java.util.concurrent lock (parks under contention) (line 20); restructure so that the java.util.concurrent lock is not taken while the monitor is held
                synchronized (gate) {
                  io.lock();
                  io.unlock();
                }
              }
              void write() throws IOException {
                io.lock();
                try {
                  response.flush();
                } finally {
                  io.unlock();
                }
              }
              @SuppressWarnings("BlockingCallUnderLock") // the emitter's own thread only
              // BUG: Diagnostic contains: `synchronized` method pins a virtual thread's carrier on JDK 21-23 while it blocks: `OutputStream.flush()`
              synchronized void flush() throws IOException {
                response.flush();
              }
            }
            """)
        .doTest();
  }

  /** The advice fits the region: a monitor the caller passes cannot simply become a lock. */
  @Test
  public void adviceForAMonitorTheCallerPasses() {
    helper
        .setArgs(withBlockingCheckOff("-XepOpt:Deadbolt:RuntimeJdk=21"))
        .addSourceLines(
            "DateWriter.java",
            """
            import java.io.*;
            import java.util.Calendar;
            class DateWriter {
              void write(Calendar calendar, OutputStream out) throws IOException {
                // BUG: Diagnostic contains: the monitor is an object the caller passes, so other code may synchronize on it too: move the blocking work out of the region
                synchronized (calendar) {
                  out.write(calendar.get(Calendar.YEAR));
                }
              }
            }
            """)
        .doTest();
  }

  /** Code compiled for a release without virtual threads may still run on a JDK that has them. */
  @Test
  public void saysWhatWasAssumedForCodeCompiledForAnOldRelease() {
    helper
        .setArgs(withBlockingCheckOff("--release", "8"))
        .addSourceLines(
            "Gate.java",
            """
            class Gate {
              // BUG: Diagnostic contains: (compiled for 8, which may run on JDK 21-23; -XepOpt:Deadbolt:RuntimeJdk=24 if it never runs on 21-23)
              synchronized void pass() throws InterruptedException {
                wait();
              }
            }
            """)
        .doTest();
  }

  /** A private lock taken only inside its owner's monitor is never contended: taking it never parks. */
  @Test
  public void aPrivateLockTakenOnlyInsideMonitorsNeverParks() {
    helper
        .setArgs("-XepOpt:Deadbolt:RuntimeJdk=21")
        .addSourceLines(
            "Shrinker.java",
            """
            import java.util.concurrent.locks.ReentrantLock;
            class Shrinker {
              private final Object pool = new Object();
              private final Factor factor = new Factor();
              private static final class Factor {
                private final ReentrantLock lock = new ReentrantLock();
                private long next;
                void update(long now) {
                  lock.lock();
                  try {
                    next = now + 1000;
                  } finally {
                    lock.unlock();
                  }
                }
              }
              private static final class Gauge {
                private final ReentrantLock lock = new ReentrantLock();
                synchronized void set(long v) {
                  lock.lock();
                  lock.unlock();
                }
              }
              void returned(long now) {
                synchronized (pool) {
                  factor.update(now);
                }
              }
              void evicted(long now) {
                synchronized (this) {
                  factor.update(now);
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void parkingOnALockOnlyEverHeldBrieflyIsNotPinningWorthReporting() {
    helper
        .setArgs("-XepOpt:Deadbolt:RuntimeJdk=21")
        .addSourceLines(
            "Slots.java",
            """
            import java.io.IOException;
            import java.io.ObjectOutputStream;
            import java.io.Serializable;
            import java.util.ArrayDeque;
            import java.util.concurrent.locks.Condition;
            import java.util.concurrent.locks.ReentrantLock;
            /** A bounded deque: its lock guards a few field updates; waiting gives it up. */
            class Slots<E> implements Serializable {
              private final ReentrantLock lock = new ReentrantLock();
              private final Condition notEmpty = lock.newCondition();
              private final ArrayDeque<E> items = new ArrayDeque<>();
              int size() {
                lock.lock();
                try {
                  return items.size();
                } finally {
                  lock.unlock();
                }
              }
              void add(E item) {
                lock.lock();
                try {
                  link(item);
                } finally {
                  lock.unlock();
                }
              }
              private void link(E item) {
                items.addLast(item);
                notEmpty.signal();
              }
              E take() throws InterruptedException {
                lock.lock();
                try {
                  while (items.isEmpty()) {
                    notEmpty.await();
                  }
                  return items.removeFirst();
                } finally {
                  lock.unlock();
                }
              }
              private void writeObject(ObjectOutputStream out) throws IOException {
                lock.lock();
                try {
                  out.defaultWriteObject();
                } finally {
                  lock.unlock();
                }
              }
            }
            """)
        .addSourceLines(
            "Pool.java",
            """
            class Pool {
              private final Slots<String> idle = new Slots<>();
              private final Object evictionLock = new Object();
              int evict() {
                synchronized (evictionLock) {
                  return idle.size();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void parkingOnALockThatIsHeldAcrossBlockingWorkCounts() {
    helper
        .setArgs("-XepOpt:Deadbolt:RuntimeJdk=21")
        .addSourceLines(
            "Journal.java",
            """
            import java.io.IOException;
            import java.io.OutputStream;
            import java.util.concurrent.locks.ReentrantLock;
            class Journal {
              private final ReentrantLock lock = new ReentrantLock();
              private final OutputStream out;
              private int entries;
              Journal(OutputStream out) {
                this.out = out;
              }
              int entries() {
                lock.lock();
                try {
                  return entries;
                } finally {
                  lock.unlock();
                }
              }
              void append(byte[] entry) throws IOException {
                lock.lock();
                try {
                  write(entry);
                  entries++;
                } finally {
                  lock.unlock();
                }
              }
              private void write(byte[] entry) throws IOException {
                out.write(entry);
              }
            }
            """)
        .addSourceLines(
            "Stats.java",
            """
            class Stats {
              private final Journal journal;
              Stats(Journal journal) {
                this.journal = journal;
              }
              // BUG: Diagnostic contains: `Journal.entries() -> ReentrantLock.lock()` waits for a java.util.concurrent lock
              synchronized int count() {
                return journal.entries();
              }
            }
            """)
        .doTest();
  }

  @Test
  public void parkingOnAJucLockInsideAMonitorCountsEvenThroughCalls() {
    helper
        .setArgs("-XepOpt:Deadbolt:RuntimeJdk=21")
        .addSourceLines(
            "TypeCache.java",
            """
            import java.util.*;
            import java.util.concurrent.locks.*;
            class TypeCache {
              private final Map<String, String> cache = new HashMap<>();
              private final ReentrantLock connectionLock = new ReentrantLock();
              // BUG: Diagnostic contains: `load() -> ReentrantLock.lock()` waits for a java.util.concurrent lock (parks under contention)
              synchronized String lookup(String name) {
                String hit = cache.get(name);
                return hit != null ? hit : load(name);
              }
              private String load(String name) {
                connectionLock.lock();
                try {
                  return name;
                } finally {
                  connectionLock.unlock();
                }
              }
              // The same lock, held by the query path across a round trip: lookups can wait that long.
              void execute(java.sql.Statement statement, String query) throws java.sql.SQLException {
                connectionLock.lock();
                try {
                  statement.execute(query);
                  cache.clear();
                } finally {
                  connectionLock.unlock();
                }
              }
              // A private lock taken only in a private method called from monitors is never contended.
              private final ReentrantLock statsLock = new ReentrantLock();
              private int hits;
              private void count() {
                statsLock.lock();
                try {
                  hits++;
                } finally {
                  statsLock.unlock();
                }
              }
              synchronized void hit() {
                count();
              }
            }
            """)
        .doTest();
  }

  @Test
  public void classInitializerThatBlocksPinsOnEveryJdk() {
    helper
        .setArgs("-XepOpt:Deadbolt:RuntimeJdk=25")
        .addSourceLines(
            "Config.java",
            """
            import java.nio.file.*;
            class Config {
              // BUG: Diagnostic contains: class initialization blocks: `read() -> Files.readString()` does file system I/O (line 4)
              static final String TEXT = read();
              static String read() {
                try { return Files.readString(Path.of("app.conf")); } catch (java.io.IOException e) { return ""; }
              }
              static final Object LOCK;
              // BUG: Diagnostic contains: `Thread.sleep()` sleeps the thread
              static {
                LOCK = new Object();
                try { Thread.sleep(10); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
              }
              synchronized void fineOn25() throws InterruptedException {
                Thread.sleep(10);
              }
            }
            """)
        .doTest();
  }

  @Test
  public void classInitializersOfNestedClassesAndEnumsButNotInstanceFieldsOrSuppressedOnes() {
    helper
        .setArgs("-XepOpt:Deadbolt:RuntimeJdk=25")
        .addSourceLines(
            "Holder.java",
            """
            import java.nio.file.*;
            class Holder {
              @SuppressWarnings("VirtualThreadPinning")
              static final String ACCEPTED = read();
              final String perInstance = read();
              static String read() {
                try { return Files.readString(Path.of("app.conf")); } catch (java.io.IOException e) { return ""; }
              }
              static class Nested {
                // BUG: Diagnostic contains: class initialization blocks: `Holder.read() -> Files.readString()`
                static final String NESTED = Holder.read();
                static final Runnable LATER = () -> Holder.read();
              }
              enum Mode {
                // BUG: Diagnostic contains: class initialization blocks
                FAST(Holder.read()),
                SLOW("");
                Mode(String s) {}
              }
              void local() {
                Runnable task = new Runnable() {
                  // BUG: Diagnostic contains: class initialization blocks
                  static final String INNER = Holder.read();
                  public void run() {}
                };
              }
            }
            """)
        .doTest();
  }

  @Test
  public void noFindingWhenCompiledForAJdkWhereMonitorsDoNotPin() {
    assumeJdk(24); // compiled for the running JDK, which must be one where monitors do not pin
    helper
        .addSourceLines(
            "Modern.java",
            """
            class Modern {
              synchronized void sleepy() throws InterruptedException {
                Thread.sleep(10);
              }
            }
            """)
        .doTest();
  }

  @Test
  public void noFindingWhenNothingInTheRegionBlocks() {
    helper
        .setArgs("-XepOpt:Deadbolt:RuntimeJdk=21")
        .addSourceLines(
            "Counter.java",
            """
            import java.util.*;
            import java.util.concurrent.*;
            import java.util.concurrent.locks.*;
            class Counter {
              private final Map<String, Integer> counts = new HashMap<>();
              private final ExecutorService executor = Executors.newSingleThreadExecutor();
              private final Lock lock = new ReentrantLock();
              synchronized void increment(String key) {
                counts.merge(key, 1, Integer::sum);
                StringBuilder sb = new StringBuilder();
                sb.append(key);
                System.out.println(sb);
                executor.execute(() -> {
                  try { Thread.sleep(10); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
                });
                if (lock.tryLock()) {
                  lock.unlock();
                }
              }
              @SuppressWarnings("VirtualThreadPinning")
              synchronized void accepted() throws InterruptedException {
                Thread.sleep(1);
              }
              void localSuppression() throws Exception {
                synchronized (this) {
                  @SuppressWarnings("VirtualThreadPinning")
                  String line = new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine();
                }
              }
            }
            """)
        .doTest();
  }

  // ---- replacement ---------------------------------------------------------------------------

  @Test
  public void privateObjectMonitorBecomesAReentrantLock() {
    BugCheckerRefactoringTestHelper.newInstance(VirtualThreadPinning.class, getClass())
        .setArgs(withBlockingCheckOff("-XepOpt:Deadbolt:RuntimeJdk=21"))
        .addInputLines(
            "Pool.java",
            """
            import java.io.*;
            class Pool {
              private final Object guard = new Object();
              private int leased;
              void lease(OutputStream out) throws IOException {
                synchronized (guard) {
                  leased++;
                  out.write(leased);
                }
              }
              int leased() {
                synchronized (guard) {
                  return leased;
                }
              }
            }
            """)
        .addOutputLines(
            "Pool.java",
            """
            import java.io.*;
            import java.util.concurrent.locks.ReentrantLock;
            class Pool {
              private final ReentrantLock guard = new ReentrantLock();
              private int leased;
              void lease(OutputStream out) throws IOException {
                guard.lock();
                try {
                  leased++;
                  out.write(leased);
                } finally {
                  guard.unlock();
                }
              }
              int leased() {
                guard.lock();
                try {
                  return leased;
                } finally {
                  guard.unlock();
                }
              }
            }
            """)
        .doTest(BugCheckerRefactoringTestHelper.TestMode.AST_MATCH);
  }

  @Test
  public void noFixWhenTheMonitorIsAlsoWaitedOn() {
    BugCheckerRefactoringTestHelper.newInstance(VirtualThreadPinning.class, getClass())
        .setArgs("-XepOpt:Deadbolt:RuntimeJdk=21")
        .addInputLines(
            "Gate.java",
            """
            class Gate {
              private final Object guard = new Object();
              void pass() throws InterruptedException {
                synchronized (guard) {
                  guard.wait();
                }
              }
            }
            """)
        .expectUnchanged()
        .doTest();
  }
}
