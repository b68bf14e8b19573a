package dev.deadbolt.summaries;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/**
 * Two compilations, as two modules of a build: {@code core} compiled with Deadbolt into a directory
 * (then, for most tests, a jar), {@code app} compiled with it on the class path.
 */
@RunWith(JUnit4.class)
public class ModuleSummariesTest {
  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  private static final String CHECKS =
      "-XepDisableAllChecks -Xep:BlockingCallUnderLock:WARN -Xep:LockOrderInversion:WARN";

  private static final Map<String, String> CORE =
      Map.of(
          "core/Client.java",
          """
          package core;
          public class Client {
            public String fetch() {
              return Http.get();
            }
            public void fetchTwice() {
              fetch();
              fetch();
            }
            private void hidden() throws InterruptedException {
              Thread.sleep(1);
            }
          }
          """,
          "core/Http.java",
          """
          package core;
          class Http {
            static String get() {
              try {
                Thread.sleep(100);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return "";
            }
          }
          """,
          "core/Fetcher.java",
          """
          package core;
          public interface Fetcher {
            String fetch();
          }
          """,
          "core/SlowFetcher.java",
          """
          package core;
          public class SlowFetcher implements Fetcher {
            @Override
            public String fetch() {
              return new Client().fetch();
            }
          }
          """,
          "core/Ledger.java",
          """
          package core;
          public class Ledger {
            public final Object accounts = new Object();
            public final Object journal = new Object();
            private long balance;
            public void post(long amount) {
              synchronized (accounts) {
                synchronized (journal) {
                  balance += amount;
                }
              }
            }
            public void touchAccounts() {
              synchronized (accounts) {
                balance++;
              }
            }
          }
          """);

  private static final String APP =
      """
      package app;
      import core.Client;
      public class Service {
        private final Client client = new Client();
        public synchronized String refresh() {
          return client.fetch();
        }
      }
      """;

  @Test
  public void chainContinuesIntoTheJarOfTheOtherModule() throws IOException {
    Path core = compileCore();
    String summaries = Files.readString(core.resolve("META-INF/deadbolt/summaries/core.Client.jsonl"));
    assertThat(summaries).startsWith("{\"format\":\"deadbolt-summaries\",\"version\":1,");
    assertThat(summaries).contains("\"key\":\"core.Client#fetch()Ljava/lang/String;\"");
    assertThat(summaries).doesNotContain("hidden"); // private: no other compilation calls it
    // One file per class of the API with something to say: Http is package-private (its method is in
    // the chains of Client's), and an interface of abstract methods has nothing.
    assertThat(Files.exists(core.resolve("META-INF/deadbolt/summaries/core.Http.jsonl"))).isFalse();
    assertThat(Files.exists(core.resolve("META-INF/deadbolt/summaries/core.Ledger.jsonl"))).isTrue();
    assertThat(Files.exists(core.resolve("META-INF/deadbolt/summaries/core.Fetcher.jsonl"))).isFalse();
    Path jar = jar(core, "core.jar");

    Result app = compile(Map.of("app/Service.java", APP), List.of(jar), CHECKS);

    assertThat(app.ok()).isTrue();
    assertThat(app.diagnostics()).hasSize(1);
    assertThat(app.diagnostics().get(0))
        .contains("`Client.fetch() -> Http.get() -> Thread.sleep()` sleeps the thread");
  }

  @Test
  public void chainContinuesThroughTwoModulesIntoAThird() throws IOException {
    Path core = jar(compileCore(), "core.jar");
    Result middle =
        compile(
            Map.of(
                "mid/Gateway.java",
                """
                package mid;
                public class Gateway {
                  public void call() {
                    new core.Client().fetchTwice();
                  }
                }
                """),
            List.of(core),
            CHECKS);
    assertThat(middle.ok()).isTrue();
    Path mid = jar(middle.out(), "mid.jar");

    Result app =
        compile(
            Map.of(
                "app/Top.java",
                """
                package app;
                public class Top {
                  private final Object lock = new Object();
                  void run() {
                    synchronized (lock) {
                      new mid.Gateway().call();
                    }
                  }
                }
                """),
            List.of(mid, core),
            CHECKS);

    assertThat(app.diagnostics()).hasSize(1);
    assertThat(app.diagnostics().get(0))
        .contains(
            "`Gateway.call() -> Client.fetchTwice() -> Client.fetch() -> Http.get() -> Thread.sleep()`");
  }

