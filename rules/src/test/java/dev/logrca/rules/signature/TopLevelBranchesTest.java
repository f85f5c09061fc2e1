package dev.logrca.rules.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Which expressions split into branches, and that the branches keep the flags and the meaning. */
class TopLevelBranchesTest {

  private static List<String> branches(String regex, int flags) {
    return TopLevelBranches.of(Pattern.compile(regex, flags)).stream()
        .map(Pattern::pattern)
        .toList();
  }

  @Test
  void splitsOnlyOutsideGroupsClassesAndEscapes() {
    assertThat(branches("a(?:b|c)d|[|x]y|e\\|f|g", 0))
        .containsExactly("a(?:b|c)d", "[|x]y", "e\\|f", "g");
    assertThat(branches("[]|]z|[^]|]w", 0)).containsExactly("[]|]z", "[^]|]w");
  }

  @Test
  void branchesKeepTheFlags() {
    List<Pattern> split =
        TopLevelBranches.of(
            Pattern.compile("^panic: |core dumped", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE));
    assertThat(split).hasSize(2);
    assertThat(split).allMatch(p -> p.flags() == (Pattern.CASE_INSENSITIVE | Pattern.MULTILINE));
    assertThat(split.get(0).matcher("ok\nPANIC: x").find()).isTrue();
  }

  @Test
  void keepsWholeWhatCannotStandAlone() {
    assertThat(branches("(?i)abc|def", 0)).containsExactly("(?i)abc|def");
    assertThat(branches("(a)x|\\1", 0)).containsExactly("(a)x|\\1");
    assertThat(branches("\\Qa|b\\E", 0)).containsExactly("\\Qa|b\\E");
    assertThat(branches("a | b", Pattern.COMMENTS)).containsExactly("a | b");
    assertThat(branches("abc", 0)).containsExactly("abc");
    // an inline flag group with its own ':' stays inside its branch and splits fine
    assertThat(branches("(?i:abc)|def", 0)).containsExactly("(?i:abc)", "def");
  }

  @Test
  void aTextMatchesTheWholeExactlyWhenItMatchesABranch() {
    Pattern whole =
        Pattern.compile(
            "connection refused|Connection to \\S+ refused|(?:thread|worker) pool (?:is )?full",
            Pattern.CASE_INSENSITIVE);
    List<Pattern> split = TopLevelBranches.of(whole);
    for (String text :
        List.of(
            "dial tcp: connection refused",
            "Connection to db:5432 refused",
            "Worker pool full",
            "thread pool is busy",
            "")) {
      assertThat(split.stream().anyMatch(p -> p.matcher(text).find()))
          .as(text)
          .isEqualTo(whole.matcher(text).find());
    }
  }

  @Test
  void aLeadingWordRunIsDroppedUnlessPossessiveOrBindingABranch() {
    Pattern flagged = Pattern.compile("\\w*Config(?:uration)?Exception\\b", Pattern.MULTILINE);
    Pattern dropped = TopLevelBranches.withoutLeadingWordRun(flagged);
    assertThat(dropped.pattern()).isEqualTo("Config(?:uration)?Exception\\b");
    assertThat(dropped.flags()).isEqualTo(Pattern.MULTILINE);
    assertThat(TopLevelBranches.withoutLeadingWordRun(Pattern.compile("\\w*?Error")).pattern())
        .isEqualTo("Error");
    for (String kept : List.of("\\w*+Error", "\\w*a|b", "\\wError", "x\\w*Error")) {
      assertThat(TopLevelBranches.withoutLeadingWordRun(Pattern.compile(kept)).pattern())
          .isEqualTo(kept);
    }
    for (String text : List.of("KafkaConfigException: x", "ConfigurationExceptions", "Config")) {
      assertThat(dropped.matcher(text).find()).as(text).isEqualTo(flagged.matcher(text).find());
    }
  }
}
