package dev.deadbolt.maven;

import com.google.errorprone.BugPattern;
import dev.deadbolt.config.OptIn;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Deadbolt's checks as the checks jar on this plugin's class path declares them: the {@code
 * BugChecker} services it registers and their {@code @BugPattern} (name, summary, docs link,
 * severity), and whether each is off by default ({@code @OptIn}). The classes are loaded, not run.
 */
public final class CheckCatalog {
  private static final String SERVICES = "META-INF/services/com.google.errorprone.bugpatterns.BugChecker";

  /** One check, as a SARIF rule and as {@code analyze} enables it. */
  public record Check(String name, String summary, @Nullable String link, String severity, boolean optIn) {}

  private final Map<String, Check> checks;

  private CheckCatalog(Map<String, Check> checks) {
    this.checks = checks;
  }

  /** The Deadbolt checks registered on {@code loader}'s class path, in name order. */
  public static CheckCatalog load(ClassLoader loader) {
    List<Check> found = new ArrayList<>();
    try {
      Enumeration<URL> services = loader.getResources(SERVICES);
      while (services.hasMoreElements()) {
        try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(services.nextElement().openStream(), StandardCharsets.UTF_8))) {
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            String name = line.replaceAll("#.*", "").trim();
            if (name.startsWith("dev.deadbolt.")) {
              found.add(describe(Class.forName(name, false, loader)));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("the Deadbolt checks jar lists a check it does not contain", e);
    }
    Map<String, Check> checks = new LinkedHashMap<>();
    found.stream().sorted(Comparator.comparing(Check::name)).forEach(c -> checks.put(c.name(), c));
    return new CheckCatalog(checks);
  }

  private static Check describe(Class<?> checker) {
    BugPattern pattern = checker.getAnnotation(BugPattern.class);
    if (pattern == null) {
      throw new IllegalStateException(checker.getName() + " has no @BugPattern");
    }
    String link = pattern.linkType() == BugPattern.LinkType.CUSTOM ? pattern.link() : null;
    return new Check(
        pattern.name().isEmpty() ? checker.getSimpleName() : pattern.name(),
        pattern.summary(),
        link,
        pattern.severity().name(),
        checker.isAnnotationPresent(OptIn.class));
  }

  public List<Check> all() {
    return List.copyOf(checks.values());
  }

  public @Nullable Check get(String name) {
    return checks.get(name);
  }

  /** The checks Error Prone runs by default: every one not marked {@code @OptIn}. */
  public List<String> onByDefault() {
    return checks.values().stream().filter(c -> !c.optIn()).map(Check::name).toList();
  }
}
