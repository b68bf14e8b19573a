package dev.deadbolt.checks;

import static dev.deadbolt.JavaFeatures.assumeJdk;

import com.google.errorprone.CompilationTestHelper;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class BlockingCallUnderLockTest {
  /**
   * What the analysis decides call by call (what blocks, what is held, which region a call falls in),
   * printed at each call by a test-only checker; the findings themselves, one per region, are tested
   * with {@link #helper} below.
   */
  private final CompilationTestHelper calls =
      CompilationTestHelper.newInstance(BlockingRegionsPrinter.class, getClass());

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(BlockingCallUnderLock.class, getClass());

  // ---- positives ----------------------------------------------------------------------------

  @Test
  public void sleepInsideSynchronized() {
    calls
        .addSourceLines(
            "Throttle.java",
            """
            class Throttle {
              private final Object guard = new Object();
              void pause() throws InterruptedException {
                synchronized (guard) {
                  // BUG: Diagnostic contains: `Thread.sleep()` sleeps the thread while `guard` is held
                  Thread.sleep(100);
                }
              }
              synchronized void pauseMethod() throws InterruptedException {
                // BUG: Diagnostic contains: while `this` is held
                java.util.concurrent.TimeUnit.SECONDS.sleep(1);
              }
            }
            """)
        .doTest();
  }

  @Test
  public void ioAndWaitsUnderAnExplicitLock() {
    calls
        .addSourceLines(
            "Pool.java",
            """
            import java.io.*;
            import java.net.Socket;
            import java.util.concurrent.*;
            import java.util.concurrent.locks.*;
            class Pool {
              private final ReentrantLock lock = new ReentrantLock();
              private final BlockingQueue<String> queue = new LinkedBlockingQueue<>(10);
              String read(InputStream in, Future<String> f, Socket s) throws Exception {
                lock.lock();
                try {
                  // BUG: Diagnostic contains: `InputStream.read()` reads from a stream (file or network I/O) while `lock` is held
                  in.read();
                  // BUG: Diagnostic contains: `Future.get()` waits for the task to complete
                  f.get();
                  // BUG: Diagnostic contains: `BlockingQueue.put()` waits for space in the queue
                  queue.put("x");
                  // BUG: Diagnostic contains: `BlockingQueue.offer()` waits for space in the queue until the timeout
                  queue.offer("x", 1, TimeUnit.SECONDS);
                  // BUG: Diagnostic contains: `Socket.connect()` connects a socket
                  s.connect(null);
                  // BUG: Diagnostic contains: `new Socket()` connects a socket
                  new Socket("db", 5432);
                  return null;
                } finally {
                  lock.unlock();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void jdbcUnderReadWriteLock() {
    calls
        .addSourceLines(
            "Metadata.java",
            """
            import java.sql.*;
            import java.util.concurrent.locks.*;
            class Metadata {
              private final ReadWriteLock rw = new ReentrantReadWriteLock();
              void load(Connection c) throws SQLException {
                rw.writeLock().lock();
                try (Statement st = c.createStatement()) {
                  // BUG: Diagnostic contains: `Statement.executeQuery()` runs SQL (database round trip) while `rw.writeLock()` is held
                  ResultSet rs = st.executeQuery("select 1");
                  // BUG: Diagnostic contains: `ResultSet.next()` may fetch rows
                  rs.next();
                } finally {
                  rw.writeLock().unlock();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void throughMethodsOfTheSameFileWithTheChain() {
    calls
        .addSourceLines(
            "Cache.java",
            """
            import java.util.concurrent.TimeUnit;
            import java.util.concurrent.locks.*;
            class Cache {
              private final Lock lock = new ReentrantLock();
              void update() {
                lock.lock();
                try {
                  // BUG: Diagnostic contains: `refresh() -> backoff() -> TimeUnit.sleep()` sleeps the thread while `lock` is held
                  refresh();
                } finally {
                  lock.unlock();
                }
              }
              private void refresh() {
                backoff();
              }
              private void backoff() {
                try {
                  TimeUnit.MILLISECONDS.sleep(10);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * Methods that call each other are summarized together: the summary of `nested`, finished while
   * `parse` (which sleeps) was still being summarized, must not be kept as "does not block".
   */
  @Test
  public void throughMutuallyRecursiveMethodsWhicheverIsAskedAboutFirst() {
    calls
        .addSourceLines(
            "Parser.java",
            """
            class Parser {
              private final Object lock = new Object();
              void viaParse() throws InterruptedException {
                synchronized (lock) {
                  // BUG: Diagnostic contains: `parse() -> Thread.sleep()` sleeps the thread while `lock` is held
                  parse(2);
                }
              }
              void viaNested() throws InterruptedException {
                synchronized (lock) {
                  // BUG: Diagnostic contains: `nested() -> parse() -> Thread.sleep()` sleeps the thread
                  nested(2);
                }
              }
              private void parse(int depth) throws InterruptedException {
                Thread.sleep(1);
                if (depth > 0) {
                  nested(depth - 1);
                }
              }
              private void nested(int depth) throws InterruptedException {
                if (depth > 0) {
                  parse(depth - 1);
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void throughAMethodInAnotherFile() {
    calls
        .addSourceLines(
            "QueryExecutor.java",
            """
            import java.io.*;
            class QueryExecutor {
              private final InputStream socketIn;
              QueryExecutor(InputStream in) { this.socketIn = in; }
              void execute(String sql) throws IOException {
                sendAndWait(sql);
              }
              private void sendAndWait(String sql) throws IOException {
                socketIn.read();
              }
            }
            """)
        .addSourceLines(
            "Statement.java",
            """
            class Statement {
              private final QueryExecutor executor;
              Statement(QueryExecutor executor) { this.executor = executor; }
              synchronized void executeUpdate(String sql) throws java.io.IOException {
                // BUG: Diagnostic contains: `QueryExecutor.execute() -> QueryExecutor.sendAndWait() -> InputStream.read()` reads from a stream
                executor.execute(sql);
              }
            }
            """)
        .doTest();
  }

  @Test
  public void throughMethodsOfNestedLocalAndAnonymousClasses() {
    // Member classes' methods are found through an index of their file; the others by a search.
    calls
        .addSourceLines(
            "Outer.java",
            """
            import java.io.*;
            class Outer {
              static class Inner {
                class Deeper {
                  void load(InputStream in) throws IOException { in.read(); }
                }
              }
            }
            """)
        .addSourceLines(
            "User.java",
            """
            import java.io.*;
            class User {
              synchronized void member(Outer.Inner.Deeper deeper, InputStream in) throws IOException {
                // BUG: Diagnostic contains: `Deeper.load() -> InputStream.read()` reads from a stream
                deeper.load(in);
              }
              synchronized void local(InputStream in) throws IOException {
                class Reader {
                  void load() throws IOException { in.read(); }
                }
                // BUG: Diagnostic contains: `Reader.load() -> InputStream.read()` reads from a stream
                new Reader().load();
              }
              synchronized void anonymous(InputStream in) throws IOException {
                Object reader = new Object() {
                  void load() throws IOException { in.read(); }
                };
                // The anonymous class's method is not visible through Object: nothing is called.
                reader.hashCode();
              }
              synchronized void anonymousCalledDirectly(InputStream in) throws IOException {
                new Object() {
                  void load() throws IOException { in.read(); }
                  // (reported where the call is written: at .load() below)
                  // BUG: Diagnostic contains: `(anonymous Object).load() -> InputStream.read()` reads
                }.load();
              }
            }
            """)
        .doTest();
  }

  @Test
  public void annotatedBlockingMethods() {
    calls
        .addSourceLines(
            "Blocking.java",
            """
            package org.jetbrains.annotations;
            public @interface Blocking {}
            """)
        .addSourceLines(
            "Client.java",
            """
            class Client {
              @dev.deadbolt.annotations.Blocking("network round trip")
              String fetch() { return ""; }
              @org.jetbrains.annotations.Blocking
              void flush() {}
              private final Object lock = new Object();
              void run() {
                synchronized (lock) {
                  // BUG: Diagnostic contains: `Client.fetch()` blocks (network round trip) while `lock` is held
                  fetch();
                  // BUG: Diagnostic contains: `Client.flush()` is marked @Blocking
                  flush();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void guardedByMethodBodyRunsUnderTheLock() {
    calls
        .addSourceLines(
            "Ledger.java",
            """
            import com.google.errorprone.annotations.concurrent.GuardedBy;
            class Ledger {
              private final Object lock = new Object();
              @GuardedBy("lock")
              void append(java.io.Writer journal) throws java.io.IOException {
                // BUG: Diagnostic contains: `Writer.write()` writes to a writer (file or network I/O) while `lock` is held
                journal.write("entry");
              }
            }
            """)
        .doTest();
  }

  @Test
  public void waitingOnAnotherLocksConditionOrMonitorKeepsTheOuterLock() {
    calls
        .addSourceLines(
            "TwoLocks.java",
            """
            import java.util.concurrent.locks.*;
            class TwoLocks {
              private final Object outer = new Object();
              private final Object inner = new Object();
              private final Lock lock = new ReentrantLock();
              private final Condition ready = lock.newCondition();
              void nested() throws InterruptedException {
                synchronized (outer) {
                  synchronized (inner) {
                    // BUG: Diagnostic contains: `Object.wait()` waits on a monitor until notified while `outer` is held
                    inner.wait();
                  }
                }
              }
              void awaitUnderMonitor() throws InterruptedException {
                synchronized (outer) {
                  lock.lock();
                  try {
                    // BUG: Diagnostic contains: while `outer` is held
                    ready.await();
                  } finally {
                    lock.unlock();
                  }
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void immediateLambdasAndMethodReferencesRunUnderTheLock() {
    calls
        .addSourceLines(
            "Broadcaster.java",
            """
            import java.io.*;
            import java.util.List;
            class Broadcaster {
              private final List<Writer> clients = new java.util.ArrayList<>();
              synchronized void broadcast(String event) {
                clients.forEach(w -> {
                  try {
                    // BUG: Diagnostic contains: `Writer.write()` writes to a writer (file or network I/O) while `this` is held
                    w.write(event);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
              }
              synchronized void closeAll(List<Broadcaster> others) {
                // BUG: Diagnostic contains: `pause() -> Thread.sleep()` sleeps the thread while `this` is held
                others.forEach(Broadcaster::pause);
              }
              static void pause(Broadcaster b) {
                try { Thread.sleep(5); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
              }
            }
            """)
        .doTest();
  }

  // ---- one finding per region -----------------------------------------------------------------

  @Test
  public void oneFindingPerRegionAtItsAcquisitionListingItsCalls() {
    helper
        .addSourceLines(
            "Exporter.java",
            """
            import java.io.*;
            import java.util.concurrent.locks.ReentrantLock;
            class Exporter {
              private final Object guard = new Object();
              private final ReentrantLock lock = new ReentrantLock();
              void export(InputStream in, OutputStream out) throws Exception {
                // BUG: Diagnostic contains: `guard` is held across 3 blocking calls: `Thread.sleep()` sleeps the thread (lines 9, 11); `InputStream.read()` reads from a stream (file or network I/O) (line 10); no other method of `Exporter` takes `guard`
                synchronized (guard) {
                  Thread.sleep(1);
                  in.read();
                  Thread.sleep(2);
                }
              }
              void copy(InputStream in, OutputStream out) throws Exception {
                // BUG: Diagnostic contains: `lock` is held across 4 blocking calls: `InputStream.read()` reads from a stream (file or network I/O) (line 18); `OutputStream.write()` writes to a stream (file or network I/O) (line 19); `OutputStream.flush()` flushes a stream (file or network I/O) (line 20); and 1 more call
                lock.lock();
                try {
                  in.read();
                  out.write(1);
                  out.flush();
                  Thread.sleep(1);
                  in.close();
                } finally {
                  lock.unlock();
                }
              }
              // BUG: Diagnostic contains: `this` is held across a blocking call: `Thread.sleep()` sleeps the thread (line 29)
              synchronized void pause() throws InterruptedException {
                Thread.sleep(10);
              }
            }
            """)
        .doTest();
  }

  @Test
  public void aCallBelongsToTheInnermostLockHeldAcrossIt() {
    helper
        .addSourceLines(
            "Ledger.java",
            """
            import java.io.*;
            class Ledger {
              private final Object books = new Object();
              private final Object journal = new Object();
              void post(InputStream in) throws Exception {
                // BUG: Diagnostic contains: `books` is held across a blocking call: `Thread.sleep()` sleeps the thread (line 8)
                synchronized (books) {
                  Thread.sleep(1);
                  // BUG: Diagnostic contains: `books` and `journal` are held across a blocking call: `InputStream.read()`
                  synchronized (journal) {
                    in.read();
                  }
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void theLockIsNamedAsTheCodeNamesIt() {
    helper
        .addSourceLines(
            "Registry.java",
            """
            import java.util.Map;
            class Registry {
              private final Map<String, Object> entries = new java.util.HashMap<>();
              void touch(String key) throws InterruptedException {
                Object entry = entries.get(key);
                // BUG: Diagnostic contains: `entry` is held across a blocking call
                synchronized (entry) {
                  Thread.sleep(1);
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void evidenceOfWhoElseTakesTheLock() {
    helper
        .addSourceLines(
            "Inventory.java",
            """
            class Inventory {
              private final Object stock = new Object();
              synchronized void refresh() throws InterruptedException {
                // BUG: Diagnostic contains: `this` and `stock` are held across a blocking call: `Thread.sleep()` sleeps the thread (line 6); `stock` is also taken by `count()` and 1 more
                synchronized (stock) {
                  Thread.sleep(1);
                }
              }
              int count() {
                synchronized (stock) {
                  return 1;
                }
              }
              void clear() {
                synchronized (stock) {}
              }
            }
            """)
        .doTest();
  }

  @Test
  public void locksTheChainTakesAreNamedToo() {
    helper
        .addSourceLines(
            "Evictor.java",
            """
            import java.util.concurrent.*;
            class Evictor {
              private final Object evictionLock = new Object();
              private static ThreadPoolExecutor executor;
              void restart() throws InterruptedException {
                // BUG: Diagnostic contains: `evictionLock` and `Evictor.class` (taken on the way) are held across a blocking call: `stopTimer() -> ThreadPoolExecutor.awaitTermination()`
                synchronized (evictionLock) {
                  stopTimer();
                }
              }
              // BUG: Diagnostic contains: `Evictor.class` is held across a blocking call
              static synchronized void stopTimer() throws InterruptedException {
                executor.awaitTermination(1, TimeUnit.SECONDS);
              }
            }
            """)
        .doTest();
  }

  @Test
  public void aReenteredMonitorsRegionIsTheCalleesNotTheCallers() {
    helper
        .addSourceLines(
            "DataSource.java",
            """
            import java.sql.*;
            class DataSource {
              private Connection connection;
              private final Object configLock = new Object();
              synchronized void start() throws SQLException {
                createPool();
              }
              synchronized void restart() throws SQLException {
                createPool();
              }
              void createPool() throws SQLException {
                // BUG: Diagnostic contains: `this` is held across a blocking call: `Statement.execute()`
                synchronized (this) {
                  connection.createStatement().execute("select 1");
                }
              }
              void reconfigure() throws SQLException {
                // A different lock held around the same chain is a region of its own.
                // BUG: Diagnostic contains: `configLock` and `DataSource.this` (taken on the way) are held across a blocking call: `createPool() -> Statement.execute()`
                synchronized (configLock) {
                  createPool();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void serializationHooksWriteUnderTheirObjectsLock() {
    helper
        .addSourceLines(
            "Deque.java",
            """
            import java.io.*;
            import java.util.concurrent.locks.ReentrantLock;
            class Deque implements Serializable {
              private final ReentrantLock lock = new ReentrantLock();
              private transient Object[] items = {};
              private void writeObject(ObjectOutputStream out) throws IOException {
                lock.lock();
                try {
                  out.defaultWriteObject();
                  for (Object item : items) {
                    out.writeObject(item);
                  }
                } finally {
                  lock.unlock();
                }
              }
              private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
                synchronized (this) {
                  in.defaultReadObject();
                }
              }
              // Not a hook: a method that writes somewhere under the lock.
              void export(ObjectOutputStream out) throws IOException {
                // BUG: Diagnostic contains: `lock` is held across a blocking call: `ObjectOutputStream.writeObject()`
                lock.lock();
                try {
                  out.writeObject(items);
                } finally {
                  lock.unlock();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void aConstantArgumentThatMakesTheBlockingBranchDead() {
    helper
        .addSourceLines(
            "Timer.java",
            """
            import java.time.Duration;
            import java.util.concurrent.*;
            class Timer {
              private static ThreadPoolExecutor executor;
              private final Object lifecycle = new Object();
              // BUG: Diagnostic contains: `Timer.class` is held across a blocking call
              static synchronized void cancel(Runnable task, Duration timeout, boolean restarting)
                  throws InterruptedException {
                if (!restarting && executor != null) {
                  executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
                }
              }
              void clear(String key, boolean reuse) throws InterruptedException {
                if (reuse) {
                  Thread.sleep(10);
                } else {
                  Thread.yield();
                }
              }
              void drain(String key, boolean keep) throws InterruptedException {
                if (keep) {
                  Thread.yield();
                } else {
                  Thread.sleep(10);
                }
              }
              void restart(Runnable task, boolean flag) throws InterruptedException {
                synchronized (lifecycle) {
                  cancel(task, Duration.ZERO, true);
                  clear("k", false);
                  drain("k", true);
                  clearAll();
                }
                // BUG: Diagnostic contains: `lifecycle` and `Timer.class` (taken on the way) are held across 4 blocking calls: `cancel() -> ThreadPoolExecutor.awaitTermination()`
                synchronized (lifecycle) {
                  cancel(task, Duration.ZERO, false);
                  cancel(task, Duration.ZERO, flag);
                  clear("k", true);
                  drain("k", false);
                }
              }
              void clearAll() throws InterruptedException {
                clear("all", false);
              }
            }
            """)
        .doTest();
  }

  @Test
  public void aHelperThatWaitsOnTheMonitorItIsGivenReleasesIt() {
    helper
        .addSourceLines(
            "Pool.java",
            """
            import java.time.Duration;
            class Pool {
              private final Object makeLock = new Object();
              private final Object other = new Object();
              static void wait(Object monitor, Duration timeout) throws InterruptedException {
                monitor.wait(timeout.toMillis());
              }
              static void await(Object monitor) throws InterruptedException {
                wait(monitor, Duration.ofSeconds(1));
              }
              void create() throws InterruptedException {
                synchronized (makeLock) {
                  wait(makeLock, Duration.ofSeconds(1));
                  await(makeLock);
                }
                // BUG: Diagnostic contains: `makeLock` is held across a blocking call: `wait() -> Object.wait()` waits on a monitor until notified
                synchronized (makeLock) {
                  wait(other, Duration.ofSeconds(1));
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void aProjectMethodNamedWaitIsNotObjectWait() {
    helper
        .addSourceLines(
            "Backoff.java",
            """
            import java.time.Duration;
            class Backoff {
              private final Object state = new Object();
              static long wait(Object key, Duration d) {
                return d.toMillis() + key.hashCode();
              }
              long next() {
                synchronized (state) {
                  return wait(state, Duration.ZERO);
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void overloadsInAChainShowTheirParameterTypes() {
    helper
        .addSourceLines(
            "Cache.java",
            """
            class Cache {
              void clear() throws InterruptedException {
                clear("all", true);
              }
              void clear(String key, boolean wait) throws InterruptedException {
                Thread.sleep(1);
              }
              // BUG: Diagnostic contains: `clear() -> clear(String, boolean) -> Thread.sleep()`
              synchronized void reset() throws InterruptedException {
                clear();
              }
            }
            """)
        .doTest();
  }

  @Test
  public void waitingOnTheMonitorHeldReleasesItHoweverTheMonitorIsWritten() {
    helper
        .addSourceLines(
            "Dispatcher.java",
            """
            import java.util.*;
            class Dispatcher {
              static class Slot { Object token = new Object(); }
              private final Set<String> pending = new HashSet<>();
              private final List<String> done = new ArrayList<>();
              private final Slot slot = new Slot();
              private final Object other = new Object();
              synchronized void selfWaits() throws InterruptedException {
                wait();
                this.wait(10);
              }
              void fieldsOfAnyType() throws InterruptedException {
                synchronized (pending) { pending.wait(); }
                synchronized (done) { done.wait(5); }
                synchronized (done) { java.util.concurrent.TimeUnit.SECONDS.timedWait(done, 1); }
                synchronized (slot) { slot.wait(); }
                synchronized (slot.token) { slot.token.wait(); }
                synchronized (this.slot.token) { slot.token.wait(); }
              }
              void localsAndParameters(Object given) throws InterruptedException {
                Object mine = new Object();
                synchronized (mine) { mine.wait(); }
                synchronized (given) { given.wait(1); }
              }
              void waitingOnAnotherMonitor() throws InterruptedException {
                // BUG: Diagnostic contains: `pending` is held across a blocking call: `Object.wait()` waits on a monitor until notified
                synchronized (pending) {
                  other.wait();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void theChainShownIsTheOneMostLikelyToRun() {
    calls
        .addSourceLines(
            "Store.java",
            """
            import java.io.*;
            import java.sql.*;
            class Store {
              private PrintWriter log;
              private Connection db;
              private InputStream in;
              void save(boolean failed) throws Exception {
                if (failed) {
                  log.println("failed");
                }
                db.createStatement().execute("insert");
              }
              void load() throws Exception {
                log.println("loading");
                in.read();
                db.createStatement().execute("select");
              }
              void report() throws Exception {
                log.println("report");
                in.read();
              }
              // The SQL after the early return only runs when the file could not be read: a fallback.
              void restore(boolean cached) throws Exception {
                in.read();
                if (cached) {
                  log.flush();
                  return;
                }
                db.createStatement().execute("select");
              }
              // A guard's early return leaves the SQL after it on the main path.
              void refresh(boolean closed) throws Exception {
                if (closed) {
                  return;
                }
                in.read();
                db.createStatement().execute("select");
              }
              synchronized void run() throws Exception {
                // BUG: Diagnostic contains: `save() -> Statement.execute()` runs SQL
                save(false);
                // BUG: Diagnostic contains: `load() -> Statement.execute()` runs SQL
                load();
                // BUG: Diagnostic contains: `report() -> InputStream.read()`
                report();
                // BUG: Diagnostic contains: `restore() -> InputStream.read()`
                restore(true);
                // BUG: Diagnostic contains: `refresh() -> Statement.execute()` runs SQL
                refresh(false);
              }
            }
            """)
        .doTest();
  }

  @Test
  public void constructorsCallingTheirOverloadsAndLongChains() {
    calls
        .addSourceLines(
            "Client.java",
            """
            class Client {
              Client() throws InterruptedException { this(1); }
              Client(int retries) throws InterruptedException { a(); }
              void a() throws InterruptedException { b(); }
              void b() throws InterruptedException { c(); }
              void c() throws InterruptedException { d(); }
              void d() throws InterruptedException { e(); }
              void e() throws InterruptedException { Thread.sleep(1); }
              synchronized void open() throws InterruptedException {
                // BUG: Diagnostic contains: `new Client() -> new Client(int) -> ... (4 more) -> e() -> Thread.sleep()`
                new Client();
                // BUG: Diagnostic contains: `a() -> b() -> c() -> d() -> e() -> Thread.sleep()`
                a();
              }
            }
            """)
        .doTest();
  }

  @Test
  public void aSuppressedDeclarationInsideTheRegionSilencesItsCallsOnly() {
    helper
        .addSourceLines(
            "Loader.java",
            """
            import java.io.*;
            import java.util.concurrent.locks.ReentrantLock;
            class Loader {
              private final ReentrantLock lock = new ReentrantLock();
              void load(BufferedReader in) throws Exception {
                // BUG: Diagnostic contains: `lock` is held across a blocking call: `Thread.sleep()` sleeps the thread (line 11); `lock` is also taken by `reload()`
                lock.lock();
                try {
                  @SuppressWarnings("BlockingCallUnderLock") // the header line is in memory already
                  String header = in.readLine();
                  Thread.sleep(1);
                } finally {
                  lock.unlock();
                }
              }
              @SuppressWarnings("BlockingCallUnderLock") // only the loader thread takes this lock
              void reload(BufferedReader in) throws Exception {
                lock.lock();
                try {
                  in.readLine();
                } finally {
                  lock.unlock();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void itSaysTheRegionAlsoPinsUnlessMonitorsNoLongerPin() {
    String source =
        """
        class Poller {
          // BUG: Diagnostic contains: `this` is held across a blocking call: `Thread.sleep()` sleeps the thread (line 4); it also pins a virtual thread's carrier thread on JDK 21-23
          synchronized void poll() throws InterruptedException {
            Thread.sleep(10);
          }
        }
        """;
    helper.addSourceLines("Poller.java", source).setArgs("-XepOpt:Deadbolt:RuntimeJdk=21").doTest();
    CompilationTestHelper.newInstance(BlockingCallUnderLock.class, getClass())
        .addSourceLines(
            "Poller.java",
            """
            class Poller {
              // BUG: Diagnostic matches: NoPinning
              synchronized void poll() throws InterruptedException {
                Thread.sleep(10);
              }
            }
            """)
        .expectErrorMessage(
            "NoPinning", m -> m.contains("`this` is held across") && !m.contains("pins"))
        .setArgs("-XepOpt:Deadbolt:RuntimeJdk=24")
        .doTest();
  }

  // ---- negatives: the traps real code sets ------------------------------------------------------

  @Test
  public void lambdasAndClassesWrittenUnderTheLockRunLater() {
    calls
        .addSourceLines(
            "Scheduler.java",
            """
            import java.util.concurrent.*;
            class Scheduler {
              private final ExecutorService executor = Executors.newCachedThreadPool();
              private Runnable pending;
              synchronized void schedule(Future<?> f) {
                executor.execute(() -> {
                  try { Thread.sleep(10); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
                });
                pending = new Runnable() {
                  @Override public void run() {
                    try { f.get(); } catch (Exception e) { throw new RuntimeException(e); }
                  }
                };
                CompletableFuture.runAsync(this::slow, executor);
                Runnable stored = this::slow;
              }
              void slow() {
                try { Thread.sleep(10); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void lockReleasedBeforeTheCallAndTryLockFailurePath() {
    calls
        .addSourceLines(
            "Snapshot.java",
            """
            import java.util.concurrent.locks.*;
            class Snapshot {
              private final Lock lock = new ReentrantLock();
              private int value;
              void publish(java.io.OutputStream out) throws java.io.IOException {
                int copy;
                lock.lock();
                try {
                  copy = value;
                } finally {
                  lock.unlock();
                }
                out.write(copy);
              }
              void opportunistic(java.io.OutputStream out) throws java.io.IOException {
                if (!lock.tryLock()) {
                  out.write(0);
                  return;
                }
                try {
                  value++;
                } finally {
                  lock.unlock();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void awaitAndWaitOnTheHeldLockReleaseIt() {
    calls
        .addSourceLines(
            "BoundedBuffer.java",
            """
            import java.util.ArrayDeque;
            import java.util.concurrent.locks.*;
            class BoundedBuffer {
              private final ReentrantLock lock = new ReentrantLock();
              private final Condition notFull = lock.newCondition();
              private final Condition notEmpty;
              private final ArrayDeque<String> items = new ArrayDeque<>();
              BoundedBuffer() { this.notEmpty = lock.newCondition(); }
              void put(String s) throws InterruptedException {
                lock.lock();
                try {
                  while (items.size() == 10) {
                    notFull.await();
                  }
                  items.add(s);
                  notEmpty.signal();
                } finally {
                  lock.unlock();
                }
              }
              String take() throws InterruptedException {
                lock.lock();
                try {
                  awaitItems();
                  return items.poll();
                } finally {
                  lock.unlock();
                }
              }
              private void awaitItems() throws InterruptedException {
                while (items.isEmpty()) {
                  notEmpty.await();
                }
              }
              synchronized void monitorStyle() throws InterruptedException {
                while (items.isEmpty()) {
                  wait();
                }
              }
              private final Object gate = new Object();
              void gate() throws InterruptedException {
                synchronized (gate) {
                  gate.wait(100);
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void inMemoryStreamsLoggingAndNonBlockingQueueCalls() {
    calls
        .addSourceLines(
            "Formatter.java",
            """
            import java.io.*;
            import java.util.concurrent.*;
            import java.util.logging.Logger;
            class Formatter {
              private static final Logger LOG = Logger.getLogger("f");
              private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(8);
              synchronized String format(String s) throws IOException {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                bytes.write(s.getBytes());
                StringWriter sw = new StringWriter();
                sw.write(s);
                new StringReader(s).read();
                new ByteArrayInputStream(bytes.toByteArray()).read();
                System.out.println(s);
                LOG.info(s);
                queue.offer(s);
                queue.poll();
                queue.peek();
                return sw.toString();
              }
            }
            """)
        .doTest();
  }

  @Test
  public void takingAnotherLockIsOrderingNotBlocking() {
    calls
        .addSourceLines(
            "Transfer.java",
            """
            import java.util.concurrent.locks.*;
            class Transfer {
              private final Lock from = new ReentrantLock();
              private final Lock to = new ReentrantLock();
              void move() {
                from.lock();
                try {
                  to.lock();
                  try {
                  } finally {
                    to.unlock();
                  }
                } finally {
                  from.unlock();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void takingALockWhoseImplementationParksIsNotABlockingCall() {
    calls
        .addSourceLines(
            "SpinLock.java",
            """
            import java.util.concurrent.TimeUnit;
            import java.util.concurrent.locks.*;
            /** A Lock of this compilation whose lock() parks: still lock ordering, not blocking. */
            class SpinLock implements Lock {
              public void lock() { LockSupport.parkNanos(1); }
              public void lockInterruptibly() { lock(); }
              public boolean tryLock() { return true; }
              public boolean tryLock(long t, TimeUnit u) { return true; }
              public void unlock() {}
              public Condition newCondition() { throw new UnsupportedOperationException(); }
            }
            """)
        .addSourceLines(
            "Nested.java",
            """
            class Nested {
              private final SpinLock outer = new SpinLock();
              private final SpinLock inner = new SpinLock();
              void run() {
                outer.lock();
                try {
                  inner.lock();
                  inner.unlock();
                } finally {
                  outer.unlock();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void nonBlockingFactsAndHelpersThatOnlyDeferWork() {
    calls
        .addSourceLines(
            "Notifier.java",
            """
            import java.util.concurrent.*;
            class Notifier {
              private final ExecutorService executor = Executors.newSingleThreadExecutor();
              @dev.deadbolt.annotations.NonBlocking
              void fireAndForget() {
                try { Thread.sleep(1); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
              }
              void later() {
                executor.execute(() -> {
                  try { Thread.sleep(1); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
                });
              }
              void even() { odd(); }
              void odd() { even(); }
              synchronized void run() {
                fireAndForget();
                later();
                even();
              }
            }
            """)
        .doTest();
  }

  @Test
  public void noLockNoFindingAndSuppression() {
    helper
        .addSourceLines(
            "Quiet.java",
            """
            class Quiet {
              void unlocked() throws InterruptedException {
                Thread.sleep(10);
              }
              @SuppressWarnings("BlockingCallUnderLock")
              synchronized void accepted() throws InterruptedException {
                Thread.sleep(10);
              }
              @SuppressWarnings("BlockingCallUnderLock")
              synchronized void acceptedThroughAHelper() {
                helper();
              }
              void helper() {
                try { Thread.sleep(1); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
              }
            }
            """)
        .doTest();
  }

  // ---- calls that cannot wait here ------------------------------------------------------------

  @Test
  public void putAndTimedOfferOnAQueueWithoutCapacityNeverWait() {
    calls
        .addSourceLines(
            "EventRelay.java",
            """
            import java.util.concurrent.*;
            class EventRelay {
              private final BlockingQueue<String> outbox = new LinkedBlockingQueue<>();
              private final BlockingQueue<String> spill = new LinkedBlockingQueue<>(Integer.MAX_VALUE);
              private final BlockingDeque<String> retries;
              private final PriorityBlockingQueue<Integer> urgent = new PriorityBlockingQueue<>();
              private final DelayQueue<Delayed> timers = new DelayQueue<>();
              private final LinkedTransferQueue<String> handOff = new LinkedTransferQueue<>();
              EventRelay() {
                retries = new LinkedBlockingDeque<>();
              }
              synchronized void relay(String event, Delayed timer, PriorityBlockingQueue<Integer> given)
                  throws InterruptedException {
                outbox.put(event);
                outbox.offer(event, 1, TimeUnit.SECONDS);
                this.spill.put(event);
                retries.putFirst(event);
                retries.offerLast(event, 1, TimeUnit.SECONDS);
                urgent.put(1);
                given.offer(2, 1, TimeUnit.SECONDS);
                timers.put(timer);
                handOff.put(event);
                BlockingQueue<String> batch = new LinkedBlockingQueue<>();
                batch.put(event);
                enqueue(event);
              }
              private void enqueue(String event) throws InterruptedException {
                outbox.put(event);
              }
            }
            """)
        .doTest();
  }

  @Test
  public void queuesThatCanBeFullOrEmptyStillWait() {
    calls
        .addSourceLines(
            "Mailbox.java",
            """
            import java.util.concurrent.*;
            class Mailbox {
              private final BlockingQueue<String> unbounded = new LinkedBlockingQueue<>();
              private BlockingQueue<String> replaceable = new LinkedBlockingQueue<>();
              private final BlockingQueue<String> bounded = new LinkedBlockingQueue<>(100);
              private final BlockingQueue<String> special =
                  new LinkedBlockingQueue<>() {
                    @Override public void put(String s) throws InterruptedException {
                      Thread.sleep(1);
                    }
                  };
              private final LinkedTransferQueue<String> handOff = new LinkedTransferQueue<>();
              synchronized void exchange(String s, BlockingQueue<String> given, boolean small)
                  throws InterruptedException {
                // BUG: Diagnostic contains: `BlockingQueue.take()` waits for an element
                unbounded.take();
                // BUG: Diagnostic contains: `BlockingQueue.poll()` waits for an element until the timeout
                unbounded.poll(1, TimeUnit.SECONDS);
                // BUG: Diagnostic contains: `BlockingQueue.put()` waits for space in the queue
                replaceable.put(s);
                // BUG: Diagnostic contains: `BlockingQueue.put()` waits for space in the queue
                bounded.put(s);
                // BUG: Diagnostic contains: `BlockingQueue.put()` waits for space in the queue
                special.put(s);
                // BUG: Diagnostic contains: `BlockingQueue.offer()` waits for space in the queue until the timeout
                given.offer(s, 1, TimeUnit.SECONDS);
                BlockingQueue<String> either;
                if (small) {
                  either = new ArrayBlockingQueue<>(1);
                } else {
                  either = new LinkedBlockingQueue<>();
                }
                // BUG: Diagnostic contains: `BlockingQueue.put()` waits for space in the queue
                either.put(s);
                // BUG: Diagnostic contains: `LinkedTransferQueue.transfer()` waits for a consumer to take the element
                handOff.transfer(s);
              }
            }
            """)
        .doTest();
  }

  @Test
  public void awaitTerminationOfAnExecutorThatNeverHadATask() {
    calls
        .addSourceLines(
            "SegmentStore.java",
            """
            import java.util.concurrent.*;
            class SegmentStore implements AutoCloseable {
              private final ThreadFactory threads = Thread::new;
              private final int sweepers = 4;
              private boolean open = true;
              @Override
              public void close() throws InterruptedException {
                synchronized (this) {
                  ExecutorService sweeper =
                      new ThreadPoolExecutor(
                          1, sweepers, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(sweepers), threads);
                  open = false;
                  sweeper.shutdown();
                  if (!sweeper.isTerminated()) {
                    sweeper.awaitTermination(10, TimeUnit.SECONDS);
                  }
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void awaitTerminationOfAnExecutorThatMayHaveTasksStillWaits() {
    calls
        .addSourceLines(
            "Reindexer.java",
            """
            import java.util.List;
            import java.util.concurrent.*;
            class Reindexer {
              private final ExecutorService shared = Executors.newFixedThreadPool(2);
              synchronized void reindex(Runnable task, BlockingQueue<Runnable> backlog, boolean quick)
                  throws InterruptedException {
                ExecutorService worker = Executors.newSingleThreadExecutor();
                worker.execute(task);
                worker.shutdown();
                // BUG: Diagnostic contains: `ExecutorService.awaitTermination()` waits for the executor's tasks to finish
                worker.awaitTermination(10, TimeUnit.SECONDS);

                ExecutorService handedOut = Executors.newSingleThreadExecutor();
                register(handedOut);
                handedOut.shutdown();
                // BUG: Diagnostic contains: `ExecutorService.awaitTermination()`
                handedOut.awaitTermination(10, TimeUnit.SECONDS);

                ExecutorService neverShutDown = Executors.newSingleThreadExecutor();
                // BUG: Diagnostic contains: `ExecutorService.awaitTermination()`
                neverShutDown.awaitTermination(10, TimeUnit.SECONDS);

                ExecutorService sometimes = Executors.newSingleThreadExecutor();
                if (quick) {
                  sometimes.shutdown();
                }
                // BUG: Diagnostic contains: `ExecutorService.awaitTermination()`
                sometimes.awaitTermination(10, TimeUnit.SECONDS);

                ExecutorService prefilled =
                    new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, backlog);
                prefilled.shutdown();
                // BUG: Diagnostic contains: `ExecutorService.awaitTermination()`
                prefilled.awaitTermination(10, TimeUnit.SECONDS);

                shared.shutdown();
                // BUG: Diagnostic contains: `ExecutorService.awaitTermination()`
                shared.awaitTermination(10, TimeUnit.SECONDS);

                ExecutorService batch = Executors.newFixedThreadPool(2);
                // BUG: Diagnostic contains: `ExecutorService.invokeAll()` waits for all the tasks
                batch.invokeAll(List.of(() -> 1));
                batch.shutdown();
                // BUG: Diagnostic contains: `ExecutorService.awaitTermination()`
                batch.awaitTermination(10, TimeUnit.SECONDS);
              }
              private void register(ExecutorService executor) {}
            }
            """)
        .doTest();
  }

  @Test
  public void closeOfAnExecutorThatNeverHadATask() {
    assumeJdk(19); // ExecutorService.close()
    calls
        .addSourceLines(
            "Exporter.java",
            """
            import java.util.concurrent.*;
            class Exporter {
              synchronized void export(Runnable chunk) {
                ExecutorService idle = Executors.newFixedThreadPool(2);
                if (idle.isShutdown()) {
                  return;
                }
                idle.close();

                ExecutorService busy = Executors.newFixedThreadPool(2);
                busy.execute(chunk);
                // BUG: Diagnostic contains: `ExecutorService.close()` waits for the executor's tasks to finish
                busy.close();
              }
            }
            """)
        .doTest();
  }

  // ---- one finding per class and lock ---------------------------------------------------------

  @Test
  public void theRegionsOfOneLockInAClassAreOneFinding() {
    helper
        .addSourceLines(
            "Session.java",
            """
            import java.io.IOException;
            import java.io.OutputStream;
            import java.util.concurrent.locks.ReentrantLock;
            class Session {
              private final ReentrantLock lock = new ReentrantLock();
              private final Object stats = new Object();
              private final OutputStream out;
              private long sent;
              Session(OutputStream out) {
                this.out = out;
              }
              void commit() throws IOException {
                // BUG: Diagnostic contains: `lock` is held across a blocking call: `OutputStream.write()` writes to a stream (file or network I/O) (line 16); `lock` is held across blocking calls in `rollback()` (line 22), `ping()` (line 30), `quit()` (line 38) and 1 more region too
                lock.lock();
                try {
                  out.write(1);
                } finally {
                  lock.unlock();
                }
              }
              void rollback() throws IOException {
                lock.lock();
                try {
                  out.write(2);
                } finally {
                  lock.unlock();
                }
              }
              void ping() throws IOException {
                lock.lock();
                try {
                  out.flush();
                } finally {
                  lock.unlock();
                }
              }
              void quit() throws IOException {
                lock.lock();
                try {
                  out.write(3);
                } finally {
                  lock.unlock();
                }
              }
              void reset() throws IOException {
                lock.lock();
                try {
                  out.write(4);
                } finally {
                  lock.unlock();
                }
              }
              void count() throws IOException {
                // BUG: Diagnostic contains: `stats` is held across a blocking call
                synchronized (stats) {
                  sent++;
                  out.flush();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void aRegionSuppressedWhereItIsStaysOutOfItsGroup() {
    helper
        .addSourceLines(
            "Session.java",
            """
            import java.io.IOException;
            import java.io.OutputStream;
            class Session {
              private final OutputStream out;
              Session(OutputStream out) {
                this.out = out;
              }
              @SuppressWarnings("BlockingCallUnderLock") // the handshake owns the stream
              synchronized void hello() throws IOException {
                out.write(0);
              }
              // BUG: Diagnostic matches: alone
              synchronized void send() throws IOException {
                out.write(1);
              }
            }
            """)
        .expectErrorMessage(
            "alone",
            message -> message.contains("`this` is held") && !message.contains("in `hello()`"))
        .doTest();
  }

  @Test
  public void regionsOfTheSameLockInAnotherClassAreAFindingOfTheirOwn() {
    helper
        .addSourceLines(
            "Outer.java",
            """
            class Outer {
              static final Object LOCK = new Object();
              void pause() throws InterruptedException {
                // BUG: Diagnostic matches: outer
                synchronized (LOCK) {
                  Thread.sleep(10);
                }
              }
              static class Inner {
                void pause() throws InterruptedException {
                  // BUG: Diagnostic matches: inner
                  synchronized (LOCK) {
                    Thread.sleep(10);
                  }
                }
              }
            }
            """)
        .expectErrorMessage("outer", message -> !message.contains("too"))
        .expectErrorMessage("inner", message -> !message.contains("too"))
        .doTest();
  }

  @Test
  public void aChainThroughBuildingAnExceptionIsShownLast() {
    helper
        .addSourceLines(
            "Channel.java",
            """
            import java.io.IOException;
            import java.io.OutputStream;
            import java.sql.SQLException;
            import java.sql.Statement;
            class Channel {
              private final OutputStream out;
              private final Statement diagnostics;
              Channel(OutputStream out, Statement diagnostics) {
                this.out = out;
                this.diagnostics = diagnostics;
              }
              // BUG: Diagnostic contains: `this` is held across a blocking call: `write() -> OutputStream.write()` writes to a stream
              synchronized void send(int b) throws IOException {
                write(b);
              }
              private void write(int b) throws IOException {
                try {
                  if (b > 0) {
                    out.write(b);
                  }
                } catch (IOException e) {
                  throw failure(e);
                }
              }
              /** Adds the server's diagnostics to the message: a query, on the way out. */
              private IOException failure(IOException e) {
                try {
                  diagnostics.executeQuery("show engine innodb status");
                } catch (SQLException ignored) {
                  // best effort
                }
                return e;
              }
            }
            """)
        .doTest();
  }
}
