package dev.logrca.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules built ahead are the ones a job then takes, for the same content only. One test method: the
 * last ahead compile is shared by the JVM.
 */
class RuleCompilationsTest {
  @TempDir Path extra;

  @Test
  void theJobTakesTheAheadCompileOfTheSameContentOnlyAndItsErrors() throws IOException {
    RuleCompilations.forget();
    CompiledRules ahead = RuleCompilations.startAhead(RulePack.shipped()).join();
    assertThat(RuleCompilations.startAhead(RulePack.shipped()).join()).isSameAs(ahead);
    assertThat(RuleCompilations.compile(RulePack.shipped())).isSameAs(ahead);

    // another content compiles on the caller's thread, leaving the ahead compile alone
    Files.writeString(
        extra.resolve("extra.drl"),
        "package dev.logrca.rules.extra;\nrule \"Never fires\"\nwhen\n  eval(false)\nthen\nend\n");
    RulePack more = RulePack.load(RulePack.shipped(), extra);
    CompiledRules moreRules = RuleCompilations.compile(more);
    assertThat(moreRules).isNotSameAs(ahead);
    assertThat(moreRules.ruleNames()).contains("dev.logrca.rules.extra: Never fires");

    Files.delete(extra.resolve("extra.drl"));
    try (InputStream in = getClass().getResourceAsStream("broken/missing_paren.drl.txt")) {
      Files.copy(in, extra.resolve("broken.drl"));
    }
    RulePack broken = RulePack.load(RulePack.shipped(), extra);
    RuleCompilations.startAhead(broken);
    assertThatThrownBy(() -> RuleCompilations.compile(broken))
        .isInstanceOf(RuleCompilationException.class)
        .hasMessageContaining("broken.drl:8:");

    RuleCompilations.forget();
    assertThat(RuleCompilations.compile(RulePack.shipped())).isNotSameAs(ahead);
  }
}
