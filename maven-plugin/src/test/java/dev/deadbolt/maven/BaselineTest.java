package dev.deadbolt.maven;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.Assert.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class BaselineTest {
  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  @Test
  public void writesAndReadsBack() throws Exception {
    Path file = temp.getRoot().toPath().resolve("deadbolt-baseline.json");
    Baseline baseline =
        new Baseline(
            List.of(
                new Baseline.Entry(
                    "0123456789abcdef0123456789abcdef",
                    "UnboundedQueue",
                    "src/main/java/A.java",
                    "A#start()",
                    "q = new LinkedBlockingQueue<>();")));
    baseline.write(file);
    assertThat(Files.readString(file)).startsWith("{\n  \"format\": \"deadbolt-baseline\",\n  \"version\": 1,");
    assertThat(Baseline.read(file)).isEqualTo(baseline);
  }

  @Test
  public void aMissingFileIsAnEmptyBaseline() throws Exception {
    assertThat(Baseline.read(temp.getRoot().toPath().resolve("none.json")).entries()).isEmpty();
  }

  @Test
  public void malformedBaselinesNameTheFileAndTheProblem() throws Exception {
    assertThat(problem("{\"format\":\"deadbolt-baseline\",\"version\":1,\"findings\":[")).contains("not valid JSON");
    assertThat(problem("{\"format\":\"something\",\"version\":1,\"findings\":[]}"))
        .endsWith(": not a Deadbolt baseline: expected \"format\": \"deadbolt-baseline\"");
    assertThat(problem("{\"format\":\"deadbolt-baseline\",\"version\":1}"))
        .endsWith(": \"findings\" is missing (it must be an array, empty when nothing is accepted)");
    assertThat(
            problem(
                "{\"format\":\"deadbolt-baseline\",\"version\":1,\"findings\":[{\"fingerprint\":\"xyz\","
                    + "\"check\":\"A\",\"file\":\"f\"}]}"))
        .endsWith(": findings[0].fingerprint must be 32 hex digits, not \"xyz\"");
    assertThat(problem("{\"format\":\"deadbolt-baseline\",\"version\":1,\"findings\":[{}]}"))
        .endsWith(": \"fingerprint\" is missing (it must be a string)");
  }

  private String problem(String text) throws Exception {
    Path file = temp.getRoot().toPath().resolve("deadbolt-baseline.json");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    String message = assertThrows(MalformedFileException.class, () -> Baseline.read(file)).getMessage();
    assertThat(message).startsWith(file.toString());
    return message;
  }
}
