package dev.deadbolt.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/**
 * Calls through an interface or abstract method of the compilation block when an implementation they
 * may reach does ({@code dev.deadbolt.blocking.Implementations}); the JDK's general-purpose interfaces
 * and extension points with many implementations are not opened up.
 */
@RunWith(JUnit4.class)
public class InterfaceCallsTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(BlockingCallUnderLock.class, getClass());

  private final CompilationTestHelper pinning =
      CompilationTestHelper.newInstance(VirtualThreadPinning.class, getClass());

  private final CompilationTestHelper lockOrder =
      CompilationTestHelper.newInstance(LockOrderInversion.class, getClass());

  private static final String CONNECTOR =
      """
      import java.io.IOException;
      import java.net.Socket;
      interface Connector {
        Socket open() throws IOException;
      }
      """;

  private static final String SOCKET_CONNECTOR =
      """
      import java.io.IOException;
      import java.net.Socket;
      class SocketConnector implements Connector {
        @Override
        public Socket open() throws IOException {
          return new Socket("db", 5432);
        }
      }
      """;

  // ---- positives ----------------------------------------------------------------------------

  @Test
  public void anInterfaceWithOneBlockingImplementation() {
    helper
        .addSourceLines("Connector.java", CONNECTOR)
        .addSourceLines("SocketConnector.java", SOCKET_CONNECTOR)
        .addSourceLines(
            "Pool.java",
            """
            import java.io.IOException;
            class Pool {
              private final Object lock = new Object();
              private final Connector connector;
              Pool(Connector connector) {
                this.connector = connector;
              }
              void grow() throws IOException {
                // BUG: Diagnostic contains: `lock` is held across a blocking call: `Connector.open() [SocketConnector] -> new Socket()` connects a socket
                synchronized (lock) {
                  connector.open();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void severalImplementationsOneOfThemBlocking() {
    helper
        .addSourceLines("Connector.java", CONNECTOR)
        .addSourceLines(
            "Connectors.java",
            """
            import java.io.IOException;
            import java.net.Socket;
            class Connectors {
              static class Cached implements Connector {
                private Socket socket;
                @Override
                public Socket open() {
                  return socket;
                }
              }
              static class Dialing implements Connector {
                @Override
                public Socket open() throws IOException {
                  return dial();
                }
                private Socket dial() throws IOException {
                  return new Socket("db", 5432);
                }
              }
              static class Failing implements Connector {
                @Override
                public Socket open() throws IOException {
                  throw new IOException("closed");
                }
              }
            }
            """)
        .addSourceLines(
            "Pool.java",
            """
            import java.io.IOException;
            import java.util.concurrent.locks.ReentrantLock;
            class Pool {
              private final ReentrantLock lock = new ReentrantLock();
              void grow(Connector connector) throws IOException {
                // BUG: Diagnostic contains: `Connector.open() [Dialing] -> Dialing.dial() -> new Socket()` connects a socket
                lock.lock();
                try {
                  connector.open();
                } finally {
                  lock.unlock();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void anAnonymousImplementation() {
    helper
        .addSourceLines(
            "Refresher.java",
            """
            interface Refresher {
              void refresh() throws InterruptedException;
            }
            """)
        .addSourceLines(
            "Cache.java",
            """
            class Cache {
              private final Refresher refresher =
                  new Refresher() {
                    @Override
                    public void refresh() throws InterruptedException {
                      Thread.sleep(1000);
                    }
                  };
              // BUG: Diagnostic contains: `Refresher.refresh() [anonymous Refresher] -> Thread.sleep()` sleeps the thread
              synchronized void reload() throws InterruptedException {
                refresher.refresh();
              }
            }
            """)
        .doTest();
  }

  @Test
  public void anAbstractMethodImplementedByASubclass() {
    helper
        .addSourceLines(
            "Factory.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            abstract class Factory {
              abstract Connection create() throws SQLException;
              // BUG: Diagnostic contains: `create() [DriverFactory] -> DataSource.getConnection()` opens or waits for a database connection
              synchronized Connection make() throws SQLException {
                return create();
              }
            }
            """)
        .addSourceLines(
            "DriverFactory.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import javax.sql.DataSource;
            class DriverFactory extends Factory {
              private final DataSource dataSource;
              DriverFactory(DataSource dataSource) {
                this.dataSource = dataSource;
              }
              @Override
              Connection create() throws SQLException {
                return dataSource.getConnection();
              }
            }
            """)
        .doTest();
  }

  @Test
  public void anEnumConstantWithABody() {
    helper
        .addSourceLines(
            "Flush.java",
            """
            import java.io.IOException;
            import java.io.OutputStream;
            enum Flush {
              NEVER {
                @Override
                void after(OutputStream out) {}
              },
              ALWAYS {
                @Override
                void after(OutputStream out) throws IOException {
                  out.flush();
                }
              };
              abstract void after(OutputStream out) throws IOException;
            }
            """)
        .addSourceLines(
            "Log.java",
            """
            import java.io.IOException;
            import java.io.OutputStream;
            class Log {
              private final Object lock = new Object();
              void append(OutputStream out, Flush flush) throws IOException {
                // BUG: Diagnostic contains: `Flush.after() [anonymous Flush] -> OutputStream.flush()` flushes a stream
                synchronized (lock) {
                  flush.after(out);
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void aLockOrderThroughTheOnlyImplementation() {
    lockOrder
        .addSourceLines(
            "Ledger.java",
            """
            interface Ledger {
              void append(String entry);
            }
            """)
        .addSourceLines(
            "Accounts.java",
            """
            class Accounts implements Ledger {
              static final Object BOOK = new Object();
              static final Object TOTALS = new Object();
              @Override
              public void append(String entry) {
                synchronized (TOTALS) {
                  // BUG: Diagnostic contains: but Posting.post() (Posting.java:4) acquires them in the opposite order
                  synchronized (BOOK) {}
                }
              }
            }
            """)
        .addSourceLines(
            "Posting.java",
            """
            class Posting {
              void post(Ledger ledger) {
                synchronized (Accounts.BOOK) {
                  ledger.append("x");
                }
              }
            }
            """)
        .doTest();
  }

  // ---- negatives ----------------------------------------------------------------------------

  @Test
  public void theJdksGeneralPurposeInterfacesAreNotOpenedUp() {
    helper
        .addSourceLines(
            "Slow.java",
            """
            import java.util.Iterator;
            import java.util.function.Supplier;
            class Slow implements Runnable, Supplier<String>, AutoCloseable, Iterator<String> {
              @Override
              public void run() {
                try {
                  Thread.sleep(1000);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
              @Override
              public String get() {
                run();
                return "";
              }
              @Override
              public void close() {
                run();
              }
              @Override
              public boolean hasNext() {
                run();
                return false;
              }
              @Override
              public String next() {
                run();
                return "";
              }
            }
            """)
        .addSourceLines(
            "Job.java",
            """
            // A type of this compilation that only inherits run(): the call's method is the JDK's.
            interface Job extends Runnable {}
            """)
        .addSourceLines(
            "Runner.java",
            """
            import java.util.Iterator;
            import java.util.function.Supplier;
            class Runner {
              private final Object lock = new Object();
              void runAll(Runnable task, Supplier<String> supplier, Iterator<String> items, Job job)
                  throws Exception {
                synchronized (lock) {
                  task.run();
                  supplier.get();
                  items.next();
                  job.run();
                  try (AutoCloseable resource = open()) {
                    resource.close();
                  }
                }
              }
              private AutoCloseable open() {
                return () -> {};
              }
            }
            """)
        .doTest();
  }

  @Test
  public void noImplementationBlocks() {
    helper
        .addSourceLines("Connector.java", CONNECTOR)
        .addSourceLines(
            "Cached.java",
            """
            import java.net.Socket;
            class Cached implements Connector {
              private Socket socket;
              @Override
              public Socket open() {
                return socket;
              }
            }
            """)
        .addSourceLines(
            "Pool.java",
            """
            import java.io.IOException;
            class Pool {
              synchronized void grow(Connector connector) throws IOException {
                connector.open();
              }
            }
            """)
        .doTest();
  }

  @Test
  public void anExtensionPointWithManyImplementationsIsNotOpenedUp() {
    StringBuilder handlers = new StringBuilder("class Handlers {\n");
    for (int i = 0; i < 6; i++) {
      handlers.append("  static class Quiet").append(i).append(" implements Handler {\n");
      handlers.append("    @Override public void on(String event) {}\n  }\n");
    }
    handlers.append(
        """
          static class Sleepy implements Handler {
            @Override
            public void on(String event) throws InterruptedException {
              Thread.sleep(10);
            }
          }
        }
        """);
    helper
        .addSourceLines(
            "Handler.java",
            """
            interface Handler {
              void on(String event) throws InterruptedException;
            }
            """)
        .addSourceLines("Handlers.java", handlers.toString())
        .addSourceLines(
            "Bus.java",
            """
            class Bus {
              synchronized void publish(Handler handler) throws InterruptedException {
                handler.on("event");
              }
            }
            """)
        .doTest();
  }

  @Test
  public void aDecoratorIsNotAnImplementationACallReaches() {
    pinning
        .addSourceLines("Connector.java", CONNECTOR)
        .addSourceLines(
            "Connectors.java",
            """
            import java.io.IOException;
            import java.net.Socket;
            import java.util.concurrent.locks.ReentrantLock;
            class Connectors {
              static class Cached implements Connector {
                private Socket socket;
                @Override
                public Socket open() {
                  return socket;
                }
              }
              /** Serializes the calls of the connector it wraps: parks on its own lock. */
              static class Serialized implements Connector {
                private final ReentrantLock lock = new ReentrantLock();
                private final Connector delegate;
                Serialized(Connector delegate) {
                  this.delegate = delegate;
                }
                @Override
                public Socket open() throws IOException {
                  lock.lock();
                  try {
                    return delegate.open();
                  } finally {
                    lock.unlock();
                  }
                }
              }
            }
            """)
        .addSourceLines(
            "Pool.java",
            """
            import java.io.IOException;
            class Pool {
              synchronized void grow(Connector connector) throws IOException {
                connector.open();
              }
            }
            """)
        .doTest();
  }

  @Test
  public void aNonBlockingImplementationIsTakenAtItsWord() {
    helper
        .addSourceLines(
            "NonBlocking.java",
            """
            import java.lang.annotation.*;
            @Retention(RetentionPolicy.CLASS)
            @interface NonBlocking {}
            """)
        .addSourceLines("Connector.java", CONNECTOR)
        .addSourceLines(
            "Prewarmed.java",
            """
            import java.io.IOException;
            import java.net.Socket;
            class Prewarmed implements Connector {
              @NonBlocking
              @Override
              public Socket open() throws IOException {
                return new Socket("localhost", 5432);
              }
            }
            """)
        .addSourceLines(
            "Pool.java",
            """
            import java.io.IOException;
            class Pool {
              synchronized void grow(Connector connector) throws IOException {
                connector.open();
              }
            }
            """)
        .doTest();
  }

  @Test
  public void aLambdaIsNotAnImplementationTheCallIsKnownToReach() {
    helper
        .addSourceLines("Connector.java", CONNECTOR)
        .addSourceLines(
            "Pool.java",
            """
            import java.io.IOException;
            import java.net.Socket;
            class Pool {
              static final Connector DIALING = () -> new Socket("db", 5432);
              synchronized void grow(Connector connector) throws IOException {
                connector.open();
              }
            }
            """)
        .doTest();
  }

  @Test
  public void theLockIsReleasedBeforeTheInterfaceCall() {
    helper
        .addSourceLines("Connector.java", CONNECTOR)
        .addSourceLines("SocketConnector.java", SOCKET_CONNECTOR)
        .addSourceLines(
            "Pool.java",
            """
            import java.io.IOException;
            import java.util.concurrent.locks.ReentrantLock;
            class Pool {
              private final ReentrantLock lock = new ReentrantLock();
              private int size;
              void grow(Connector connector) throws IOException {
                lock.lock();
                try {
                  size++;
                } finally {
                  lock.unlock();
                }
                connector.open();
              }
            }
            """)
        .doTest();
  }

  @Test
  public void objectMethodsRedeclaredByAnInterfaceAreNotOpenedUp() {
    helper
        .addSourceLines(
            "Named.java",
            """
            interface Named {
              @Override
              String toString();
            }
            """)
        .addSourceLines(
            "Remote.java",
            """
            class Remote implements Named {
              @Override
              public String toString() {
                try {
                  Thread.sleep(10);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                return "remote";
              }
            }
            """)
        .addSourceLines(
            "Registry.java",
            """
            class Registry {
              synchronized String describe(Named named) {
                return named.toString();
              }
            }
            """)
        .doTest();
  }

  @Test
  public void aLockOrderThroughOneOfSeveralImplementationsIsNotClaimed() {
    lockOrder
        .addSourceLines(
            "Ledger.java",
            """
            interface Ledger {
              void append(String entry);
            }
            """)
        .addSourceLines(
            "Ledgers.java",
            """
            class Ledgers {
              static final Object BOOK = new Object();
              static final Object TOTALS = new Object();
              static class Accounts implements Ledger {
                @Override
                public void append(String entry) {
                  synchronized (TOTALS) {
                    synchronized (BOOK) {}
                  }
                }
              }
              static class Discard implements Ledger {
                @Override
                public void append(String entry) {}
              }
            }
            """)
        .addSourceLines(
            "Posting.java",
            """
            class Posting {
              void post(Ledger ledger) {
                synchronized (Ledgers.BOOK) {
                  ledger.append("x");
                }
              }
            }
            """)
        .doTest();
  }
}
