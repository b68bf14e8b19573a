package dev.deadbolt.maven;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.Assert.assertThrows;

import org.apache.maven.plugin.MojoFailureException;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class ErrorProneArgumentsTest {
  private static final CheckCatalog DEADBOLT = CheckCatalog.load(ErrorProneArgumentsTest.class.getClassLoader());

  private static String rejection(String value) {
    return assertThrows(MojoFailureException.class, () -> ErrorProneArguments.parse(value, DEADBOLT))
        .getMessage();
  }

  @Test
  public void goodArgumentsAreSplitAtWhitespace() throws Exception {
    assertThat(
            ErrorProneArguments.parse(
                " -XepOpt:Deadbolt:RuntimeJdk=24  -Xep:LoopIgnoresInterrupt:WARN -Xep:FormatString:OFF ", DEADBOLT))
        .containsExactly("-XepOpt:Deadbolt:RuntimeJdk=24", "-Xep:LoopIgnoresInterrupt:WARN", "-Xep:FormatString:OFF")
        .inOrder();
    assertThat(ErrorProneArguments.parse("", DEADBOLT)).isEmpty();
  }

  @Test
  public void anArgumentThatIsNotErrorPronesIsNamed() {
    assertThat(rejection("-Xep:BlockingCallUnderLock:ERROR -Werror"))
        .startsWith("Deadbolt: bad deadbolt.errorProneArgs argument -Werror: not an Error Prone argument");
  }

  @Test
  public void aCheckNoOneHasIsNamed() {
    assertThat(rejection("-Xep:BlockingCallUnderLok:ERROR"))
        .isEqualTo(
            "Deadbolt: bad deadbolt.errorProneArgs argument -Xep:BlockingCallUnderLok: no Deadbolt or Error"
                + " Prone check is named BlockingCallUnderLok");
  }

  @Test
  public void aSeverityErrorProneRejectsIsReported() {
    assertThat(rejection("-Xep:BlockingCallUnderLock:LOUD")).startsWith("Deadbolt: bad deadbolt.errorProneArgs argument");
  }

  @Test
  public void aDeadboltFlagValueDeadboltRejectsIsReportedAsDeadboltWordsIt() {
    assertThat(rejection("-XepOpt:Deadbolt:RuntimeJdk=eleven"))
        .startsWith("Deadbolt: bad deadbolt.errorProneArgs: Deadbolt: bad -XepOpt:Deadbolt:RuntimeJdk");
  }
}
