package dev.deadbolt.checks;

import static com.google.common.truth.Truth.assertThat;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class UnboundedQueueTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(UnboundedQueue.class, getClass());

  private final BugCheckerRefactoringTestHelper refactoring =
      BugCheckerRefactoringTestHelper.newInstance(UnboundedQueue.class, getClass());

  // --- identification -------------------------------------------------------------------------

  @Test
  public void jdkQueuesWithoutCapacity() {
    helper
        .addSourceLines(
            "Dispatcher.java",
            """
            import java.util.Collection;
            import java.util.concurrent.BlockingDeque;
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.LinkedBlockingDeque;
            import java.util.concurrent.LinkedBlockingQueue;

            class Dispatcher {
              // BUG: Diagnostic contains: A LinkedBlockingQueue with no capacity grows without bound
              private final BlockingQueue<Runnable> jobs = new LinkedBlockingQueue<>();
              // BUG: Diagnostic contains: LinkedBlockingDeque with no capacity
              private final BlockingDeque<String> retries = new LinkedBlockingDeque<String>();

              BlockingQueue<String> replay(Collection<String> backlog) {
                // BUG: Diagnostic contains: copied from a collection (so with no capacity)
                return new LinkedBlockingQueue<>(backlog);
              }

              BlockingDeque<String> replayDeque(Collection<String> backlog) {
                // BUG: Diagnostic contains: LinkedBlockingDeque copied from a collection
                return new LinkedBlockingDeque<>(backlog);
              }
            }
            """)
        .doTest();
  }

  @Test
  public void capacityOfIntegerMaxValueHoweverSpelled() {
    helper
        .addSourceLines(
            "Limits.java",
            """
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.LinkedBlockingDeque;
            import java.util.concurrent.LinkedBlockingQueue;

            class Limits {
              static final int NO_LIMIT = Integer.MAX_VALUE;

              // BUG: Diagnostic contains: with capacity Integer.MAX_VALUE
              BlockingQueue<String> a = new LinkedBlockingQueue<>(Integer.MAX_VALUE);
              // BUG: Diagnostic contains: with capacity Integer.MAX_VALUE
              BlockingQueue<String> b = new LinkedBlockingQueue<>(0x7fffffff);
              // BUG: Diagnostic contains: with capacity Integer.MAX_VALUE
              BlockingQueue<String> c = new LinkedBlockingDeque<>(NO_LIMIT);
              // BUG: Diagnostic contains: with capacity Integer.MAX_VALUE
              BlockingQueue<String> d = new LinkedBlockingQueue<>((Integer.MAX_VALUE));
            }
            """)
        .doTest();
  }

  @Test
  public void queuesThatCannotBeBounded() {
    helper
        .addSourceLines(
            "Scheduler.java",
            """
            import java.util.Comparator;
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.DelayQueue;
            import java.util.concurrent.Delayed;
            import java.util.concurrent.LinkedTransferQueue;
            import java.util.concurrent.PriorityBlockingQueue;
            import java.util.concurrent.TransferQueue;

            class Scheduler {
              // BUG: Diagnostic contains: A PriorityBlockingQueue (no capacity can be given) grows
              BlockingQueue<Integer> byPriority = new PriorityBlockingQueue<>();
              // BUG: Diagnostic contains: PriorityBlockingQueue (no capacity can be given)
              BlockingQueue<String> sized = new PriorityBlockingQueue<>(11, Comparator.naturalOrder());
              // BUG: Diagnostic contains: LinkedTransferQueue (no capacity can be given)
              TransferQueue<String> handOff = new LinkedTransferQueue<>();

              <D extends Delayed> BlockingQueue<D> timers() {
                // BUG: Diagnostic contains: DelayQueue (no capacity can be given)
                return new DelayQueue<D>();
              }
            }
            """)
        .doTest();
  }

  @Test
  public void constructionsInsideLambdasAndConstructorReferences() {
    helper
        .addSourceLines(
            "Mailboxes.java",
            """
            import java.util.Map;
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.ConcurrentHashMap;
            import java.util.concurrent.LinkedBlockingQueue;
            import java.util.function.IntFunction;
            import java.util.function.Supplier;

            class Mailboxes {
              private final Map<String, BlockingQueue<String>> byUser = new ConcurrentHashMap<>();

              BlockingQueue<String> mailbox(String user) {
                // BUG: Diagnostic contains: LinkedBlockingQueue with no capacity
                return byUser.computeIfAbsent(user, u -> new LinkedBlockingQueue<>());
              }

              // BUG: Diagnostic contains: LinkedBlockingQueue with no capacity
              Supplier<BlockingQueue<String>> factory = LinkedBlockingQueue::new;

              // The int constructor: the capacity is whatever the caller passes.
              IntFunction<BlockingQueue<String>> sized = LinkedBlockingQueue::new;
            }
            """)
        .doTest();
  }

  @Test
  public void subclassCallingTheUnboundedConstructor() {
    helper
        .addSourceLines(
            "Inbox.java",
            """
            import java.util.concurrent.LinkedBlockingQueue;

            class Inbox extends LinkedBlockingQueue<String> {
              Inbox() {
                // BUG: Diagnostic contains: LinkedBlockingQueue with no capacity
                super();
              }
            }

            class BoundedInbox extends LinkedBlockingQueue<String> {
              BoundedInbox() {
                super(100);
              }
            }

            class Uses {
              // A subclass's constructor is its own business; the super(...) call is reported.
              BoundedInbox inbox = new BoundedInbox();
              Inbox other = new Inbox();
            }
            """)
        .doTest();
  }

  @Test
  public void guavaFactoriesWithoutCapacity() {
    helper
        .addSourceLines(
            "Ingest.java",
            """
            import com.google.common.collect.Queues;
            import java.util.List;
            import java.util.concurrent.BlockingQueue;

            class Ingest {
              // BUG: Diagnostic contains: Queues.newLinkedBlockingQueue() with no capacity
              BlockingQueue<String> lines = Queues.newLinkedBlockingQueue();
              // BUG: Diagnostic contains: Queues.newLinkedBlockingDeque() with no capacity
              BlockingQueue<String> lines2 = Queues.newLinkedBlockingDeque();
              // BUG: Diagnostic contains: with capacity Integer.MAX_VALUE
              BlockingQueue<String> lines3 = Queues.newLinkedBlockingQueue(Integer.MAX_VALUE);
              // BUG: Diagnostic contains: Queues.newPriorityBlockingQueue() (no capacity can be given)
              BlockingQueue<String> ordered = Queues.newPriorityBlockingQueue();

              BlockingQueue<String> from(List<String> seed) {
                // BUG: Diagnostic contains: copied from an iterable
                return Queues.newLinkedBlockingQueue(seed);
              }
            }
            """)
        .doTest();
  }

  @Test
  public void reactorBuffersWithoutSize() {
    helper
        .addSourceLines(
            "Events.java",
            """
            import java.time.Duration;
            import reactor.core.publisher.Flux;
            import reactor.core.publisher.Sinks;

            class Events {
              Flux<String> relay(Flux<String> events) {
                // BUG: Diagnostic contains: The buffer of Flux.onBackpressureBuffer() with no maxSize
                return events.onBackpressureBuffer();
              }

              Flux<String> relayHuge(Flux<String> events) {
                // BUG: Diagnostic contains: with maxSize Integer.MAX_VALUE
                return events.onBackpressureBuffer(Integer.MAX_VALUE, dropped -> {});
              }

              Flux<String> relayWithTtl(Flux<String> events) {
                // BUG: Diagnostic contains: with maxSize Integer.MAX_VALUE
                return events.onBackpressureBuffer(Duration.ofSeconds(5), Integer.MAX_VALUE, e -> {});
              }

              // BUG: Diagnostic contains: The queue of Sinks.many().unicast().onBackpressureBuffer()
              Sinks.Many<String> updates = Sinks.many().unicast().onBackpressureBuffer();
            }
            """)
        .doTest();
  }

  @Test
  public void rxJavaBuffersWithoutCapacity() {
    helper
        .addSourceLines(
            "Telemetry.java",
            """
            import io.reactivex.rxjava3.core.Flowable;

            class Telemetry {
              Flowable<String> a(Flowable<String> samples) {
                // BUG: Diagnostic contains: Flowable.onBackpressureBuffer() with no capacity
                return samples.onBackpressureBuffer();
              }

              Flowable<String> b(Flowable<String> samples) {
                // BUG: Diagnostic contains: onBackpressureBuffer(delayError) with no capacity
                return samples.onBackpressureBuffer(true);
              }

              Flowable<String> c(Flowable<String> samples) {
                // BUG: Diagnostic contains: with unbounded = true
                return samples.onBackpressureBuffer(128, false, true);
              }

              Flowable<String> d(Flowable<String> samples) {
                // BUG: Diagnostic contains: with capacity Integer.MAX_VALUE
                return samples.onBackpressureBuffer(Integer.MAX_VALUE);
              }

              io.reactivex.Flowable<String> e(io.reactivex.Flowable<String> samples) {
                // BUG: Diagnostic contains: Flowable.onBackpressureBuffer() with no capacity
                return samples.onBackpressureBuffer();
              }
            }
            """)
        .doTest();
  }

  @Test
  public void emptyBoundedByReasonDoesNotSuppress() {
    helper
        .addSourceLines(
            "Relay.java",
            """
            import dev.deadbolt.annotations.BoundedBy;
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.LinkedBlockingQueue;

            class Relay {
              @BoundedBy("")
              // BUG: Diagnostic contains: UnboundedQueue
              BlockingQueue<String> a = new LinkedBlockingQueue<>();

              @BoundedBy("   ")
              // BUG: Diagnostic contains: UnboundedQueue
              BlockingQueue<String> b = new LinkedBlockingQueue<>();
            }
            """)
        .doTest();
  }

  @Test
  public void boundedTypesAndVariableCapacities() {
    helper
        .addSourceLines(
            "Bounded.java",
            """
            import java.util.concurrent.ArrayBlockingQueue;
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.LinkedBlockingDeque;
            import java.util.concurrent.LinkedBlockingQueue;
            import java.util.concurrent.SynchronousQueue;

            class Bounded {
              interface Config {
                int queueCapacity();
              }

              static final int CAPACITY = 10_000;
              private final int capacity;

              Bounded(int capacity) {
                this.capacity = capacity;
              }

              BlockingQueue<String> a = new ArrayBlockingQueue<>(100);
              BlockingQueue<String> b = new SynchronousQueue<>();
              BlockingQueue<String> c = new LinkedBlockingDeque<>(64);
              BlockingQueue<String> d = new LinkedBlockingQueue<>(CAPACITY);
              // Integer.MAX_VALUE - 1 is a number someone chose; only MAX_VALUE itself means "none".
              BlockingQueue<String> e = new LinkedBlockingQueue<>(Integer.MAX_VALUE - 1);

              BlockingQueue<String> fromField() {
                return new LinkedBlockingQueue<>(capacity);
              }

              BlockingQueue<String> fromConfig(Config config) {
                return new LinkedBlockingQueue<>(config.queueCapacity());
              }

              BlockingQueue<String> computed(int consumers) {
                return new LinkedBlockingQueue<>(consumers * 2);
              }
            }
            """)
        .doTest();
  }

  @Test
  public void nonConcurrentCollectionsAreScratchSpace() {
    helper
        .addSourceLines(
            "Scratch.java",
            """
            import java.util.ArrayDeque;
            import java.util.Deque;
            import java.util.LinkedList;
            import java.util.PriorityQueue;
            import java.util.Queue;
            import java.util.concurrent.ConcurrentLinkedQueue;

            class Scratch {
              int walk(Node root) {
                Deque<Node> pending = new ArrayDeque<>();
                Queue<Integer> smallest = new PriorityQueue<>();
                Queue<Node> visit = new LinkedList<>();
                pending.push(root);
                return pending.size() + smallest.size() + visit.size();
              }

              // Not a blocking hand-off and no bounded form exists; left to review (see the docs).
              Queue<String> listeners = new ConcurrentLinkedQueue<>();

              static class Node {}
            }
            """)
        .doTest();
  }

  @Test
  public void boundedThirdPartyBuffersAndLookalikes() {
    helper
        .addSourceLines(
            "Pipelines.java",
            """
            import com.google.common.collect.Queues;
            import io.reactivex.rxjava3.core.Flowable;
            import java.util.concurrent.BlockingQueue;
            import reactor.core.publisher.Flux;
            import reactor.core.publisher.Sinks;

            class Pipelines {
              // A project's own class whose method happens to share the name.
              static class Stage {
                Stage onBackpressureBuffer() {
                  return this;
                }
              }

              BlockingQueue<String> a = Queues.newLinkedBlockingQueue(500);
              BlockingQueue<String> b = Queues.newArrayBlockingQueue(100);
              // multicast().onBackpressureBuffer() keeps at most Queues.SMALL_BUFFER_SIZE elements.
              Sinks.Many<String> c = Sinks.many().multicast().onBackpressureBuffer();
              Sinks.Many<String> d = Sinks.many().unicast().onBackpressureBuffer(new java.util.concurrent.ArrayBlockingQueue<>(8));
              Sinks.Many<String> e = Sinks.many().unicast().onBackpressureError();

              Flux<String> f(Flux<String> events) {
                return events.onBackpressureBuffer(256).onBackpressureDrop();
              }

              Flowable<String> g(Flowable<String> samples) {
                return samples.onBackpressureBuffer(128).onBackpressureBuffer(128, true);
              }

              Flowable<String> h(Flowable<String> samples) {
                return samples.onBackpressureBuffer(128, false, false).onBackpressureDrop();
              }

              Stage i(Stage stage) {
                return stage.onBackpressureBuffer();
              }
            }
            """)
        .doTest();
  }

  @Test
  public void workQueueOfAThreadPoolIsLeftToUnboundedExecutor() {
    helper
        .addSourceLines(
            "Pools.java",
            """
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.LinkedBlockingQueue;
            import java.util.concurrent.ThreadPoolExecutor;
            import java.util.concurrent.TimeUnit;

            class Pools {
              ExecutorService inline =
                  new ThreadPoolExecutor(4, 4, 0L, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
              ExecutorService parenthesized =
                  new ThreadPoolExecutor(4, 4, 0L, TimeUnit.SECONDS, (new LinkedBlockingQueue<>()));

              // Not passed inline: this is the only place the queue is reported.
              // BUG: Diagnostic contains: UnboundedQueue
              private final BlockingQueue<Runnable> work = new LinkedBlockingQueue<>();
              ExecutorService shared = new ThreadPoolExecutor(4, 4, 0L, TimeUnit.SECONDS, work);

              static class Pool extends ThreadPoolExecutor {
                Pool() {
                  super(2, 2, 0L, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void boundedByWithAReasonSuppresses() {
    helper
        .addSourceLines(
            "Gateway.java",
            """
            import dev.deadbolt.annotations.BoundedBy;
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.LinkedBlockingQueue;

            class Gateway {
              @BoundedBy("the ingress rate limiter admits at most 200 requests per second")
              private final BlockingQueue<String> pending = new LinkedBlockingQueue<>();

              @BoundedBy(value = "one entry per configured shard, and shards are fixed at startup")
              BlockingQueue<String> shards() {
                return new LinkedBlockingQueue<>();
              }

              void drain() {
                @BoundedBy("holds the fixed list read from the manifest")
                BlockingQueue<String> files = new LinkedBlockingQueue<>();
                files.clear();
              }

              @SuppressWarnings("UnboundedQueue")
              BlockingQueue<String> legacy = new LinkedBlockingQueue<>();
            }

            @BoundedBy("test harness: every queue holds at most the 3 events a scenario sends")
            class Harness {
              BlockingQueue<String> events = new LinkedBlockingQueue<>();

              class Nested {
                BlockingQueue<String> more = new LinkedBlockingQueue<>();
              }
            }
            """)
        .doTest();
  }

  @Test
  public void queueBoundedByItsAdmissionCount() {
    helper
        .addSourceLines(
            "SessionPool.java",
            """
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.LinkedBlockingDeque;
            import java.util.concurrent.LinkedBlockingQueue;
            import java.util.concurrent.atomic.AtomicInteger;
            import java.util.function.Consumer;

            class SessionPool {
              interface Limits {
                int maxSessions();
              }

              static final class Session {
                void clear() {}
              }

              private static final int OPEN = 1;
              private final AtomicInteger state = new AtomicInteger(OPEN);
              private final AtomicInteger created = new AtomicInteger();
              private final Limits limits;
              private final LinkedBlockingDeque<Session> idle = new LinkedBlockingDeque<>();
              private final BlockingQueue<String> audit;
              private int pending;

              SessionPool(Limits limits) {
                this.limits = limits;
                this.audit = new LinkedBlockingQueue<>();
              }

              void grow(Session fresh) {
                if (state.get() == OPEN && created.incrementAndGet() <= limits.maxSessions()) {
                  idle.addFirst(fresh);
                }
              }

              Consumer<Session> onRelease() {
                return session -> {
                  if (!idle.contains(session)) {
                    session.clear();
                    idle.addFirst(session);
                  }
                };
              }

              Session borrow() throws InterruptedException {
                return idle.takeFirst();
              }

              boolean note(String line) {
                int queued = audit.size();
                if (queued >= 500) {
                  return false;
                }
                return audit.offer(line);
              }

              void noteUrgent(String line) {
                if (++pending < 100) {
                  audit.add(line);
                }
              }

              // Iterated, locked, and handed to a private method that only reads it: nothing inserted.
              void closeAll() {
                for (Session s : idle) {
                  s.clear();
                }
                drain(idle);
              }

              private void drain(java.util.Collection<Session> sessions) {
                synchronized (sessions) {
                  for (Session s : sessions) {
                    s.clear();
                  }
                  sessions.clear();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  public void queueWithAnUnadmittedInsertionIsStillReported() {
    helper
        .addSourceLines(
            "Outbox.java",
            """
            import java.util.List;
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.LinkedBlockingQueue;
            import java.util.concurrent.atomic.AtomicInteger;

            class Outbox {
              private static final int MAX = 1000;
              private final AtomicInteger admitted = new AtomicInteger();
              private volatile boolean running = true;

              // BUG: Diagnostic contains: LinkedBlockingQueue with no capacity
              private final BlockingQueue<String> unguardedElsewhere = new LinkedBlockingQueue<>();
              // BUG: Diagnostic contains: LinkedBlockingQueue with no capacity
              private final BlockingQueue<String> flagGuarded = new LinkedBlockingQueue<>();
              // BUG: Diagnostic contains: LinkedBlockingQueue with no capacity
              final BlockingQueue<String> notPrivate = new LinkedBlockingQueue<>();
              // BUG: Diagnostic contains: LinkedBlockingQueue with no capacity
              private final BlockingQueue<String> handedOut = new LinkedBlockingQueue<>();
              // BUG: Diagnostic contains: LinkedBlockingQueue with no capacity
              private final BlockingQueue<String> onlyReinserted = new LinkedBlockingQueue<>();
              // BUG: Diagnostic contains: LinkedBlockingQueue with no capacity
              private final BlockingQueue<String> wrongBranch = new LinkedBlockingQueue<>();
              // BUG: Diagnostic contains: LinkedBlockingQueue with no capacity
              private final BlockingQueue<String> refilled = new LinkedBlockingQueue<>();

              void send(String m, List<String> batch) {
                if (admitted.incrementAndGet() <= MAX) {
                  unguardedElsewhere.add(m);
                  flagGuarded.add(m);
                  notPrivate.add(m);
                  handedOut.add(m);
                  wrongBranch.add(m);
                }
                unguardedElsewhere.addAll(batch);
                if (running) {
                  flagGuarded.add(m);
                }
                if (!onlyReinserted.contains(m)) {
                  onlyReinserted.add(m);
                }
                if (running && admitted.get() < MAX) {
                } else {
                  wrongBranch.add(m);
                }
              }

              BlockingQueue<String> view() {
                return handedOut;
              }

              void refill(String m) {
                if (admitted.get() < MAX) {
                  refilled.add(m);
                }
                topUp(refilled, m);
              }

              // A private method that inserts into what it is handed, unguarded.
              private void topUp(BlockingQueue<String> queue, String m) {
                queue.offer(m);
              }
            }
            """)
        .addSourceLines(
            "Neighbour.java",
            """
            class Neighbour {
              void push(Outbox outbox) {
                outbox.notPrivate.add("x");
              }
            }
            """)
        .doTest();
  }

  // --- replacement ----------------------------------------------------------------------------

  @Test
  public void fixGivesJdkQueuesTheDefaultCapacity() {
    refactoring
        .addInputLines(
            "Dispatcher.java",
            """
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.LinkedBlockingDeque;
            import java.util.concurrent.LinkedBlockingQueue;

            class Dispatcher {
              BlockingQueue<Runnable> jobs = new LinkedBlockingQueue<>();
              BlockingQueue<String> retries = new LinkedBlockingDeque<String>(Integer.MAX_VALUE);
            }
            """)
        .addOutputLines(
            "Dispatcher.java",
            """
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.LinkedBlockingDeque;
            import java.util.concurrent.LinkedBlockingQueue;

            class Dispatcher {
              BlockingQueue<Runnable> jobs = new LinkedBlockingQueue<>(1000);
              BlockingQueue<String> retries = new LinkedBlockingDeque<String>(1000);
            }
            """)
        .doTest();
  }

  @Test
  public void fixUsesTheConfiguredCapacity() {
    refactoring
        .setArgs("-XepOpt:Deadbolt:DefaultQueueCapacity=64")
        .addInputLines(
            "Dispatcher.java",
            """
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.LinkedBlockingQueue;

            class Dispatcher {
              BlockingQueue<Runnable> jobs = new LinkedBlockingQueue<>();
            }
            """)
        .addOutputLines(
            "Dispatcher.java",
            """
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.LinkedBlockingQueue;

            class Dispatcher {
              BlockingQueue<Runnable> jobs = new LinkedBlockingQueue<>(64);
            }
            """)
        .doTest();
  }

  @Test
  public void noFixWhereNoBoundedFormExists() {
    refactoring
        .addInputLines(
            "Scheduler.java",
            """
            import java.util.Collection;
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.LinkedBlockingQueue;
            import java.util.concurrent.PriorityBlockingQueue;
            import java.util.function.Supplier;

            class Scheduler {
              BlockingQueue<Integer> byPriority = new PriorityBlockingQueue<>();
              Supplier<BlockingQueue<String>> factory = LinkedBlockingQueue::new;

              BlockingQueue<String> replay(Collection<String> backlog) {
                return new LinkedBlockingQueue<>(backlog);
              }
            }
            """)
        .expectUnchanged()
        .doTest();
  }

  @Test
  public void fixGivesGuavaFactoriesACapacity() {
    refactoring
        .addInputLines(
            "Ingest.java",
            """
            import com.google.common.collect.Queues;
            import java.util.concurrent.BlockingQueue;

            class Ingest {
              BlockingQueue<String> lines = Queues.newLinkedBlockingQueue();
              BlockingQueue<String> more = Queues.newLinkedBlockingDeque(Integer.MAX_VALUE);
            }
            """)
        .addOutputLines(
            "Ingest.java",
            """
            import com.google.common.collect.Queues;
            import java.util.concurrent.BlockingQueue;

            class Ingest {
              BlockingQueue<String> lines = Queues.newLinkedBlockingQueue(1000);
              BlockingQueue<String> more = Queues.newLinkedBlockingDeque(1000);
            }
            """)
        .doTest();
  }

  @Test
  public void fixGivesReactorBuffersASize() {
    refactoring
        .addInputLines(
            "Events.java",
            """
            import reactor.core.publisher.Flux;
            import reactor.core.publisher.Sinks;

            class Events {
              Sinks.Many<String> updates = Sinks.many().unicast().onBackpressureBuffer();

              Flux<String> relay(Flux<String> events) {
                return events.onBackpressureBuffer();
              }
            }
            """)
        .addOutputLines(
            "Events.java",
            """
            import reactor.core.publisher.Flux;
            import reactor.core.publisher.Sinks;
            import reactor.util.concurrent.Queues;

            class Events {
              Sinks.Many<String> updates =
                  Sinks.many().unicast().onBackpressureBuffer(Queues.<String>get(1000).get());

              Flux<String> relay(Flux<String> events) {
                return events.onBackpressureBuffer(1000);
              }
            }
            """)
        .doTest();
  }

  @Test
  public void fixQualifiesReactorQueuesWhenGuavaQueuesIsImported() {
    refactoring
        .addInputLines(
            "Mixed.java",
            """
            import com.google.common.collect.Queues;
            import java.util.concurrent.BlockingQueue;
            import reactor.core.publisher.Sinks;

            class Mixed {
              BlockingQueue<String> lines = Queues.newArrayBlockingQueue(10);

              <T> Sinks.Many<T> sink() {
                return Sinks.many().unicast().onBackpressureBuffer();
              }
            }
            """)
        .addOutputLines(
            "Mixed.java",
            """
            import com.google.common.collect.Queues;
            import java.util.concurrent.BlockingQueue;
            import reactor.core.publisher.Sinks;

            class Mixed {
              BlockingQueue<String> lines = Queues.newArrayBlockingQueue(10);

              <T> Sinks.Many<T> sink() {
                return Sinks.many()
                    .unicast()
                    .onBackpressureBuffer(reactor.util.concurrent.Queues.<T>get(1000).get());
              }
            }
            """)
        .doTest();
  }

  @Test
  public void fixGivesRxJavaBuffersACapacity() {
    refactoring
        .addInputLines(
            "Telemetry.java",
            """
            import io.reactivex.rxjava3.core.Flowable;

            class Telemetry {
              Flowable<String> a(Flowable<String> samples) {
                return samples.onBackpressureBuffer();
              }

              Flowable<String> b(Flowable<String> samples) {
                return samples.onBackpressureBuffer(true);
              }
            }
            """)
        .addOutputLines(
            "Telemetry.java",
            """
            import io.reactivex.rxjava3.core.Flowable;

            class Telemetry {
              Flowable<String> a(Flowable<String> samples) {
                return samples.onBackpressureBuffer(1000);
              }

              Flowable<String> b(Flowable<String> samples) {
                return samples.onBackpressureBuffer(1000, true);
              }
            }
            """)
        .doTest();
  }

  // --- configuration --------------------------------------------------------------------------

  @Test
  public void malformedDefaultCapacityFailsTheCompileNamingTheFlag() {
    String flag = "-XepOpt:Deadbolt:DefaultQueueCapacity";
    for (String value : List.of("lots", "0", "-5", "2147483647", "")) {
      JavacWithPlugin.Result result =
          JavacWithPlugin.compile(
              "Any", "class Any {}", "-Xep:UnboundedQueue:WARN " + flag + "=" + value);
      assertThat(result.succeeded()).isFalse();
      assertThat(result.diagnostics()).hasSize(1);
      assertThat(result.diagnostics().get(0)).startsWith("ERROR: Deadbolt: bad " + flag + ": '");
    }
  }

  @Test
  public void configuredCapacityIsUsedThroughARealPluginRun() {
    JavacWithPlugin.Result result =
        JavacWithPlugin.compile(
            "Jobs",
            """
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.LinkedBlockingQueue;

            class Jobs {
              BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
            }
            """,
            "-Xep:UnboundedQueue:WARN -XepOpt:Deadbolt:DefaultQueueCapacity=10000000");
    assertThat(result.succeeded()).isTrue();
    assertThat(String.join("\n", result.diagnostics()))
        .contains("Did you mean 'BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>(10000000);'?");
  }
}
