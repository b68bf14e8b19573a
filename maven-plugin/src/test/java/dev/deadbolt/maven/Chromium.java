package dev.deadbolt.maven;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A headless Chromium (Debian's {@code chromium} package) driven over the DevTools protocol, with the
 * JDK's own WebSocket client: opens a page, runs script in it, records its console errors and takes
 * screenshots. Where there is no Chromium, {@link #start()} fails and says how to install it: a browser
 * test never passes without a browser.
 */
final class Chromium implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
  private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
  private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();

  private Chromium(Process process, Path profile, WebSocket.Builder builder, URI page) {
    this.process = process;
    this.profile = profile;
    this.socket = builder.buildAsync(page, new Listener()).orTimeout(30, TimeUnit.SECONDS).join();
  }

  /** The browser to run: {@code $DEADBOLT_CHROMIUM}, else {@code chromium} on the PATH. */
  static Path executable() {
    String configured = System.getenv("DEADBOLT_CHROMIUM");
    if (configured != null && !configured.isBlank()) {
      if (!Files.isExecutable(Path.of(configured))) {
        throw new AssertionError("DEADBOLT_CHROMIUM names " + configured + ", which is not an executable file");
      }
      return Path.of(configured);
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser")) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    throw new AssertionError(
        "The HTML report's browser test needs Chromium, and none is installed: apt-get install -y chromium"
            + " (.ci/run installs it), or point DEADBOLT_CHROMIUM at a Chromium or Chrome binary.");
  }

  static Chromium start() throws IOException, InterruptedException {
    Path binary = executable();
    Path profile = Files.createTempDirectory("deadbolt-chromium");
    Process process =
        new ProcessBuilder(
                binary.toString(),
                "--headless",
                "--no-sandbox", // CI runs as root, where Chromium's sandbox refuses to start
                "--disable-gpu",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-extensions",
                "--allow-file-access-from-files",
                "--hide-scrollbars",
                "--remote-debugging-port=0",
                "--remote-allow-origins=*",
                "--user-data-dir=" + profile,
                "--window-size=1280,900",
                "about:blank")
            .redirectErrorStream(true)
            .start();
    String browser = null;
    StringBuilder output = new StringBuilder();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    for (String line; System.nanoTime() < deadline && (line = out.readLine()) != null; ) {
      output.append(line).append('\n');
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        browser = m.group(1);
        break;
      }
    }
    if (browser == null) {
      process.destroyForcibly();
      throw new AssertionError(binary + " did not start its DevTools endpoint:\n" + output);
    }
    // Keep reading its output, or Chromium blocks once the pipe fills.
    Thread drain = new Thread(() -> out.lines().forEach(l -> {}), "chromium-output");
    drain.setDaemon(true);
    drain.start();

    URI endpoint = URI.create(browser);
    HttpClient http = HttpClient.newHttpClient();
    URI list = URI.create("http://" + endpoint.getHost() + ":" + endpoint.getPort() + "/json/list");
    String targets =
        http.send(HttpRequest.newBuilder(list).build(), HttpResponse.BodyHandlers.ofString()).body();
    String page = null;
    for (JsonElement target : JsonParser.parseString(targets).getAsJsonArray()) {
      JsonObject t = target.getAsJsonObject();
      if (t.get("type").getAsString().equals("page")) {
        page = t.get("webSocketDebuggerUrl").getAsString();
        break;
      }
    }
    if (page == null) {
      process.destroyForcibly();
      throw new AssertionError("Chromium has no page to drive: " + targets);
    }
    Chromium chromium = new Chromium(process, profile, http.newWebSocketBuilder(), URI.create(page));
    chromium.send("Page.enable", new JsonObject());
    chromium.send("Runtime.enable", new JsonObject());
    chromium.send("Log.enable", new JsonObject());
    return chromium;
  }

  /** Opens {@code file} and waits for its load event; returns the milliseconds that took. */
  long open(Path file) {
    loaded = new CompletableFuture<>();
    JsonObject params = new JsonObject();
    params.addProperty("url", file.toUri().toString());
    long start = System.nanoTime();
    JsonObject result = send("Page.navigate", params);
    if (result.has("errorText")) {
      throw new AssertionError("Chromium could not open " + file + ": " + result.get("errorText"));
    }
    loaded.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  /** The value of a script expression run in the page (a promise is awaited). */
  JsonElement eval(String expression) {
    JsonObject params = new JsonObject();
    params.addProperty("expression", expression);
    params.addProperty("returnByValue", true);
    params.addProperty("awaitPromise", true);
    JsonObject result = send("Runtime.evaluate", params);
    if (result.has("exceptionDetails")) {
      throw new AssertionError("script failed in the page: " + expression + "\n" + result.get("exceptionDetails"));
    }
    JsonObject value = result.getAsJsonObject("result");
    return value.has("value") ? value.get("value") : null;
  }

  /** Emulates a media feature, such as {@code prefers-color-scheme: dark}, or the print media type. */
  void emulate(String media, String feature, String value) {
    JsonObject params = new JsonObject();
    params.addProperty("media", media);
    JsonArray features = new JsonArray();
    if (feature != null) {
      JsonObject f = new JsonObject();
      f.addProperty("name", feature);
      f.addProperty("value", value);
      features.add(f);
    }
    params.add("features", features);
    send("Emulation.setEmulatedMedia", params);
  }

  /**
   * A PNG of the page's top {@code height} pixels at the window's width, written to {@code file}. The
   * window is made that tall for it, so that what a reader would scroll to is drawn too.
   */
  void screenshot(Path file, int height) throws IOException {
    JsonObject metrics = new JsonObject();
    metrics.addProperty("width", 1280);
    metrics.addProperty("height", height);
    metrics.addProperty("deviceScaleFactor", 1);
    metrics.addProperty("mobile", false);
    send("Emulation.setDeviceMetricsOverride", metrics);
    eval("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
    JsonObject params = new JsonObject();
    params.addProperty("format", "png");
    String data = send("Page.captureScreenshot", params).get("data").getAsString();
    send("Emulation.clearDeviceMetricsOverride", new JsonObject());
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, Base64.getDecoder().decode(data));
  }

  /** What the page reported as errors so far: console errors, uncaught exceptions, failed loads. */
  List<String> errors() {
    synchronized (errors) {
      return List.copyOf(errors);
    }
  }

  private JsonObject send(String method, JsonObject params) {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonObject> reply = new CompletableFuture<>();
    pending.put(id, reply);
    JsonObject message = new JsonObject();
    message.addProperty("id", id);
    message.addProperty("method", method);
    message.add("params", params);
    socket.sendText(message.toString(), true).join();
    JsonObject response = reply.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    if (response.has("error")) {
      throw new AssertionError(method + " failed: " + response.get("error"));
    }
    return response.getAsJsonObject("result");
  }

  private void receive(JsonObject message) {
    if (message.has("id")) {
      CompletableFuture<JsonObject> reply = pending.remove(message.get("id").getAsInt());
      if (reply != null) {
        reply.complete(message);
      }
      return;
    }
    String method = message.get("method").getAsString();
    JsonObject params = message.getAsJsonObject("params");
    switch (method) {
      case "Page.loadEventFired" -> loaded.complete(null);
      case "Runtime.consoleAPICalled" -> {
        String type = params.get("type").getAsString();
        if (type.equals("error") || type.equals("assert")) {
          errors.add("console." + type + ": " + params.get("args"));
        }
      }
      case "Runtime.exceptionThrown" -> errors.add("uncaught: " + params.get("exceptionDetails"));
      case "Log.entryAdded" -> {
        JsonObject entry = params.getAsJsonObject("entry");
        if (entry.get("level").getAsString().equals("error")) {
          errors.add(entry.get("source").getAsString() + ": " + entry.get("text").getAsString());
        }
      }
      default -> {}
    }
  }

  @Override
  public void close() throws IOException {
    socket.abort();
    List<ProcessHandle> helpers = process.descendants().toList(); // renderers, GPU and zygote processes
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    helpers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    try (Stream<Path> files = Files.walk(profile)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A file Chromium still held; the temporary directory is the system's to clean.
    }
  }

  /** Assembles the protocol's messages, which may arrive in parts. */
  private final class Listener implements WebSocket.Listener {
    private final StringBuilder parts = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      parts.append(data);
      if (last) {
        String text = parts.toString();
        parts.setLength(0);
        receive(JsonParser.parseString(text).getAsJsonObject());
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      gone(new AssertionError("Chromium closed the DevTools connection (" + statusCode + " " + reason + ")"));
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      gone(new AssertionError("the DevTools connection to Chromium failed", error));
    }
  }

  /** Whatever waits for an answer learns that none will come, instead of waiting for the timeout. */
  private void gone(AssertionError why) {
    pending.values().forEach(reply -> reply.completeExceptionally(why));
    loaded.completeExceptionally(why);
  }
}
