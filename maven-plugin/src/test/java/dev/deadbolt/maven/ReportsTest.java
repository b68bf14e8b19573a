package dev.deadbolt.maven;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.Assert.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/** Report files are read strictly: a malformed one names the file, the line and the problem. */
@RunWith(JUnit4.class)
public class ReportsTest {
  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  private static final String HEADER = "{\"format\":\"deadbolt-findings\",\"version\":1,\"output\":\"/x\"}";
  private static final String FINDING =
      "{\"kind\":\"finding\",\"check\":\"UnboundedQueue\",\"severity\":\"WARNING\",\"file\":\"/src/A.java\","
          + "\"line\":3,\"column\":7,\"message\":\"grows\",\"class\":\"A\",\"field\":\"q\","
          + "\"statement\":\"Queue q = new LinkedBlockingQueue<>();\","
          + "\"fixes\":[{\"replacements\":[{\"startLine\":3,\"startColumn\":40,\"endLine\":3,"
          + "\"endColumn\":40,\"text\":\"1000\"}]}]}";
  private static final String SUPPRESSED =
      "{\"kind\":\"suppressed\",\"check\":\"UnboundedQueue\",\"severity\":\"WARNING\",\"file\":\"/src/A.java\","
          + "\"line\":5,\"message\":\"grows\",\"statement\":\"s\",\"suppression\":{\"annotation\":"
          + "\"@BoundedBy(\\\"limiter\\\")\",\"target\":\"field A.r\",\"reason\":\"limiter\"}}";
  private static final String END = "{\"kind\":\"end\",\"findings\":1,\"suppressed\":1}";

  @Test
  public void readsFindingsSuppressionsAndEdges() throws Exception {
    Path dir = temp.getRoot().toPath();
    write("findings-1.jsonl", HEADER, FINDING, SUPPRESSED, END);
    write(
        "lock-edges-1.jsonl",
        "{\"format\":\"deadbolt-lock-edges\",\"version\":1}",
        "{\"held\":\"A.a\",\"acquired\":\"A.b\",\"file\":\"/src/A.java\",\"line\":9,\"method\":\"A.m()\"}",
        "{\"declared\":true,\"held\":\"A.b\",\"acquired\":\"A.a\",\"file\":\"/src/A.java\",\"line\":2,"
            + "\"method\":\"@LockOrder\"}");
    Reports.Contents contents = Reports.read(dir, "shop");
    assertThat(contents.findings()).hasSize(2);
    RecordedFinding finding = contents.findings().get(0);
    assertThat(finding.field()).isEqualTo("q");
    assertThat(finding.fixes().get(0).replacements().get(0).text()).isEqualTo("1000");
    assertThat(contents.findings().get(1).suppression().reason()).isEqualTo("limiter");
    assertThat(contents.edges()).hasSize(2);
    assertThat(contents.edges().get(0).module()).isEqualTo("shop");
    assertThat(contents.edges().get(0).declared()).isFalse();
    assertThat(contents.edges().get(1).declared()).isTrue();
  }

  @Test
  public void aFileWithoutItsEndRecordIsRejected() throws Exception {
    Path file = write("findings-1.jsonl", HEADER, FINDING);
    assertThat(problem()).isEqualTo(file + ": no \"end\" record: the compile that wrote it did not finish; compile again");
  }

  @Test
  public void badJsonNamesFileAndLine() throws Exception {
    Path file = write("findings-1.jsonl", HEADER, "{\"kind\":\"finding\",", END);
    assertThat(problem()).startsWith(file + ":2: not valid JSON");
  }

  @Test
  public void aMissingFieldIsNamed() throws Exception {
    Path file = write("findings-1.jsonl", HEADER, FINDING.replace("\"line\":3,", ""), END);
    assertThat(problem()).isEqualTo(file + ":2: \"line\" is missing (it must be a whole number)");
  }

  @Test
  public void anotherVersionIsRejected() throws Exception {
    Path file = write("findings-1.jsonl", HEADER.replace("\"version\":1", "\"version\":2"), END);
    assertThat(problem())
        .isEqualTo(
            file + ":1: deadbolt-findings version 2 is not supported (this plugin reads version 1);"
                + " use the same Deadbolt version for the checks and the plugin");
  }

  @Test
  public void countsThatDisagreeWithTheRecordsAreRejected() throws Exception {
    Path file = write("findings-1.jsonl", HEADER, FINDING, END);
    assertThat(problem())
        .isEqualTo(file + ":3: the \"end\" record counts 2 findings but the file has 1");
  }

  @Test
  public void unfinishedPartialFilesAreSetAside() throws Exception {
    write("findings-1.jsonl.123.partial", HEADER);
    Reports.Contents contents = Reports.read(temp.getRoot().toPath(), "shop");
    assertThat(contents.findingsFiles()).isEqualTo(0);
    assertThat(contents.partial()).hasSize(1);
  }

  private String problem() {
    return assertThrows(
            MalformedFileException.class, () -> Reports.read(temp.getRoot().toPath(), "shop"))
        .getMessage();
  }

  private Path write(String name, String... lines) throws Exception {
    Path file = temp.getRoot().toPath().resolve(name);
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return file;
  }
}
