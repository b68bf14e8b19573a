package dev.deadbolt.checks;

import static com.google.common.truth.Truth.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/** The lock-analysis flags, read through a real {@code -Xplugin:ErrorProne} compile. */
@RunWith(JUnit4.class)
public class DeadboltFlagsTest {
  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  private static final String SLEEPER =
      """
      class Sleeper {
        synchronized void nap() throws InterruptedException {
          Thread.sleep(1);
        }
      }
      """;

  @Test
  public void checksLoadThroughServiceLoaderAndReport() {
    JavacWithPlugin.Result result =
        JavacWithPlugin.compile("Sleeper", SLEEPER, "-Xep:BlockingCallUnderLock:WARN");
    assertThat(result.succeeded()).isTrue();
    assertThat(String.join("\n", result.diagnostics()))
        .contains(
            "[BlockingCallUnderLock] `this` is held across a blocking call: `Thread.sleep()` sleeps"
                + " the thread (line 3)");
  }

  @Test
  public void blockingMethodsFileExtendsTheCatalog() throws Exception {
    Path catalog = temp.newFile("blocking.txt").toPath();
    Files.writeString(
        catalog,
        "# our RPC client\nSleeper#nap   sleeps on purpose\n",
        StandardCharsets.UTF_8);
    String source =
        """
        class Sleeper {
          void nap() {}
          synchronized void run() { nap(); }
        }
        """;
    JavacWithPlugin.Result result =
        JavacWithPlugin.compile(
            "Sleeper",
            source,
            "-Xep:BlockingCallUnderLock:WARN -XepOpt:Deadbolt:BlockingMethods=" + catalog);
    assertThat(String.join("\n", result.diagnostics()))
        .contains("`this` is held across a blocking call: `Sleeper.nap()` sleeps on purpose");
  }

  @Test
  public void malformedBlockingMethodsFileStopsTheCompileNamingFlagFileAndLine() throws Exception {
    Path catalog = temp.newFile("blocking.txt").toPath();
    Files.writeString(catalog, "# ok\njava.lang.Thread#sleep  sleeps\ncom.acme.Client#roundTrip\n");
    JavacWithPlugin.Result result =
        JavacWithPlugin.compile(
            "Sleeper",
            "class Sleeper {}",
            "-Xep:BlockingCallUnderLock:WARN -XepOpt:Deadbolt:BlockingMethods=" + catalog);
    assertThat(result.succeeded()).isFalse();
    assertThat(result.diagnostics())
        .contains(
            "ERROR: Deadbolt: bad -XepOpt:Deadbolt:BlockingMethods ("
                + catalog
                + ":3): 'com.acme.Client#roundTrip' needs a reason after it, e.g. 'reads from a"
                + " socket'");
  }

  @Test
  public void badPatternInBlockingMethodsFile() throws Exception {
    Path catalog = temp.newFile("blocking.txt").toPath();
    Files.writeString(catalog, "com.acme.Client.roundTrip()  network\n");
    JavacWithPlugin.Result result =
        JavacWithPlugin.compile(
            "Sleeper",
            "class Sleeper {}",
            "-Xep:VirtualThreadPinning:WARN -XepOpt:Deadbolt:BlockingMethods=" + catalog);
    assertThat(result.succeeded()).isFalse();
    assertThat(String.join("\n", result.diagnostics()))
        .contains(catalog + ":1): 'com.acme.Client.roundTrip()' is not a method pattern");
  }

  @Test
  public void missingBlockingMethodsFile() {
    JavacWithPlugin.Result result =
        JavacWithPlugin.compile(
            "Sleeper",
            "class Sleeper {}",
            "-Xep:BlockingCallUnderLock:WARN -XepOpt:Deadbolt:BlockingMethods=/nonexistent/b.txt");
    assertThat(result.succeeded()).isFalse();
    assertThat(String.join("\n", result.diagnostics()))
        .contains("bad -XepOpt:Deadbolt:BlockingMethods (/nonexistent/b.txt): cannot read the file");
  }

  @Test
  public void malformedRuntimeJdkStopsTheCompile() {
    JavacWithPlugin.Result result =
        JavacWithPlugin.compile(
            "Sleeper",
            "class Sleeper {}",
            "-Xep:VirtualThreadPinning:WARN -XepOpt:Deadbolt:RuntimeJdk=twenty-one");
    assertThat(result.succeeded()).isFalse();
    assertThat(result.diagnostics())
        .contains("ERROR: Deadbolt: bad -XepOpt:Deadbolt:RuntimeJdk: 'twenty-one' is not a whole number");
  }

  @Test
  public void runtimeJdkFlagDecidesWhetherMonitorsPin() {
    String source =
        """
        class Sleeper {
          synchronized void nap() throws InterruptedException { Thread.sleep(1); }
        }
        """;
    assertThat(
            String.join(
                "\n",
                JavacWithPlugin.compile(
                        "Sleeper", source, "-Xep:VirtualThreadPinning:WARN -XepOpt:Deadbolt:RuntimeJdk=21")
                    .diagnostics()))
        .contains("[VirtualThreadPinning]");
    assertThat(
            JavacWithPlugin.compile(
                    "Sleeper", source, "-Xep:VirtualThreadPinning:WARN -XepOpt:Deadbolt:RuntimeJdk=24")
                .diagnostics())
        .isEmpty();
  }

  @Test
  public void immediateMethodsFlagExtendsTheList() {
    String source =
        """
        class Retry {
          static void withRetries(Runnable body) { body.run(); }
          synchronized void run() {
            withRetries(() -> {
              try { Thread.sleep(1); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
            });
          }
        }
        """;
    assertThat(
            JavacWithPlugin.compile("Retry", source, "-Xep:BlockingCallUnderLock:WARN").diagnostics())
        .isEmpty();
    assertThat(
            String.join(
                "\n",
                JavacWithPlugin.compile(
                        "Retry",
                        source,
                        "-Xep:BlockingCallUnderLock:WARN -XepOpt:Deadbolt:ImmediateMethods=Retry#withRetries")
                    .diagnostics()))
        .contains("`this` is held across a blocking call: `Thread.sleep()` sleeps the thread");
  }

  @Test
  public void malformedImmediateMethodsFlag() {
    JavacWithPlugin.Result result =
        JavacWithPlugin.compile(
            "Retry",
            "class Retry {}",
            "-Xep:BlockingCallUnderLock:WARN -XepOpt:Deadbolt:ImmediateMethods=Retry#with-retries");
    assertThat(result.succeeded()).isFalse();
    assertThat(String.join("\n", result.diagnostics()))
        .contains("bad -XepOpt:Deadbolt:ImmediateMethods: 'Retry#with-retries' is not a method pattern");
  }

  @Test
  public void everyBadFlagIsReportedNotJustTheFirst() {
    JavacWithPlugin.Result result =
        JavacWithPlugin.compile(
            "Retry",
            "class Retry {}",
            "-Xep:BlockingCallUnderLock:WARN -XepOpt:Deadbolt:RuntimeJdk=x"
                + " -XepOpt:Deadbolt:ImmediateMethods=Retry#with-retries");
    assertThat(result.succeeded()).isFalse();
    String all = String.join("\n", result.diagnostics());
    assertThat(all).contains("bad -XepOpt:Deadbolt:RuntimeJdk");
    assertThat(all).contains("bad -XepOpt:Deadbolt:ImmediateMethods");
  }
}
