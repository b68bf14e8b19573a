package dev.deadbolt.catalog;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.Assert.assertThrows;

import java.util.List;
import java.util.OptionalInt;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class CatalogParserTest {

  @Test
  public void parsesEveryPatternForm() throws Exception {
    List<CatalogEntry> entries =
        CatalogParser.parse(
            String.join(
                "\n",
                "# comment",
                "",
                "com.acme.Client#call   does an RPC round trip",
                "com.acme.Client#poll/2 waits until the timeout",
                "com.acme.Blob#read*    reads object storage",
                "com.acme.Gateway       talks to the mainframe",
                "com.acme.Client#new/1  connects",
                "!com.acme.LocalClient"),
            "test.txt",
            true);

    assertThat(entries).hasSize(6);
    assertThat(entries.get(0).pattern()).isEqualTo(new MethodPattern("com.acme.Client", "call", OptionalInt.empty()));
    assertThat(entries.get(0).reason()).isEqualTo("does an RPC round trip");
    assertThat(entries.get(0).source()).isEqualTo("test.txt:3");
    assertThat(entries.get(1).pattern().arity()).isEqualTo(OptionalInt.of(2));
    assertThat(entries.get(3).pattern().method()).isEqualTo("*");
    assertThat(entries.get(5).excluded()).isTrue();
  }

  @Test
  public void patternsMatchNamesPrefixesAndArity() {
    assertThat(MethodPattern.parse("a.B#read*").matchesMethod("readLine", 0)).isTrue();
    assertThat(MethodPattern.parse("a.B#read*").matchesMethod("write", 1)).isFalse();
    assertThat(MethodPattern.parse("a.B#offer/3").matchesMethod("offer", 1)).isFalse();
    assertThat(MethodPattern.parse("a.B#offer/3").matchesMethod("offer", 3)).isTrue();
    assertThat(MethodPattern.parse("a.B").matchesMethod("anything", 7)).isTrue();
  }

  @Test
  public void parsesMembersParameterTypesAndReturnTypes() {
    MethodPattern members = MethodPattern.parse("a.B#{members}");
    assertThat(members.membersOnly()).isTrue();
    assertThat(members.matchesMethod("anything", 2)).isTrue();

    MethodPattern typed = MethodPattern.parse("java.net.InetSocketAddress#new(java.lang.String,int)");
    assertThat(typed.parameterTypes()).containsExactly("java.lang.String", "int").inOrder();
    assertThat(typed.arity()).isEqualTo(OptionalInt.of(2));
    assertThat(typed.matchesMethod("new", 1)).isFalse();
    assertThat(MethodPattern.parse("a.B#close()").parameterTypes()).isEmpty();

    MethodPattern returning = MethodPattern.parse("a.B#*:java.util.concurrent.CompletionStage");
    assertThat(returning.returnType()).isEqualTo("java.util.concurrent.CompletionStage");
    assertThat(returning.method()).isEqualTo("*");
    assertThat(MethodPattern.parse("a.B#get/1:c.D").arity()).isEqualTo(OptionalInt.of(1));
    assertThat(MethodPattern.parse("a.B#send(int):c.D").toString()).isEqualTo("a.B#send(int):c.D");
  }

  @Test
  public void rejectsMalformedSignatures() {
    for (String bad :
        new String[] {"a.B#send(int", "a.B#send(int,)", "a.B#*:", "a.B#{member}", "a.B#send/2(int)"}) {
      assertThrows(bad, IllegalArgumentException.class, () -> MethodPattern.parse(bad));
    }
  }

  @Test
  public void reportsTheLineOfAMalformedEntry() {
    CatalogFormatException e =
        assertThrows(
            CatalogFormatException.class,
            () -> CatalogParser.parse("a.B#ok  fine\na.B#bad-name  reason\n", "mine.txt", true));
    assertThat(e.where()).isEqualTo("mine.txt:2");
    assertThat(e.getMessage()).contains("'a.B#bad-name' is not a method pattern");
  }

  @Test
  public void requiresAReasonForPositiveEntriesOnly() throws Exception {
    CatalogFormatException e =
        assertThrows(
            CatalogFormatException.class, () -> CatalogParser.parse("a.B#call\n", "mine.txt", true));
    assertThat(e.where()).isEqualTo("mine.txt:1");
    assertThat(CatalogParser.parse("!a.B#call\n", "mine.txt", true)).hasSize(1);
    assertThat(CatalogParser.parse("a.B#call\n", "immediate.txt", false)).hasSize(1);
  }

  @Test
  public void builtInCatalogsParse() {
    assertThat(BuiltInCatalogs.blocking()).isNotEmpty();
    assertThat(BuiltInCatalogs.immediate()).isNotEmpty();
    for (String file : BuiltInCatalogs.libraryFiles()) {
      assertThat(BuiltInCatalogs.library(file)).isNotEmpty();
    }
  }
}
