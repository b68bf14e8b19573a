package robustness;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Function;
import java.util.function.Supplier;

/** Every shape of modern Java the checks must survive: no finding is asserted here, only no crash. */
public sealed interface ModernJava permits ModernJava.Circle, ModernJava.Square, ModernJava.Group {

  record Circle(double radius) implements ModernJava {
    public Circle {
      if (radius < 0) {
        throw new IllegalArgumentException();
      }
    }
  }

  record Square(double side) implements ModernJava {}

  record Group(List<ModernJava> members) implements ModernJava {}

  enum Unit {
    MM {
      @Override
      double scale() {
        return 0.001;
      }
    },
    M;

    double scale() {
      return 1;
    }
  }

  static double area(ModernJava shape) {
    return switch (shape) {
      case Circle c when c.radius() == 0 -> 0;
      case Circle(double r) -> Math.PI * r * r;
      case Square(var side) -> side * side;
      case Group(List<ModernJava> members) -> members.stream().mapToDouble(ModernJava::area).sum();
    };
  }

  static String describe(Object o) {
    if (o instanceof Group(List<ModernJava> m) && !m.isEmpty()) {
      return "group of " + m.size();
    }
    return switch (o) {
      case null -> "null";
      case String s when s.isBlank() -> "blank";
      case String s -> """
          text: %s
          """.formatted(s);
      case Integer i -> "int " + i;
      default -> o.toString();
    };
  }

  default Lock lock() {
    return Holder.LOCK;
  }

  final class Holder {
    static final Lock LOCK = new ReentrantLock();
    static final Supplier<String> LAZY = () -> {
      synchronized (Holder.class) {
        return "lazy";
      }
    };
    private static final Map<String, Integer> CACHE = new ConcurrentHashMap<>();
    private final StampedLock stamped = new StampedLock();
    private final Object monitor = new Object();
    private final Runnable inField = () -> {
      synchronized (this) {
        CACHE.clear();
      }
    };
    private int counter;

    {
      synchronized (monitor) {
        counter = 1;
      }
    }

    static {
      CACHE.put("zero", 0);
    }

    class Inner {
      int read() {
        synchronized (Holder.this) {
          return counter;
        }
      }
    }

    static int compute(String key) {
      return CACHE.computeIfAbsent(key, k -> {
        class Local {
          int length() {
            return k.length();
          }
        }
        return new Local().length();
      });
    }

    int optimistic() {
      long stamp = stamped.tryOptimisticRead();
      int value = counter;
      if (!stamped.validate(stamp)) {
        stamp = stamped.readLock();
        try {
          value = counter;
        } finally {
          stamped.unlockRead(stamp);
        }
      }
      return value;
    }

    <T, R> List<R> mapAll(List<T> items, Function<? super T, ? extends R> f) {
      List<R> out = new ArrayList<>();
      outer:
      for (T item : items) {
        for (int i = 0; i < 3; i++) {
          if (item == null) {
            continue outer;
          }
          if (i == 2) {
            break outer;
          }
        }
        out.add(f.apply(item));
      }
      return out;
    }

    int readAll(InputStream in) throws IOException {
      try (in; var copy = new java.io.ByteArrayInputStream(in.readAllBytes())) {
        var total = 0;
        int b;
        while ((b = copy.read()) != -1) {
          total += b;
        }
        return total;
      }
    }

    Optional<String> viaVirtualThreads(List<String> urls) throws Exception {
      try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
        var futures = urls.stream().map(u -> executor.submit(() -> u.toUpperCase())).toList();
        for (var future : futures) {
          return Optional.of(future.get());
        }
      }
      return Optional.empty();
    }

    Object anonymous() {
      return new Object() {
        final Lock lock = new ReentrantLock();

        @Override
        public String toString() {
          lock.lock();
          try {
            return "anon";
          } finally {
            lock.unlock();
          }
        }
      };
    }

    int yieldingSwitch(int day) {
      int letters =
          switch (day) {
            case 1, 7 -> 6;
            case 2 -> {
              int x = counter;
              yield x + 1;
            }
            default -> {
              synchronized (monitor) {
                yield counter;
              }
            }
          };
      return letters;
    }
  }
}
