package dev.deadbolt.maven;

import java.nio.file.Path;
import java.util.List;

/** Findings and edges for the unit tests. */
final class Fixtures {
  static final Path ROOT = Path.of("/repo");
  static final Path MODULE = ROOT.resolve("shop");

  private Fixtures() {}

  static RecordedFinding finding(String check, String file, int line, String method, String statement) {
    return new RecordedFinding(
        check,
        "WARNING",
        MODULE.resolve(file),
        line,
        5,
        line,
        20,
        "`Thread.sleep()` sleeps the thread while `this` is held",
        "https://example.com/" + check + ".md",
        "com.acme.Inventory",
        method,
        null,
        statement,
        List.of(),
        List.of(),
        null,
        "shop");
  }

  static RecordedFinding suppressed(RecordedFinding finding, String reason) {
    return new RecordedFinding(
        finding.check(),
        finding.severity(),
        finding.source(),
        finding.line(),
        finding.column(),
        finding.endLine(),
        finding.endColumn(),
        finding.message(),
        finding.link(),
        finding.className(),
        finding.method(),
        finding.field(),
        finding.statement(),
        List.of(),
        List.of(),
        new RecordedFinding.Suppression(
            "@SuppressWarnings(\"" + finding.check() + "\")", "method com.acme.Inventory.x()", reason),
        finding.module());
  }

  /** A declared order's edge: {@code held} before {@code acquired}, by {@code @LockOrder}. */
  static RecordedEdge declaredEdge(String held, String acquired, String module, int line) {
    return edge(held, acquired, module, line, "@LockOrder", true);
  }

  static RecordedEdge edge(String held, String acquired, String module, int line) {
    return edge(held, acquired, module, line, "Locks.m" + line + "()", false);
  }

  private static RecordedEdge edge(
      String held, String acquired, String module, int line, String method, boolean declared) {
    return new RecordedEdge(
        held,
        acquired,
        ROOT.resolve(module).resolve("src/main/java/com/acme/" + module + "/Locks.java"),
        line,
        method,
        ROOT.resolve(module).resolve("target/deadbolt/lock-edges-1.jsonl"),
        module,
        declared);
  }
}
