package dev.deadbolt.checks;

import com.google.errorprone.CompilationTestHelper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/**
 * The built-in catalogs of libraries' blocking calls ({@code catalog/libraries/}), each group compiled
 * against the library's real jar (test dependencies), so that a method the library renames or drops
 * fails here: a call that blocks, and beside it the library's asynchronous or local calls that do not.
 */
@RunWith(JUnit4.class)
public class LibraryCatalogsTest {
  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  private final CompilationTestHelper calls =
      CompilationTestHelper.newInstance(BlockingRegionsPrinter.class, getClass());

  /**
   * A user's catalog file has the built-in catalogs' power: a type's own methods, parameter types, and
   * exclusions by return type.
   */
  @Test
  public void userCatalogFileUsesEveryEntryKind() throws Exception {
    Path catalog = temp.newFile("blocking.txt").toPath();
    Files.writeString(
        catalog,
        String.join(
            "\n",
            "com.acme.Store#{members}                       talks to the store",
            "com.acme.Mailer#send(java.lang.String,int)     sends mail",
            "com.acme.Queue                                 waits on the queue",
            "!com.acme.Queue#*:java.util.concurrent.CompletionStage",
            ""),
        StandardCharsets.UTF_8);
    CompilationTestHelper.newInstance(BlockingCallUnderLock.class, getClass())
        .setArgs("-XepOpt:Deadbolt:BlockingMethods=" + catalog)
        .addSourceLines(
            "com/acme/Store.java",
            """
            package com.acme;
            public interface Store {
              String load(String key);
            }
            """)
        .addSourceLines(
            "com/acme/CachedStore.java",
            """
            package com.acme;
            public class CachedStore implements Store {
              @Override public String load(String key) { return key; }
              public void setSize(int size) {}
            }
            """)
        .addSourceLines(
            "com/acme/Mailer.java",
            """
            package com.acme;
            public class Mailer {
              public void send(String to, int retries) {}
              public void send(StringBuilder draft, int retries) {}
            }
            """)
        .addSourceLines(
            "com/acme/Queue.java",
            """
            package com.acme;
            import java.util.concurrent.CompletableFuture;
            public interface Queue {
              String take();
              CompletableFuture<String> takeLater();
            }
            """)
        .addSourceLines(
            "com/acme/Service.java",
            """
            package com.acme;
            class Service {
              // (A lock per kind of entry: the regions of one lock in a class are one finding.)
              private final Object stores = new Object();
              private final Object mail = new Object();
              private final Object queues = new Object();
              void load(CachedStore store) {
                // BUG: Diagnostic contains: `CachedStore.load()` talks to the store
                synchronized (stores) {
                  store.load("k");
                }
              }
              void configure(CachedStore store) {
                synchronized (stores) {
                  store.setSize(10);
                }
              }
              void mail(Mailer mailer) {
                // BUG: Diagnostic contains: `Mailer.send()` sends mail
                synchronized (mail) {
                  mailer.send("ops", 1);
                }
              }
              void draft(Mailer mailer) {
                synchronized (mail) {
                  mailer.send(new StringBuilder(), 1);
                }
              }
              void take(Queue queue) {
                // BUG: Diagnostic contains: `Queue.take()` waits on the queue
                synchronized (queues) {
                  queue.take();
                }
              }
              void takeLater(Queue queue) {
                synchronized (queues) {
                  queue.takeLater();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void jdbcAndJndi() {
    calls
        .addSourceLines(
            "Db.java",
            """
            import java.net.InetSocketAddress;
            import java.sql.*;
            import javax.naming.Context;
            import javax.sql.*;
            class Db {
              synchronized void open(Driver driver, ConnectionPoolDataSource pool, XADataSource xa, Context jndi, Connection c)
                  throws Exception {
                // BUG: Diagnostic contains: `Driver.connect()` opens a database connection
                driver.connect("jdbc:x", new java.util.Properties());
                // BUG: Diagnostic contains: `ConnectionPoolDataSource.getPooledConnection()` opens a database connection
                PooledConnection pooled = pool.getPooledConnection();
                // BUG: Diagnostic contains: `PooledConnection.getConnection()` opens or waits for a database connection
                pooled.getConnection();
                // BUG: Diagnostic contains: `XADataSource.getXAConnection()` opens a database connection
                xa.getXAConnection();
                // BUG: Diagnostic contains: `Connection.isValid()` checks the connection
                c.isValid(1);
                // BUG: Diagnostic contains: `Context.lookup()` looks a name up in the naming service
                jndi.lookup("java:comp/env/jdbc/orders");
                // BUG: Diagnostic contains: `Connection.close()` closes the connection
                c.close();
              }
              synchronized void local(Connection c, Context jndi) throws Exception {
                c.isClosed();
                c.clearWarnings();
                jndi.getEnvironment();
              }
              synchronized void address() {
                // BUG: Diagnostic contains: `new InetSocketAddress()` resolves the host name (DNS round trip)
                new InetSocketAddress("db", 5432);
                InetSocketAddress.createUnresolved("db", 5432);
                new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 5432);
                new InetSocketAddress(8080);
              }
            }
            """)
        .doTest();
  }

  @Test
  public void springJdbcAndTransactions() {
    calls
        .addSourceLines(
            "Accounts.java",
            """
            import java.util.Map;
            import org.springframework.jdbc.core.JdbcOperations;
            import org.springframework.jdbc.core.JdbcTemplate;
            import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
            import org.springframework.transaction.PlatformTransactionManager;
            import org.springframework.transaction.TransactionStatus;
            import org.springframework.transaction.support.DefaultTransactionDefinition;
            class Accounts {
              synchronized Integer count(
                  JdbcTemplate jdbc, JdbcOperations ops, NamedParameterJdbcTemplate named, PlatformTransactionManager tx) {
                // BUG: Diagnostic contains: `PlatformTransactionManager.getTransaction()` begins a transaction
                TransactionStatus status = tx.getTransaction(new DefaultTransactionDefinition());
                // BUG: Diagnostic contains: `JdbcTemplate.queryForObject()` runs SQL (database round trip)
                Integer n = jdbc.queryForObject("select count(*) from a", Integer.class);
                // BUG: Diagnostic contains: `JdbcOperations.update()` runs SQL (database round trip)
                ops.update("delete from a");
                // BUG: Diagnostic contains: `NamedParameterJdbcTemplate.update()` runs SQL (database round trip)
                named.update("delete from a where id = :id", Map.of("id", 1));
                // BUG: Diagnostic contains: `PlatformTransactionManager.commit()` commits (database round trip)
                tx.commit(status);
                return n;
              }
              synchronized void configure(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
                jdbc.setFetchSize(100);
                jdbc.getDataSource();
                jdbc.toString();
                named.getJdbcOperations();
              }
            }
            """)
        .doTest();
  }

  @Test
  public void springWebClientsAndConverters() {
    calls
        .addSourceLines(
            "Prices.java",
            """
            import org.springframework.http.MediaType;
            import org.springframework.http.converter.StringHttpMessageConverter;
            import org.springframework.http.server.ServerHttpResponse;
            import org.springframework.web.client.RestClient;
            import org.springframework.web.client.RestTemplate;
            class Prices {
              synchronized String fetch(RestTemplate rest, RestClient client) {
                // BUG: Diagnostic contains: `RestTemplate.getForObject()` does an HTTP round trip
                rest.getForObject("http://prices/x", String.class);
                // BUG: Diagnostic contains: `ResponseSpec.body()` does an HTTP round trip
                return client.get().uri("http://prices/x").retrieve().body(String.class);
              }
              synchronized void write(StringHttpMessageConverter converter, ServerHttpResponse response) throws Exception {
                // BUG: Diagnostic contains: writes a message body (network I/O)
                converter.write("x", MediaType.TEXT_PLAIN, response);
                // BUG: Diagnostic contains: `ServerHttpResponse.flush()` flushes the response
                response.flush();
              }
              synchronized void configure(RestTemplate rest, RestClient client, StringHttpMessageConverter converter) {
                rest.getMessageConverters();
                client.get().uri("http://prices/x").retrieve();
                converter.canWrite(String.class, MediaType.TEXT_PLAIN);
              }
            }
            """)
        .doTest();
  }

  @Test
  public void springJmsAndData() {
    calls
        .addSourceLines(
            "Orders.java",
            """
            import java.util.List;
            import java.util.Optional;
            import java.util.concurrent.CompletableFuture;
            import org.reactivestreams.Publisher;
            import org.springframework.data.repository.CrudRepository;
            import org.springframework.data.repository.Repository;
            import org.springframework.jms.core.JmsTemplate;
            interface Orders extends CrudRepository<String, Long> {
              List<String> findByCustomer(String customer);
              CompletableFuture<String> findFirstByCustomer(String customer);
            }
            interface StreamedOrders extends Repository<String, Long> {
              Publisher<String> findAllByCustomer(String customer);
            }
            class OrderDesk {
              synchronized void place(Orders orders, JmsTemplate jms) {
                // BUG: Diagnostic contains: `Orders.findByCustomer()` queries the data store
                orders.findByCustomer("a");
                // BUG: Diagnostic contains: `CrudRepository.findById()` queries the data store
                Optional<String> order = orders.findById(1L);
                // BUG: Diagnostic contains: `JmsTemplate.convertAndSend()` talks to the message broker
                jms.convertAndSend("orders", "placed");
              }
              synchronized void later(Orders orders, StreamedOrders streamed, JmsTemplate jms) {
                orders.findFirstByCustomer("a");
                streamed.findAllByCustomer("a");
                orders.toString();
                jms.setReceiveTimeout(100);
                jms.getDefaultDestinationName();
              }
            }
            """)
        .doTest();
  }

  @Test
  public void kafkaProducerAndConsumer() {
    calls
        .addSourceLines(
            "Relay.java",
            """
            import java.time.Duration;
            import java.util.List;
            import org.apache.kafka.clients.consumer.Consumer;
            import org.apache.kafka.clients.consumer.KafkaConsumer;
            import org.apache.kafka.clients.producer.KafkaProducer;
            import org.apache.kafka.clients.producer.Producer;
            import org.apache.kafka.clients.producer.ProducerRecord;
            class Relay {
              synchronized void relay(Producer<String, String> producer, Consumer<String, String> consumer) {
                // BUG: Diagnostic contains: `Consumer.poll()` waits for records until the timeout
                consumer.poll(Duration.ofSeconds(1));
                // BUG: Diagnostic contains: `Producer.send()` waits for metadata and buffer space (up to max.block.ms)
                producer.send(new ProducerRecord<>("t", "v"));
                // BUG: Diagnostic contains: `Consumer.commitSync()` commits offsets
                consumer.commitSync();
                // BUG: Diagnostic contains: `Producer.close()` waits for the sent records to complete
                producer.close();
              }
              synchronized void flush(KafkaProducer<String, String> producer) {
                // BUG: Diagnostic contains: `KafkaProducer.flush()` waits for the sent records to be acknowledged
                producer.flush();
              }
              synchronized void async(KafkaConsumer<String, String> consumer, KafkaProducer<String, String> producer) {
                consumer.commitAsync();
                consumer.pause(List.of());
                consumer.assignment();
                producer.metrics();
              }
            }
            """)
        .doTest();
  }

  @Test
  public void jmsJavax() {
    jmsCallsBlock("javax.jms");
  }

  @Test
  public void jmsJakarta() {
    jmsCallsBlock("jakarta.jms");
  }

  /** The same calls in either JMS package: the API moved from javax to jakarta unchanged. */
  private void jmsCallsBlock(String jmsPackage) {
    calls
        .addSourceLines(
            "Bridge.java",
            """
            %s
            class Bridge {
              synchronized void forward(ConnectionFactory factory, Session session, MessageConsumer consumer, MessageProducer producer)
                  throws JMSException {
                // BUG: Diagnostic contains: `ConnectionFactory.createConnection()` connects to the message broker
                Connection connection = factory.createConnection();
                // BUG: Diagnostic contains: `Connection.start()` talks to the message broker
                connection.start();
                // BUG: Diagnostic contains: `MessageConsumer.receive()` waits for a message
                Message message = consumer.receive(1000);
                // BUG: Diagnostic contains: `MessageProducer.send()` sends to the message broker
                producer.send(message);
                // BUG: Diagnostic contains: `Session.commit()` commits
                session.commit();
              }
              synchronized void poll(MessageConsumer consumer, Session session) throws JMSException {
                consumer.receiveNoWait();
                session.createTextMessage("x");
                consumer.getMessageSelector();
              }
            }
            """
                .formatted("import " + jmsPackage + ".*;"))
        .doTest();
  }

  @Test
  public void grpcBlockingStubsAndChannels() {
    calls
        .addSourceLines(
            "Greeter.java",
            """
            import com.google.common.util.concurrent.Futures;
            import com.google.common.util.concurrent.ListenableFuture;
            import io.grpc.CallOptions;
            import io.grpc.Channel;
            import io.grpc.ManagedChannel;
            import io.grpc.stub.AbstractBlockingStub;
            import io.grpc.stub.AbstractFutureStub;
            import java.util.concurrent.TimeUnit;
            // What protoc generates for a service, cut to one method.
            final class GreeterBlockingStub extends AbstractBlockingStub<GreeterBlockingStub> {
              GreeterBlockingStub(Channel channel, CallOptions options) {
                super(channel, options);
              }
              @Override
              protected GreeterBlockingStub build(Channel channel, CallOptions options) {
                return new GreeterBlockingStub(channel, options);
              }
              String sayHello(String name) {
                return name;
              }
            }
            final class GreeterFutureStub extends AbstractFutureStub<GreeterFutureStub> {
              GreeterFutureStub(Channel channel, CallOptions options) {
                super(channel, options);
              }
              @Override
              protected GreeterFutureStub build(Channel channel, CallOptions options) {
                return new GreeterFutureStub(channel, options);
              }
              ListenableFuture<String> sayHello(String name) {
                return Futures.immediateFuture(name);
              }
            }
            class Greeter {
              synchronized void greet(GreeterBlockingStub stub, ManagedChannel channel) throws InterruptedException {
                // BUG: Diagnostic contains: `GreeterBlockingStub.sayHello()` does an RPC and waits for the reply
                stub.withDeadlineAfter(1, TimeUnit.SECONDS).sayHello("a");
                // BUG: Diagnostic contains: `ManagedChannel.awaitTermination()` waits for the channel's calls to finish
                channel.awaitTermination(1, TimeUnit.SECONDS);
              }
              synchronized void configure(GreeterBlockingStub stub, GreeterFutureStub future, ManagedChannel channel) {
                stub.withDeadlineAfter(1, TimeUnit.SECONDS);
                stub.getChannel();
                new GreeterBlockingStub(channel, CallOptions.DEFAULT);
                future.sayHello("a");
                channel.shutdown();
              }
            }
            """)
        .doTest();
  }

  @Test
  public void httpClients() {
    calls
        .addSourceLines(
            "Fetcher.java",
            """
            import java.util.concurrent.Future;
            import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
            import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
            import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
            import org.apache.hc.core5.concurrent.FutureCallback;
            class Fetcher {
              synchronized void fetch(
                  okhttp3.OkHttpClient ok,
                  retrofit2.Call<String> call,
                  org.apache.http.impl.client.CloseableHttpClient client4,
                  org.apache.hc.client5.http.impl.classic.CloseableHttpClient client5)
                  throws Exception {
                okhttp3.Request request = new okhttp3.Request.Builder().url("http://x").build();
                // BUG: Diagnostic contains: `Call.execute()` does an HTTP round trip
                ok.newCall(request).execute();
                // BUG: Diagnostic contains: `Call.execute()` does an HTTP round trip
                call.execute();
                // BUG: Diagnostic contains: `CloseableHttpClient.execute()` does an HTTP round trip
                client4.execute(new org.apache.http.client.methods.HttpGet("http://x"));
                // BUG: Diagnostic contains: `CloseableHttpClient.execute()` does an HTTP round trip
                client5.execute(new org.apache.hc.client5.http.classic.methods.HttpGet("http://x"), response -> response.getCode());
              }
              synchronized void async(
                  okhttp3.OkHttpClient ok, okhttp3.Callback callback, retrofit2.Call<String> call,
                  retrofit2.Callback<String> retrofitCallback, CloseableHttpAsyncClient async) {
                okhttp3.Request request = new okhttp3.Request.Builder().url("http://x").build();
                ok.newCall(request).enqueue(callback);
                call.enqueue(retrofitCallback);
                Future<SimpleHttpResponse> response =
                    async.execute(SimpleRequestBuilder.get("http://x").build(), (FutureCallback<SimpleHttpResponse>) null);
              }
            }
            """)
        .doTest();
  }

  @Test
  public void jedisCommandsAndPool() {
    calls
        .addSourceLines(
            "Sessions.java",
            """
            import redis.clients.jedis.Jedis;
            import redis.clients.jedis.JedisPool;
            import redis.clients.jedis.Pipeline;
            import redis.clients.jedis.UnifiedJedis;
            class Sessions {
              synchronized String get(JedisPool pool, UnifiedJedis unified) {
                // BUG: Diagnostic contains: `UnifiedJedis.set()` sends a Redis command (network round trip)
                unified.set("k", "v");
                // BUG: Diagnostic contains: `JedisPool.getResource()` waits for a pooled connection, or opens one
                Jedis jedis = pool.getResource();
                // BUG: Diagnostic contains: `Jedis.get()` sends a Redis command (network round trip)
                return jedis.get("k");
              }
              synchronized void pipelined(Jedis jedis) {
                Pipeline pipeline = jedis.pipelined();
                pipeline.get("k");
                pipeline.set("k", "v");
                jedis.isConnected();
              }
            }
            """)
        .doTest();
  }

  @Test
  public void lettuceSynchronousCommandsAndConnects() {
    calls
        .addSourceLines(
            "Sessions.java",
            """
            import io.lettuce.core.RedisClient;
            import io.lettuce.core.api.StatefulRedisConnection;
            import io.lettuce.core.api.async.RedisAsyncCommands;
            import io.lettuce.core.api.sync.RedisCommands;
            import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;
            class Sessions {
              synchronized String get(RedisCommands<String, String> redis) {
                // BUG: Diagnostic contains: `RedisStringCommands.set()` sends a Redis command and waits for the reply
                redis.set("k", "v");
                // BUG: Diagnostic contains: `BaseRedisCommands.ping()` sends a Redis command
                redis.ping();
                // BUG: Diagnostic contains: `RedisStringCommands.get()` sends a Redis command
                return redis.get("k");
              }
              synchronized void cluster(RedisAdvancedClusterCommands<String, String> cluster) {
                // BUG: Diagnostic contains: `RedisHashCommands.hget()` sends a Redis command
                cluster.hget("h", "f");
                cluster.masters();
                cluster.getStatefulConnection();
              }
              synchronized StatefulRedisConnection<String, String> open(RedisClient client) {
                client.connectAsync(io.lettuce.core.codec.StringCodec.UTF8, null);
                // BUG: Diagnostic contains: `RedisClient.connect()` connects to Redis (network round trip)
                return client.connect();
              }
              synchronized void later(RedisAsyncCommands<String, String> async, StatefulRedisConnection<String, String> c) {
                async.set("k", "v");
                async.get("k");
                c.sync();
                c.async();
              }
            }
            """)
        .doTest();
  }

  @Test
  public void hibernateSessionsAndQueries() {
    calls
        .addSourceLines(
            "Orders.java",
            """
            import org.hibernate.Session;
            import org.hibernate.query.SelectionQuery;
            class Orders {
              synchronized Object load(Session session) {
                // BUG: Diagnostic contains: `Session.get()` loads an entity (database round trip)
                Object order = session.get(Object.class, 1L);
                SelectionQuery<Object> query =
                    session.createSelectionQuery("from Order", Object.class).setMaxResults(10);
                // BUG: Diagnostic contains: `SelectionQuery.list()` runs a query (database round trip)
                query.list();
                // BUG: Diagnostic contains: `SelectionQuery.uniqueResult()` runs a query
                query.uniqueResult();
                // BUG: Diagnostic contains: `MutationQuery.executeUpdate()` runs an update
                session.createMutationQuery("delete from Order").executeUpdate();
                // BUG: Diagnostic contains: `Session.persist()` may write to the database
                session.persist(order);
                return order;
              }
              synchronized void local(Session session, Object order) {
                session.contains(order);
                session.detach(order);
                session.createSelectionQuery("from Order", Object.class).setFirstResult(5);
              }
            }
            """)
        .doTest();
  }

  @Test
  public void cassandraSessionsAndResults() {
    calls
        .addSourceLines(
            "Events.java",
            """
            import com.datastax.oss.driver.api.core.CqlSession;
            import com.datastax.oss.driver.api.core.cql.ResultSet;
            class Events {
              synchronized void record(CqlSession session) {
                // BUG: Diagnostic contains: `SyncCqlSession.execute()` runs a CQL statement (network round trip)
                ResultSet rows = session.execute("select * from events");
                // BUG: Diagnostic contains: `PagingIterable.all()` fetches every remaining page
                rows.all();
                // BUG: Diagnostic contains: `SyncCqlSession.prepare()` prepares a CQL statement
                session.prepare("insert into events (id) values (?)");
              }
              synchronized CqlSession open() {
                // BUG: Diagnostic contains: `SessionBuilder.build()` connects to the cluster
                return CqlSession.builder().build();
              }
              synchronized void later(CqlSession session) {
                session.executeAsync("select * from events");
                session.prepareAsync("select * from events");
                CqlSession.builder().buildAsync();
              }
            }
            """)
        .doTest();
  }

  @Test
  public void redissonDistributedLocksAreRoundTripsAndLocks() {
    calls
        .addSourceLines(
            "Jobs.java",
            """
            import java.util.concurrent.TimeUnit;
            import org.redisson.api.RLock;
            class Jobs {
              private final Object local = new Object();
              private int runs;
              void run(RLock distributed) {
                synchronized (local) {
                  // BUG: Diagnostic contains: `RLock.lock()` takes a distributed lock (a round trip to Redis, and waits while it is held elsewhere) while `local` is held
                  distributed.lock();
                  try {
                    runs++;
                  } finally {
                    distributed.unlock();
                  }
                }
              }
              // The asynchronous forms return futures: no round trip is waited for.
              void later(RLock distributed) {
                synchronized (local) {
                  distributed.lockAsync();
                  distributed.tryLockAsync();
                  distributed.unlockAsync();
                }
              }
              // Its own acquisition under no other lock, and its release under itself: no finding.
              void alone(RLock distributed) throws InterruptedException {
                distributed.lock();
                try {
                  runs++;
                } finally {
                  distributed.unlock();
                }
                if (distributed.tryLock(1, 10, TimeUnit.SECONDS)) {
                  try {
                    runs++;
                  } finally {
                    distributed.unlock();
                  }
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void jpaEntityManagerAndQueries() {
    calls
        .addSourceLines(
            "Repository.java",
            """
            import jakarta.persistence.EntityManager;
            class Repository {
              synchronized Object load(EntityManager em) {
                // BUG: Diagnostic contains: `EntityManager.find()` loads an entity (database round trip)
                Object found = em.find(Object.class, 1L);
                // BUG: Diagnostic contains: `Query.getResultList()` runs a query (database round trip)
                em.createQuery("select o from Order o").getResultList();
                // BUG: Diagnostic contains: `EntityManager.flush()` writes to the database
                em.flush();
                return found;
              }
              synchronized void local(EntityManager em, Object entity) {
                em.contains(entity);
                em.detach(entity);
                em.createQuery("select o from Order o").setMaxResults(10);
              }
            }
            """)
        .doTest();
  }

  @Test
  public void awsSyncClientsNotAsync() {
    calls
        .addSourceLines(
            "Uploads.java",
            """
            import software.amazon.awssdk.services.s3.S3AsyncClient;
            import software.amazon.awssdk.services.s3.S3Client;
            import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
            import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
            class Uploads {
              synchronized void check(S3Client s3) {
                // BUG: Diagnostic contains: `S3Client.headBucket()` calls an AWS service (network round trip)
                s3.headBucket(HeadBucketRequest.builder().bucket("b").build());
                // BUG: Diagnostic contains: `S3Client.listBuckets()` calls an AWS service
                s3.listBuckets();
              }
              synchronized void local(S3AsyncClient async, S3Client s3) {
                async.headBucket(HeadBucketRequest.builder().bucket("b").build());
                async.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket("b").build());
                async.utilities();
                s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket("b").build());
                s3.utilities();
                s3.serviceName();
                s3.serviceClientConfiguration();
              }
            }
            """)
        .doTest();
  }

  @Test
  public void guavaWaits() {
    calls
        .addSourceLines(
            "Throttle.java",
            """
            import com.google.common.util.concurrent.Futures;
            import com.google.common.util.concurrent.ListenableFuture;
            import com.google.common.util.concurrent.Monitor;
            import com.google.common.util.concurrent.RateLimiter;
            import com.google.common.util.concurrent.Uninterruptibles;
            import java.time.Duration;
            import java.util.concurrent.CountDownLatch;
            import java.util.concurrent.TimeUnit;
            import java.util.concurrent.locks.Condition;
            import java.util.concurrent.locks.ReentrantLock;
            class Throttle {
              private final ReentrantLock lock = new ReentrantLock();
              private final Condition ready = lock.newCondition();
              synchronized void pace(RateLimiter limiter, ListenableFuture<String> future, CountDownLatch latch, Monitor monitor) {
                // BUG: Diagnostic contains: `RateLimiter.acquire()` waits for a permit (rate limiting)
                limiter.acquire();
                // BUG: Diagnostic contains: `RateLimiter.tryAcquire()` waits for a permit until the timeout
                limiter.tryAcquire(Duration.ofSeconds(1));
                // BUG: Diagnostic contains: `Uninterruptibles.sleepUninterruptibly()` sleeps the thread (not interruptibly)
                Uninterruptibles.sleepUninterruptibly(1, TimeUnit.SECONDS);
                // BUG: Diagnostic contains: `Uninterruptibles.awaitUninterruptibly()` waits, not interruptibly
                Uninterruptibles.awaitUninterruptibly(latch);
                // BUG: Diagnostic contains: `Futures.getUnchecked()` waits for the future to complete
                Futures.getUnchecked(future);
                // BUG: Diagnostic contains: `Monitor.enter()` waits to enter the monitor
                monitor.enter();
              }
              synchronized void noWait(RateLimiter limiter, Monitor monitor) {
                limiter.tryAcquire();
                limiter.tryAcquire(2);
                Futures.immediateFuture("x");
                monitor.tryEnter();
              }
              void awaitReady() {
                lock.lock();
                try {
                  // Gives up `lock` while it waits, as Condition.await does.
                  Uninterruptibles.awaitUninterruptibly(ready, Duration.ofSeconds(1));
                } finally {
                  lock.unlock();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void mongoDbSyncDriver() {
    calls
        .addSourceLines(
            "Inventory.java",
            """
            import com.mongodb.WriteConcern;
            import com.mongodb.client.MongoCollection;
            import com.mongodb.client.model.Filters;
            import org.bson.Document;
            class Inventory {
              synchronized void restock(MongoCollection<Document> items) {
                // BUG: Diagnostic contains: `MongoCollection.insertOne()` writes to MongoDB (network round trip)
                items.insertOne(new Document("sku", 1));
                // BUG: Diagnostic contains: runs the query (network round trip)
                items.find(Filters.eq("sku", 1)).first();
              }
              synchronized void prepare(MongoCollection<Document> items) {
                items.find(Filters.eq("sku", 1)).limit(10);
                items.withWriteConcern(WriteConcern.MAJORITY);
                items.getNamespace();
              }
            }
            """)
        .doTest();
  }

  @Test
  public void elasticsearchRestClient() {
    calls
        .addSourceLines(
            "Indexer.java",
            """
            import java.io.IOException;
            import org.elasticsearch.client.Request;
            import org.elasticsearch.client.ResponseListener;
            import org.elasticsearch.client.RestClient;
            class Indexer {
              synchronized void index(RestClient client) throws IOException {
                // BUG: Diagnostic contains: `RestClient.performRequest()` does an HTTP round trip to Elasticsearch
                client.performRequest(new Request("GET", "/"));
              }
              synchronized void indexLater(RestClient client, ResponseListener listener) {
                client.performRequestAsync(new Request("GET", "/"), listener);
                client.getNodes();
              }
            }
            """)
        .doTest();
  }

  @Test
  public void elasticsearchJavaClient() {
    calls
        .addSourceLines(
            "Search.java",
            """
            import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
            import co.elastic.clients.elasticsearch.ElasticsearchClient;
            import java.io.IOException;
            class Search {
              synchronized Object find(ElasticsearchClient client) throws IOException {
                // BUG: Diagnostic contains: `ElasticsearchClient.get()` does a round trip to Elasticsearch
                return client.get(g -> g.index("orders").id("1"), Object.class);
              }
              synchronized void findLater(ElasticsearchClient client, ElasticsearchAsyncClient async) {
                async.get(g -> g.index("orders").id("1"), Object.class);
                client.indices();
                client._jsonpMapper();
              }
            }
            """)
        .doTest();
  }

  @Test
  public void zooKeeperSyncOperations() {
    calls
        .addSourceLines(
            "Registry.java",
            """
            import org.apache.zookeeper.AsyncCallback;
            import org.apache.zookeeper.CreateMode;
            import org.apache.zookeeper.ZooDefs;
            import org.apache.zookeeper.ZooKeeper;
            class Registry {
              synchronized void register(ZooKeeper zk) throws Exception {
                // BUG: Diagnostic contains: `ZooKeeper.create()` writes to ZooKeeper (network round trip)
                zk.create("/a", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
                // BUG: Diagnostic contains: `ZooKeeper.getData()` reads from ZooKeeper (network round trip)
                zk.getData("/a", false, null);
                // BUG: Diagnostic contains: `ZooKeeper.delete()` writes to ZooKeeper (network round trip)
                zk.delete("/a", -1);
              }
              synchronized void registerLater(
                  ZooKeeper zk, AsyncCallback.StringCallback created, AsyncCallback.DataCallback read,
                  AsyncCallback.VoidCallback deleted) {
                zk.create("/a", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL, created, null);
                zk.getData("/a", false, read, null);
                zk.delete("/a", -1, deleted, null);
                zk.getSessionId();
              }
            }
            """)
        .doTest();
  }
}
