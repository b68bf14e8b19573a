package dev.deadbolt.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class CompletableFutureCancelDoesNotInterruptTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(CompletableFutureCancelDoesNotInterrupt.class, getClass());

  @Test
  public void identification_positives() {
    helper
        .addSourceLines(
            "Search.java",
            "import java.util.List;",
            "import java.util.concurrent.CompletableFuture;",
            "import java.util.concurrent.ExecutorService;",
            "class Search {",
            "  ExecutorService pool;",
            "  static final boolean INTERRUPT = true;",
            "  String slowQuery() { return \"\"; }",
            "  void timeout() {",
            "    CompletableFuture<String> query = CompletableFuture.supplyAsync(this::slowQuery, pool);",
            "    // BUG: Diagnostic contains: the thread running the task is not interrupted",
            "    query.cancel(true);",
            "  }",
            "  void constantFlag(CompletableFuture<String> query) {",
            "    // BUG: Diagnostic contains: CompletableFutureCancelDoesNotInterrupt",
            "    query.cancel(INTERRUPT);",
            "  }",
            "  void dependentStage(CompletableFuture<String> query) {",
            "    // BUG: Diagnostic contains: CompletableFutureCancelDoesNotInterrupt",
            "    query.thenApply(String::trim).cancel(true);",
            "  }",
            "  void all(List<CompletableFuture<String>> queries) {",
            "    // BUG: Diagnostic contains: CompletableFutureCancelDoesNotInterrupt",
            "    queries.forEach(q -> q.cancel(true));",
            "  }",
            "  static class Tracked<T> extends CompletableFuture<T> {}",
            "  void subclassWithoutOverride(Tracked<String> query) {",
            "    // BUG: Diagnostic contains: CompletableFutureCancelDoesNotInterrupt",
            "    query.cancel(true);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  public void identification_negatives() {
    helper
        .addSourceLines(
            "Cancels.java",
            "import java.net.URI;",
            "import java.net.http.HttpClient;",
            "import java.net.http.HttpRequest;",
            "import java.net.http.HttpResponse;",
            "import java.util.concurrent.CompletableFuture;",
            "import java.util.concurrent.ExecutorService;",
            "import java.util.concurrent.Future;",
            "class Cancels {",
            "  ExecutorService pool;",
            "  HttpClient client;",
            "  void futureFromSubmitIsInterrupted() {",
            "    Future<?> task = pool.submit(() -> {});",
            "    task.cancel(true);",
            "  }",
            "  void futureTypedVariableIsUnknown(Future<String> f) {",
            "    f.cancel(true);",
            "  }",
            "  void saysWhatItDoes(CompletableFuture<String> query) {",
            "    query.cancel(false);",
            "  }",
            "  void httpExchangeIsAborted(HttpRequest request) {",
            "    CompletableFuture<HttpResponse<String>> response =",
            "        client.sendAsync(request, HttpResponse.BodyHandlers.ofString());",
            "    response.cancel(true);",
            "    client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).cancel(true);",
            "  }",
            "  static class Interruptible<T> extends CompletableFuture<T> {",
            "    volatile Thread runner;",
            "    @Override",
            "    public boolean cancel(boolean mayInterruptIfRunning) {",
            "      if (mayInterruptIfRunning && runner != null) runner.interrupt();",
            "      return super.cancel(mayInterruptIfRunning);",
            "    }",
            "  }",
            "  void overridingSubclass(Interruptible<String> query) {",
            "    query.cancel(true);",
            "  }",
            "  static class Delegating<T> extends CompletableFuture<T> {",
            "    CompletableFuture<T> inner;",
            "    @Override",
            "    public boolean cancel(boolean mayInterruptIfRunning) {",
            "      return inner.cancel(mayInterruptIfRunning);",
            "    }",
            "  }",
            "  @SuppressWarnings(\"CompletableFutureCancelDoesNotInterrupt\")",
            "  void suppressed(CompletableFuture<String> query) {",
            "    query.cancel(true);",
            "  }",
            "}")
        .doTest();
  }
}