  @Test
  public void implementationOfAnInterfaceInTheOtherModule() throws IOException {
    Path jar = jar(compileCore(), "core.jar");
    Result app =
        compile(
            Map.of(
                "app/Poller.java",
                """
                package app;
                import core.SlowFetcher;
                public class Poller {
                  private final SlowFetcher fetcher = new SlowFetcher();
                  public synchronized void poll() {
                    fetcher.fetch();
                  }
                }
                """),
            List.of(jar),
            CHECKS);
    assertThat(app.diagnostics()).hasSize(1);
    assertThat(app.diagnostics().get(0))
        .contains("`SlowFetcher.fetch() -> Client.fetch() -> Http.get() -> Thread.sleep()`");
  }

  @Test
  public void lockOrderCycleAcrossModulesIsFoundByTheDownstreamCompile() throws IOException {
    Path jar = jar(compileCore(), "core.jar");
    Result app =
        compile(
            Map.of(
                "app/Reconciler.java",
                """
                package app;
                import core.Ledger;
                public class Reconciler {
                  private final Ledger ledger = new Ledger();
                  public void reconcile() {
                    synchronized (ledger.journal) {
                      ledger.touchAccounts();
                    }
                  }
                }
                """),
            List.of(jar),
            CHECKS);
    assertThat(app.ok()).isTrue();
    assertThat(app.diagnostics()).hasSize(1);
    assertThat(app.diagnostics().get(0))
        .contains(
            "`Ledger.touchAccounts()` acquires `Ledger.accounts` while `Ledger.journal` is held,"
                + " but Ledger.post() (Ledger.java:8) acquires them in the opposite order");
    assertThat(app.lines()).containsExactly(7L);
  }

  @Test
  public void theSameOrderAsTheOtherModuleIsNoFinding() throws IOException {
    Path jar = jar(compileCore(), "core.jar");
    Result app =
        compile(
            Map.of(
                "app/Poster.java",
                """
                package app;
                import core.Ledger;
                public class Poster {
                  private final Ledger ledger = new Ledger();
                  public void post() {
                    synchronized (ledger.accounts) {
                      synchronized (ledger.journal) {}
                    }
                  }
                }
                """),
            List.of(jar),
            CHECKS);
    assertThat(app.ok()).isTrue();
    assertThat(app.diagnostics()).isEmpty();
  }

  @Test
  public void jarWithoutSummariesIsSilent() throws IOException {
    Path core = compileCore();
    try (Stream<Path> files = Files.walk(core.resolve("META-INF"))) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
    Result app = compile(Map.of("app/Service.java", APP), List.of(jar(core, "core.jar")), CHECKS);
    assertThat(app.ok()).isTrue();
    assertThat(app.diagnostics()).isEmpty(); // nothing known of fetch(), and no note
  }

  @Test
  public void corruptSummariesAreOneNoteNamingTheJarEvenWithWerror() throws IOException {
    Path core = compileCore();
    Path file = core.resolve("META-INF/deadbolt/summaries/core.Client.jsonl");
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    lines.add("{\"kind\":\"method\",\"key\":");
    Files.write(file, lines);
    Path jar = jar(core, "broken-core.jar");
    String app2 =
        APP.replace("class Service", "class Other").replace("refresh()", "again()");

    Result app =
        compile(
            Map.of("app/Service.java", APP, "app/Other.java", app2),
            List.of(jar),
            CHECKS,
            "-Werror");

    assertThat(app.ok()).isTrue();
    assertThat(app.diagnostics()).hasSize(1);
    assertThat(app.diagnostics().get(0)).startsWith("NOTE: Deadbolt: cannot read the method summaries in ");
    assertThat(app.diagnostics().get(0)).contains("broken-core.jar");
    assertThat(app.diagnostics().get(0)).contains("line " + lines.size());
  }

