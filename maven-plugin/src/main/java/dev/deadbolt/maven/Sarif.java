package dev.deadbolt.maven;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes a module's verdict as a SARIF 2.1.0 log for code scanning: one rule per check (with its docs
 * page), a stable {@code ruleId}, repository-relative paths, {@code partialFingerprints} (the baseline's
 * fingerprint), {@code baselineState}, and suppressed findings as {@code suppressions} with their
 * justification. Nothing in it depends on the machine, the time or the build order.
 */
public final class Sarif {
  static final String SCHEMA =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
  static final String FINGERPRINT = "deadbolt/v1";
  static final String HOME = "https://github.com/deadbolt-dev/deadbolt";

  private Sarif() {}

  /**
   * @param category distinguishes this module's log from the others uploaded for the same commit
   */
  public static void write(
      Path file,
      Verdict verdict,
      CheckCatalog catalog,
      String toolVersion,
      String category,
      Path repositoryRoot)
      throws IOException {
    Map<String, JsonObject> rules = rules(verdict, catalog);
    List<String> ruleIds = new ArrayList<>(rules.keySet());

    JsonObject driver = new JsonObject();
    driver.addProperty("name", "Deadbolt");
    driver.addProperty("informationUri", HOME);
    driver.addProperty("version", toolVersion);
    JsonArray ruleArray = new JsonArray();
    rules.values().forEach(ruleArray::add);
    driver.add("rules", ruleArray);
    JsonObject tool = new JsonObject();
    tool.add("driver", driver);

    JsonArray results = new JsonArray();
    for (Verdict.Result result : verdict.results()) {
      results.add(result(result, ruleIds, repositoryRoot));
    }

    JsonObject automation = new JsonObject();
    automation.addProperty("id", category);
    JsonObject run = new JsonObject();
    run.add("tool", tool);
    run.add("automationDetails", automation);
    run.addProperty("columnKind", "utf16CodeUnits");
    run.add("results", results);

    JsonObject log = new JsonObject();
    log.addProperty("$schema", SCHEMA);
    log.addProperty("version", "2.1.0");
    JsonArray runs = new JsonArray();
    runs.add(run);
    log.add("runs", runs);

    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(
        file,
        new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(log) + "\n",
        StandardCharsets.UTF_8);
  }

  /** Every Deadbolt check the plugin knows, and any other check that has a finding, by name. */
  private static Map<String, JsonObject> rules(Verdict verdict, CheckCatalog catalog) {
    TreeSet<String> names = new TreeSet<>();
    catalog.all().forEach(c -> names.add(c.name()));
    verdict.results().forEach(r -> names.add(r.finding().check()));
    Map<String, JsonObject> rules = new LinkedHashMap<>();
    for (String name : names) {
      CheckCatalog.Check check = catalog.get(name);
      String link =
          check != null && check.link() != null
              ? check.link()
              : verdict.results().stream()
                  .map(r -> r.finding())
                  .filter(f -> f.check().equals(name) && f.link() != null)
                  .map(RecordedFinding::link)
                  .findFirst()
                  .orElse(HOME + "/blob/main/docs/checks/" + name + ".md");
      JsonObject rule = new JsonObject();
      rule.addProperty("id", name);
      rule.addProperty("name", name);
      rule.add("shortDescription", text(check == null ? name : check.summary()));
      rule.addProperty("helpUri", link);
      rule.add("help", text("See " + link));
      JsonObject configuration = new JsonObject();
      configuration.addProperty("level", level(check == null ? "WARNING" : check.severity()));
      rule.add("defaultConfiguration", configuration);
      JsonObject properties = new JsonObject();
      JsonArray tags = new JsonArray();
      tags.add("concurrency");
      properties.add("tags", tags);
      rule.add("properties", properties);
      rules.put(name, rule);
    }
    return rules;
  }

