package dev.logrca.rules.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.rules.CompiledRules;
import dev.logrca.rules.testing.RuleSession;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every shipped scenario passes on the shipped rules, and together they make every shipped rule
 * fire at least once.
 */
class ShippedScenariosTest {
  private static CompiledRules rules;
  private static ScenarioSuite suite;

  @BeforeAll
  static void runAll() {
    rules = RuleSession.shippedRules();
    suite = ScenarioSuite.run(rules, ScenarioSuite.shippedFiles(), r -> {});
  }

  @Test
  void theIndexListsEveryScenarioFile() throws IOException, URISyntaxException {
    Path folder =
        Path.of(
            ShippedScenariosTest.class
                .getClassLoader()
                .getResource("dev/logrca/rules/scenarios")
                .toURI());
    List<String> onDisk;
    try (Stream<Path> files = Files.list(folder)) {
      onDisk =
          files
              .map(p -> p.getFileName().toString())
              .filter(ScenarioReader::isScenarioFile)
              .map(name -> "dev/logrca/rules/scenarios/" + name)
              .sorted()
              .toList();
    }
    assertThat(ScenarioSuite.shippedFiles().stream().map(ScenarioSuite.SourceFile::origin).sorted())
        .containsExactlyElementsOf(onDisk);
  }

  @Test
  void everyShippedScenarioPasses() {
    assertThat(suite.fileErrors()).isEmpty();
    assertThat(suite.results())
        .filteredOn(r -> !r.passed())
        .extracting(ScenarioResult::line)
        .isEmpty();
    assertThat(suite.results()).hasSizeGreaterThanOrEqualTo(rules.ruleNames().size());
  }

  @Test
  void everyShippedRuleFiresInSomeScenario() {
    assertThat(suite.uncovered(rules)).as("rules no scenario makes fire").isEmpty();
  }

  @Test
  void thereAreNegativeScenarios() {
    assertThat(suite.results())
        .filteredOn(r -> r.scenario().expectNoIncident())
        .hasSizeGreaterThan(3);
  }
}
