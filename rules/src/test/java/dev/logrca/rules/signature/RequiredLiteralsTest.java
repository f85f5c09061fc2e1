package dev.logrca.rules.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RequiredLiteralsTest {

  private static Set<String> of(String regex) {
    return RequiredLiterals.of(Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
  }

  @Test
  void takesTheLongestRunOfEachBranch() {
    assertThat(of("received (?:smart|fast) shutdown request|ready to exit"))
        .containsExactlyInAnyOrder(" shutdown request", "ready to exit");
  }

  @Test
  void anOptionalCharacterEndsTheRunBeforeIt() {
    assertThat(of("timed? ?out\\b")).containsExactly("time");
    assertThat(of("respond(?:ing|s)? (?:too )?slowly")).containsExactly("respond");
  }

  @Test
  void aRequiredGroupGivesOneLiteralPerBranch() {
    assertThat(RequiredLiterals.of(Pattern.compile("\\b[A-Z]\\w*(?:Exception|Error)\\b")))
        .containsExactlyInAnyOrder("exception", "error");
  }

  @Test
  void lettersAreFoldedAndEscapedPunctuationIsLiteral() {
    assertThat(of("MountVolume\\.\\w+ failed")).containsExactly("mountvolume.");
    assertThat(of("Traceback \\(most recent")).containsExactly("traceback (most recent");
  }

  @Test
  void aBranchWithoutLiteralsMeansTheExpressionAlwaysRuns() {
    assertThat(of("connection refused|\\d+ms")).isNull();
    assertThat(of("(?!x)ab")).isNull();
    assertThat(of("a.b")).isNull();
  }

  @Test
  void lookaroundsAndClassesAreNotRequiredText() {
    assertThat(of("certificate(?![^\\n]{0,120}?renew)[^\\n]{0,120}?(?:will expire|expires? in )"))
        .containsExactly("certificate");
    assertThat(of("[\\]x]+ stopped")).containsExactly(" stopped");
  }

  @Test
  void constructsItCannotReadGiveNoLiterals() {
    assertThat(of("\\p{Alpha}+ failed")).isNull();
    assertThat(of("\\Qa.b\\E")).isNull();
    assertThat(RequiredLiterals.of(Pattern.compile("conn refused", Pattern.COMMENTS))).isNull();
  }

  @Test
  void scannerReportsEveryLiteralFoundInOnePass() {
    LiteralScanner scanner =
        new LiteralScanner(List.of("he", "she", "hers", "his"), new int[] {0, 1, 2, 3});
    long[] found = new long[1];
    scanner.scan("uSHErs é his", found);
    assertThat(found[0]).isEqualTo(0b1111L);
    long[] none = new long[1];
    scanner.scan("h\u00e9e", none);
    assertThat(none[0]).isZero();
  }
}
