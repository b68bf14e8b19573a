package dev.deadbolt.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a large, realistic-looking body of Java: services that mix locks (monitors, ReentrantLock,
 * ReadWriteLock, StampedLock), I/O, queues, executors, lambdas, nested and anonymous classes and long
 * methods, calling each other across files. Deterministic for a given seed, so runs compare.
 *
 * <p>The code compiles cleanly with Error Prone's default checks at error level; Deadbolt findings are
 * warnings and appear at realistic density (most methods take no lock at all).
 */
final class SourceGenerator {
  private final Random random;

  SourceGenerator(long seed) {
    this.random = new Random(seed);
  }

  /** Writes {@code classes} classes into {@code root}, in packages of 100. */
  void writeClasses(Path root, int classes) throws IOException {
    for (int i = 0; i < classes; i++) {
      String pkg = "gen.p" + (i / 100);
      Path dir = root.resolve(pkg.replace('.', '/'));
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("Service" + i + ".java"), service(pkg, i, classes), StandardCharsets.UTF_8);
    }
  }

  private String service(String pkg, int i, int classes) {
    int peer = (i * 7 + 3) % classes;
    String peerType = "gen.p" + (peer / 100) + ".Service" + peer;
    StringBuilder s = new StringBuilder();
    s.append("package ").append(pkg).append(";\n\n");
    s.append(
        """
        import java.io.IOException;
        import java.io.InputStream;
        import java.io.OutputStream;
        import java.util.ArrayList;
        import java.util.HashMap;
        import java.util.List;
        import java.util.Map;
        import java.util.concurrent.ArrayBlockingQueue;
        import java.util.concurrent.BlockingQueue;
        import java.util.concurrent.ExecutorService;
        import java.util.concurrent.TimeUnit;
        import java.util.concurrent.locks.ReadWriteLock;
        import java.util.concurrent.locks.ReentrantLock;
        import java.util.concurrent.locks.ReentrantReadWriteLock;
        import java.util.concurrent.locks.StampedLock;

        """);
    s.append("public final class Service").append(i).append(" {\n");
    s.append(
        """
          private final Object monitor = new Object();
          private final ReentrantLock lock = new ReentrantLock();
          private final ReadWriteLock rw = new ReentrantReadWriteLock();
          private final StampedLock stamped = new StampedLock();
          private final Map<String, Integer> counts = new HashMap<>();
          private final List<String> log = new ArrayList<>();
          private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(128);
          private long total;

          public interface Listener {
            void onEvent(String event);
          }

          private final List<Listener> listeners = new ArrayList<>();

          public int count(String key) {
            Integer value = counts.get(key);
            return value == null ? 0 : value;
          }

          public void record(String key) {
            lock.lock();
            try {
              counts.merge(key, 1, Integer::sum);
              log.add(key);
            } finally {
              lock.unlock();
            }
          }

          public long read() {
            long stamp = stamped.readLock();
            try {
              return total;
            } finally {
              stamped.unlockRead(stamp);
            }
          }

          public void publish(String event) {
            List<Listener> copy;
            synchronized (monitor) {
              copy = new ArrayList<>(listeners);
            }
            copy.forEach(l -> l.onEvent(event));
          }

          public void subscribe(Listener listener) {
            synchronized (monitor) {
              listeners.add(listener);
            }
          }

          public void drain(ExecutorService executor) {
            executor.execute(
                () -> {
                  String next = queue.poll();
                  while (next != null) {
                    record(next);
                    next = queue.poll();
                  }
                });
          }

          public int scan(List<String> items) {
            int hits = 0;
            for (String item : items) {
              if (item.isEmpty()) {
                continue;
              }
              switch (item.charAt(0)) {
                case 'a' -> hits += 2;
                case 'b' -> hits += 3;
                default -> hits += item.length() % 5;
              }
            }
            return hits;
          }

          public Runnable task(String name) {
            return new Runnable() {
              @Override
              public void run() {
                record(name);
              }
            };
          }

        """);
    // Roughly one class in five has a real lock bug, as real code does.
    int shape = random.nextInt(10);
    if (shape == 0) {
      s.append(
          """
            public void persist(OutputStream out) throws IOException {
              synchronized (monitor) {
                for (String entry : log) {
                  out.write(entry.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
              }
            }

          """);
    } else if (shape == 1) {
      s.append(
          """
            public void offerSlowly(String item) throws InterruptedException {
              lock.lock();
              try {
                queue.offer(item, 10, TimeUnit.MILLISECONDS);
              } finally {
                lock.unlock();
              }
            }

          """);
    } else {
      s.append(
          """
            public void persist(OutputStream out) throws IOException {
              List<String> copy;
              synchronized (monitor) {
                copy = new ArrayList<>(log);
              }
              for (String entry : copy) {
                out.write(entry.getBytes(java.nio.charset.StandardCharsets.UTF_8));
              }
            }

          """);
    }
    s.append("  public int callPeer(").append(peerType).append(" peer, String key) {\n");
    s.append(
        """
            rw.readLock().lock();
            try {
              return peer.count(key) + scan(log);
            } finally {
              rw.readLock().unlock();
            }
          }

          public int load(InputStream in) throws IOException {
            int sum = 0;
            int b;
            while ((b = in.read()) != -1) {
              sum += b;
            }
            return sum;
          }
        """);
    s.append(longishMethod(i));
    s.append("}\n");
    return s.toString();
  }

  /** A method of a few dozen statements with branches and loops, no locks (most code is like this). */
  private String longishMethod(int i) {
    StringBuilder s = new StringBuilder("\n  public long compute(int[] values) {\n    long acc = ").append(i).append(";\n");
    int statements = 20 + random.nextInt(20);
    for (int k = 0; k < statements; k++) {
      switch (random.nextInt(4)) {
        case 0 -> s.append("    for (int v : values) { acc += v * ").append(k + 1).append("; }\n");
        case 1 -> s.append("    if (acc % ").append(k + 2).append(" == 0) { acc ^= ").append(k).append("L; } else { acc += values.length; }\n");
        case 2 -> s.append("    acc = Math.max(acc, ").append(k * 31).append("L) + count(\"k").append(k).append("\");\n");
        default -> s.append("    String s").append(k).append(" = Long.toString(acc); acc += s").append(k).append(".length();\n");
      }
    }
    return s.append("    return acc;\n  }\n").toString();
  }

  /**
   * One class with one very long method: thousands of statements, nesting {@code depth} deep, many
   * locks taken and released, lambdas and tryLock branches: where a quadratic step would show.
   */
  void writeLongMethod(Path root, int statements, int depth) throws IOException {
    Path dir = root.resolve("gen/longmethod");
    Files.createDirectories(dir);
    StringBuilder s = new StringBuilder();
    s.append(
        """
        package gen.longmethod;

        import java.util.ArrayList;
        import java.util.List;
        import java.util.concurrent.locks.ReentrantLock;

        public final class LongMethod {
        """);
    int locks = 16;
    for (int l = 0; l < locks; l++) {
      s.append("  private final ReentrantLock lock").append(l).append(" = new ReentrantLock();\n");
      s.append("  private final Object monitor").append(l).append(" = new Object();\n");
    }
    s.append("  private final List<Integer> items = new ArrayList<>();\n\n");
    s.append("  public long run(int n) {\n    long acc = 0;\n");
    int open = 0;
    for (int k = 0; k < statements; k++) {
      int l = k % locks;
      if (open < depth && k % 7 == 0) {
        s.append("    if (n > ").append(k).append(") {\n");
        open++;
      }
      // Mostly plain statements, with a lock operation every few: the shape of a long handler, and
      // small enough per statement that thousands fit in one method's 64 KB of bytecode.
      switch (k % 10) {
        case 0 -> s.append("    lock").append(l).append(".lock();\n    try { acc += ").append(k).append("; } finally { lock").append(l).append(".unlock(); }\n");
        case 3 -> s.append("    if (lock").append(l).append(".tryLock()) { try { acc++; } finally { lock").append(l).append(".unlock(); } }\n");
        case 5 -> s.append("    synchronized (monitor").append(l).append(") { acc ^= ").append(k).append("; }\n");
        case 7 -> s.append("    items.forEach(x -> items.hashCode());\n");
        default -> s.append("    acc = acc * 31 + ").append(k % 100).append(";\n");
      }
      if (open > 0 && k % 11 == 10) {
        s.append("    }\n");
        open--;
      }
    }
    while (open-- > 0) {
      s.append("    }\n");
    }
    s.append("    return acc;\n  }\n}\n");
    Files.writeString(dir.resolve("LongMethod.java"), s.toString(), StandardCharsets.UTF_8);
  }
}
