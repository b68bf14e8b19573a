package dev.deadbolt.maven;

import static com.google.common.truth.Truth.assertThat;
import static dev.deadbolt.maven.Fixtures.MODULE;
import static dev.deadbolt.maven.Fixtures.ROOT;
import static dev.deadbolt.maven.Fixtures.edge;
import static dev.deadbolt.maven.Fixtures.finding;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class SarifTest {
  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  private static final String FILE = "src/main/java/com/acme/Inventory.java";

  @Test
  public void writesValidSarifWithRulesFingerprintsAndSuppressions() throws Exception {
    List<RecordedFinding> findings = new ArrayList<>();
    findings.add(finding("BlockingCallUnderLock", FILE, 14, "refresh()", "Thread.sleep(10);"));
    findings.add(
        Fixtures.suppressed(
            finding("BlockingCallUnderLock", FILE, 30, "quiet()", "Thread.sleep(1);"),
            "only this poller takes the lock"));
    RecordedFinding withFix =
        new RecordedFinding(
            "UnboundedQueue", "ERROR", MODULE.resolve(FILE), 22, 44, 22, 71, "grows", null,
            "com.acme.Inventory", null, "queue", "q = new LinkedBlockingQueue<>();",
            List.of(
                new RecordedFinding.Fix(
                    null,
                    List.of(new RecordedFinding.Replacement(22, 70, 22, 70, "1000")),
                    List.of())),
            List.of(), null, "shop");
    findings.add(withFix);
    findings.addAll(
        LockCycles.find(
            List.of(edge("L.b", "L.a", "shop", 8)),
            List.of(edge("L.b", "L.a", "shop", 8), edge("L.a", "L.b", "core", 4))));
    Verdict verdict = Verdict.judge(findings, Baseline.empty(), MODULE, ROOT);
    Path file = temp.getRoot().toPath().resolve("deadbolt.sarif");
    Sarif.write(
        file, verdict, CheckCatalog.load(getClass().getClassLoader()), "1.0", "deadbolt/shop/", ROOT);

    SarifSchema.assertValid(file);
    JsonObject run =
        JsonParser.parseString(Files.readString(file)).getAsJsonObject().getAsJsonArray("runs").get(0)
            .getAsJsonObject();
    var rules = run.getAsJsonObject("tool").getAsJsonObject("driver").getAsJsonArray("rules");
    assertThat(rules.size()).isAtLeast(14);
    JsonObject blocking = rules.asList().stream().map(r -> r.getAsJsonObject())
        .filter(r -> r.get("id").getAsString().equals("BlockingCallUnderLock")).findFirst().get();
    assertThat(blocking.get("helpUri").getAsString()).endsWith("/docs/checks/BlockingCallUnderLock.md");

    var results = run.getAsJsonArray("results");
    assertThat(results.size()).isEqualTo(4);
    JsonObject cycle = results.asList().stream().map(r -> r.getAsJsonObject())
        .filter(r -> r.get("ruleId").getAsString().equals("LockOrderInversion")).findFirst().get();
    assertThat(cycle.getAsJsonArray("relatedLocations").size()).isEqualTo(1);
    JsonObject refresh = results.asList().stream().map(r -> r.getAsJsonObject())
        .filter(r -> r.toString().contains("refresh()")).findFirst().get();
    assertThat(refresh.get("baselineState").getAsString()).isEqualTo("new");
    JsonObject location =
        refresh.getAsJsonArray("locations").get(0).getAsJsonObject().getAsJsonObject("physicalLocation");
    assertThat(location.getAsJsonObject("artifactLocation").get("uri").getAsString())
        .isEqualTo("shop/" + FILE);
    assertThat(refresh.getAsJsonObject("partialFingerprints").get("deadbolt/v1").getAsString())
        .matches("[0-9a-f]{32}");
    JsonObject quiet = results.asList().stream().map(r -> r.getAsJsonObject())
        .filter(r -> r.has("suppressions")).findFirst().get();
    JsonObject suppression = quiet.getAsJsonArray("suppressions").get(0).getAsJsonObject();
    assertThat(suppression.get("kind").getAsString()).isEqualTo("inSource");
    assertThat(suppression.get("justification").getAsString()).isEqualTo("only this poller takes the lock");
    assertThat(run.getAsJsonObject("automationDetails").get("id").getAsString()).isEqualTo("deadbolt/shop/");
  }

  @Test
  public void theSchemaCatchesABrokenLog() throws Exception {
    Path file = temp.getRoot().toPath().resolve("broken.sarif");
    Files.writeString(file, "{\"version\":\"2.1.0\",\"runs\":[{\"results\":[]}]}");
    assertThat(SarifSchema.violations(file)).isNotEmpty();
  }
}