  @Test
  public void corruptSummariesStillLetTheCompileReportWhatItKnows() throws IOException {
    Path core = compileCore();
    Files.writeString(core.resolve("META-INF/deadbolt/summaries/core.Client.jsonl"), "not json\n");
    Result app = compile(Map.of("app/Service.java", APP), List.of(jar(core, "core.jar")), CHECKS);
    assertThat(app.ok()).isTrue();
    assertThat(app.diagnostics()).hasSize(1);
    assertThat(app.diagnostics().get(0)).contains("core.jar");
    assertThat(app.diagnostics().get(0)).contains("line 1");
  }

  @Test
  public void aBrokenRecordIsOneNoteWhenItIsAskedAbout() throws IOException {
    Path core = compileCore();
    Path file = core.resolve("META-INF/deadbolt/summaries/core.Client.jsonl");
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    int fetch = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("\"key\":\"core.Client#fetch()")) {
        fetch = i;
      }
    }
    lines.set(
        fetch,
        "{\"kind\":\"method\",\"key\":\"core.Client#fetch()Ljava/lang/String;\",\"blocks\":{\"chain\":[1]}}");
    Files.write(file, lines);
    Result app = compile(Map.of("app/Service.java", APP), List.of(jar(core, "core.jar")), CHECKS);
    assertThat(app.ok()).isTrue();
    assertThat(app.diagnostics()).hasSize(1);
    assertThat(app.diagnostics().get(0))
        .contains("line " + (fetch + 1) + ": \"chain\" holds a non-string");
  }

  @Test
  public void aFileCutShortIsOneNote() throws IOException {
    Path core = compileCore();
    Path file = core.resolve("META-INF/deadbolt/summaries/core.Client.jsonl");
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    Files.write(file, lines.subList(0, lines.size() - 1));
    Result app = compile(Map.of("app/Service.java", APP), List.of(jar(core, "core.jar")), CHECKS);
    assertThat(app.ok()).isTrue();
    assertThat(app.diagnostics()).hasSize(1);
    assertThat(app.diagnostics().get(0)).contains("(cut short?)");
  }

  @Test
  public void newerFormatIsOneNoteNamingTheJar() throws IOException {
    Path core = compileCore();
    Path file = core.resolve("META-INF/deadbolt/summaries/core.Client.jsonl");
    String text = Files.readString(file).replace("\"version\":1,", "\"version\":7,");
    Files.writeString(file, text);
    Result app = compile(Map.of("app/Service.java", APP), List.of(jar(core, "core-2.jar")), CHECKS);
    assertThat(app.ok()).isTrue();
    assertThat(app.diagnostics()).hasSize(1);
    assertThat(app.diagnostics().get(0)).startsWith("NOTE: Deadbolt: the method summaries in ");
    assertThat(app.diagnostics().get(0)).contains("core-2.jar");
    assertThat(app.diagnostics().get(0)).contains("version 7, newer than this Deadbolt reads (1)");
  }

  @Test
  public void classDirectoryOnTheClassPathIsReadToo() throws IOException {
    Path core = compileCore();
    Result app = compile(Map.of("app/Service.java", APP), List.of(core), CHECKS);
    assertThat(app.diagnostics()).hasSize(1);
    assertThat(app.diagnostics().get(0)).contains("`Client.fetch() -> Http.get() -> Thread.sleep()`");
  }

  @Test
  public void callsOfArrayAndJdkMethodsHaveNoSummariesToLookFor() throws IOException {
    Path jar = jar(compileCore(), "core.jar");
    Result app =
        compile(
            Map.of(
                "app/Arrays.java",
                """
                package app;
                public class Arrays {
                  public synchronized int[] copy(int[] a) {
                    String.valueOf(a.length);
                    return a.clone();
                  }
                }
                """),
            List.of(jar),
            CHECKS);
    assertThat(app.ok()).isTrue();
    assertThat(app.diagnostics()).isEmpty();
  }

  @Test
  public void aClassThatNoLongerBlocksLosesItsFileWhenCompiledAgain() throws IOException {
    Path out = temp.newFolder().toPath();
    Path file = out.resolve("META-INF/deadbolt/summaries/core.Client.jsonl");
    assertThat(compileInto(out, CORE).ok()).isTrue();
    assertThat(Files.exists(file)).isTrue();
    Map<String, String> quiet = new java.util.HashMap<>(CORE);
    quiet.put(
        "core/Http.java",
        "package core; class Http { static String get() { return \"\"; } }");
    assertThat(compileInto(out, quiet).ok()).isTrue();
    assertThat(Files.exists(file)).isFalse();
  }

  // ---- two compilations --------------------------------------------------------------------------

  private Path compileCore() throws IOException {
    Result core = compile(CORE, List.of(), CHECKS);
    assertThat(core.ok()).isTrue();
    return core.out();
  }

  record Result(boolean ok, List<String> diagnostics, List<Long> lines, Path out) {}

  private Result compileInto(Path out, Map<String, String> sources) {
    return compile(out, sources, List.of(), CHECKS);
  }

  private Result compile(
      Map<String, String> sources, List<Path> classPath, String errorProneArgs, String... javacArgs)
      throws IOException {
    return compile(temp.newFolder().toPath(), sources, classPath, errorProneArgs, javacArgs);
  }

  private static Result compile(
      Path out,
      Map<String, String> sources,
      List<Path> classPath,
      String errorProneArgs,
      String... javacArgs) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    String testClassPath = System.getProperty("java.class.path");
    List<String> cp = new ArrayList<>();
    classPath.forEach(p -> cp.add(p.toString()));
    List<String> options =
        new ArrayList<>(
            List.of(
                "-XDcompilePolicy=simple",
                "--should-stop=ifError=FLOW",
                "-proc:none",
                "-d",
                out.toString(),
                "-processorpath",
                testClassPath,
                "-Xplugin:ErrorProne " + errorProneArgs));
    if (!cp.isEmpty()) {
      options.add("-classpath");
      options.add(String.join(java.io.File.pathSeparator, cp));
    }
    options.addAll(List.of(javacArgs));
    List<JavaFileObject> files = new ArrayList<>();
    sources.forEach(
        (name, text) ->
            files.add(
                new SimpleJavaFileObject(
                    URI.create("string:///" + name), JavaFileObject.Kind.SOURCE) {
                  @Override
                  public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return text;
                  }
                }));
    boolean ok =
        javac.getTask(Writer.nullWriter(), null, diagnostics, options, null, files).call();
    List<String> messages = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      messages.add(d.getKind() + ": " + d.getMessage(Locale.ROOT));
      lines.add(d.getLineNumber());
    }
    return new Result(ok, messages, lines, out);
  }

  private Path jar(Path classes, String name) throws IOException {
    Path jar = temp.newFolder().toPath().resolve(name);
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file);
        Stream<Path> walk = Files.walk(classes)) {
      for (Path path : walk.sorted().toList()) {
        String entry = classes.relativize(path).toString().replace('\\', '/');
        if (entry.isEmpty()) {
          continue;
        }
        if (Files.isDirectory(path)) {
          out.putNextEntry(new JarEntry(entry + "/"));
        } else {
          out.putNextEntry(new JarEntry(entry));
          out.write(Files.readAllBytes(path));
        }
        out.closeEntry();
      }
    }
    return jar;
  }
}