  private static JsonObject result(Verdict.Result result, List<String> ruleIds, Path repositoryRoot) {
    RecordedFinding finding = result.finding();
    JsonObject json = new JsonObject();
    json.addProperty("ruleId", finding.check());
    json.addProperty("ruleIndex", ruleIds.indexOf(finding.check()));
    json.addProperty("level", level(finding.severity()));
    json.add("message", text(finding.message()));

    JsonObject location = new JsonObject();
    JsonObject physical = new JsonObject();
    physical.add("artifactLocation", artifact(result.file()));
    physical.add("region", region(finding));
    location.add("physicalLocation", physical);
    if (!finding.qualifiedMember().isEmpty()) {
      JsonObject logical = new JsonObject();
      logical.addProperty(
          "fullyQualifiedName",
          finding.className() == null ? finding.member() : finding.qualifiedMember());
      logical.addProperty("kind", finding.method() != null ? "function" : "member");
      JsonArray logicals = new JsonArray();
      logicals.add(logical);
      location.add("logicalLocations", logicals);
    }
    JsonArray locations = new JsonArray();
    locations.add(location);
    json.add("locations", locations);

    if (!finding.related().isEmpty()) {
      JsonArray related = new JsonArray();
      int id = 1;
      for (RecordedFinding.Site site : finding.related()) {
        JsonObject relatedLocation = new JsonObject();
        relatedLocation.addProperty("id", id++);
        JsonObject relatedPhysical = new JsonObject();
        relatedPhysical.add(
            "artifactLocation", artifact(Verdict.relative(repositoryRoot, site.source())));
        JsonObject region = new JsonObject();
        region.addProperty("startLine", site.line());
        relatedPhysical.add("region", region);
        relatedLocation.add("physicalLocation", relatedPhysical);
        relatedLocation.add("message", text(site.message()));
        related.add(relatedLocation);
      }
      json.add("relatedLocations", related);
    }

    JsonObject fingerprints = new JsonObject();
    fingerprints.addProperty(FINGERPRINT, result.fingerprint());
    json.add("partialFingerprints", fingerprints);

    switch (result.state()) {
      case NEW -> json.addProperty("baselineState", "new");
      case BASELINED -> json.addProperty("baselineState", "unchanged");
      case SUPPRESSED -> {
        RecordedFinding.Suppression s = finding.suppression();
        JsonObject suppression = new JsonObject();
        suppression.addProperty("kind", "inSource");
        suppression.addProperty("status", "accepted");
        if (!s.reason().isEmpty()) {
          suppression.addProperty("justification", s.reason());
        }
        JsonObject properties = new JsonObject();
        properties.addProperty("annotation", s.annotation());
        properties.addProperty("target", s.target());
        suppression.add("properties", properties);
        JsonArray suppressions = new JsonArray();
        suppressions.add(suppression);
        json.add("suppressions", suppressions);
      }
    }

    if (!finding.fixes().isEmpty()) {
      JsonArray fixes = new JsonArray();
      for (RecordedFinding.Fix fix : finding.fixes()) {
        if (fix.replacements().isEmpty()) {
          continue;
        }
        JsonArray replacements = new JsonArray();
        for (RecordedFinding.Replacement r : fix.replacements()) {
          JsonObject deleted = new JsonObject();
          deleted.addProperty("startLine", r.startLine());
          deleted.addProperty("startColumn", r.startColumn());
          deleted.addProperty("endLine", r.endLine());
          deleted.addProperty("endColumn", r.endColumn());
          JsonObject inserted = new JsonObject();
          inserted.addProperty("text", r.text());
          JsonObject replacement = new JsonObject();
          replacement.add("deletedRegion", deleted);
          replacement.add("insertedContent", inserted);
          replacements.add(replacement);
        }
        JsonObject change = new JsonObject();
        change.add("artifactLocation", artifact(result.file()));
        change.add("replacements", replacements);
        JsonArray changes = new JsonArray();
        changes.add(change);
        JsonObject sarifFix = new JsonObject();
        String description = fix.description() != null ? fix.description() : "Suggested fix";
        if (!fix.imports().isEmpty()) {
          description += " (add imports: " + String.join(", ", fix.imports()) + ")";
        }
        sarifFix.add("description", text(description));
        sarifFix.add("artifactChanges", changes);
        fixes.add(sarifFix);
      }
      if (!fixes.isEmpty()) {
        json.add("fixes", fixes);
      }
    }
    return json;
  }

  private static JsonObject artifact(String uri) {
    JsonObject artifact = new JsonObject();
    if (uri.startsWith("/")) {
      artifact.addProperty("uri", Path.of(uri).toUri().toString());
    } else {
      try {
        artifact.addProperty("uri", new URI(null, null, uri, null).toASCIIString());
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("not a path: " + uri, e);
      }
      artifact.addProperty("uriBaseId", "%SRCROOT%");
    }
    return artifact;
  }

  private static JsonObject region(RecordedFinding finding) {
    JsonObject region = new JsonObject();
    region.addProperty("startLine", finding.line());
    if (finding.column() != null) {
      region.addProperty("startColumn", finding.column());
      if (finding.endLine() != null && finding.endColumn() != null) {
        region.addProperty("endLine", finding.endLine());
        region.addProperty("endColumn", finding.endColumn());
      }
    }
    return region;
  }

  private static JsonObject text(String text) {
    JsonObject message = new JsonObject();
    message.addProperty("text", text);
    return message;
  }

  static String level(String severity) {
    return switch (severity.toUpperCase(Locale.ROOT)) {
      case "ERROR" -> "error";
      case "SUGGESTION" -> "note";
      default -> "warning";
    };
  }
}
