package dev.logrca.rules;

import static dev.logrca.rules.testing.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.logrca.core.model.Level;
import dev.logrca.core.topology.Topology;
import dev.logrca.rules.correlate.CorrelationConfig;
import dev.logrca.rules.correlate.CorrelationEngine;
import dev.logrca.rules.testing.RuleSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulePackTest {
  @TempDir Path extra;

  @Test
  void theIndexListsEveryShippedFileAndNothingElse() throws IOException {
    Path root = Path.of("src/main/resources");
    List<String> onDisk;
    try (Stream<Path> files = Files.walk(root.resolve("dev/logrca/rules"))) {
      onDisk =
          files
              .filter(p -> p.toString().endsWith(".drl"))
              .map(p -> root.relativize(p).toString().replace('\\', '/'))
              .sorted()
              .toList();
    }
    assertThat(RulePack.shipped().files())
        .extracting(RulePack.RuleFile::origin)
        .containsExactlyInAnyOrderElementsOf(onDisk);
  }

  @Test
  void everyShippedFileSitsInTheFolderOfItsPackage() {
    for (RulePack.RuleFile file : RulePack.shipped().files()) {
      String folder = file.origin().substring(0, file.origin().lastIndexOf('/'));
      assertThat(file.drl()).contains("package " + folder.replace('/', '.') + ";");
    }
  }

  @Test
  void theShippedPackCompilesWithOnePackagePerDomain() {
    List<String> names = RuleSession.shippedRules().ruleNames();
    assertThat(names.stream().map(n -> n.substring(0, n.indexOf(':'))).distinct())
        .containsExactlyInAnyOrder(
            "dev.logrca.rules.common",
            "dev.logrca.rules.dependency",
            "dev.logrca.rules.network",
            "dev.logrca.rules.resource",
            "dev.logrca.rules.deploy",
            "dev.logrca.rules.app",
            "dev.logrca.rules.config",
            "dev.logrca.rules.security",
            "dev.logrca.rules.dns");
    assertThat(names).contains("dev.logrca.rules.dependency: Datastore announces its own shutdown");
  }

  @Test
  void aBrokenFileIsRejectedWithItsPathLineAndColumn() throws IOException {
    Path broken = copy("broken/missing_paren.drl.txt", "broken.drl");
    RulePack pack = RulePack.load(RulePack.shipped(), extra);

    assertThatThrownBy(pack::compile)
        .isInstanceOf(RuleCompilationException.class)
        .satisfies(
            e -> {
              List<String> problems = ((RuleCompilationException) e).problems();
              assertThat(problems).isNotEmpty();
              assertThat(problems)
                  .allMatch(
                      p ->
                          p.matches(
                              java.util.regex.Pattern.quote(broken.toString()) + ":\\d+:\\d+: .+"));
              assertThat(problems.get(0)).startsWith(broken + ":8:");
              assertThat(e.getMessage()).contains(broken.toString() + ":");
            });
  }

  @Test
  void aRuleNamingAnUnknownFieldIsRejectedWithItsLine() throws IOException {
    Path broken = copy("broken/unknown_field.drl.txt", "colours.drl");
    RulePack pack = RulePack.load(RulePack.shipped(), extra);
    assertThatThrownBy(pack::compile)
        .isInstanceOfSatisfying(
            RuleCompilationException.class,
            e -> assertThat(e.problems()).anyMatch(p -> p.startsWith(broken + ":7:")));
  }

  @Test
  void aCallerKeepsItsEngineWhenANewPackDoesNotCompile() throws IOException {
    CorrelationEngine running =
        new CorrelationEngine(
            RuleSession.shippedRules(), new Topology(), CorrelationConfig.defaults());
    copy("broken/missing_paren.drl.txt", "broken.drl");
    CompiledRules current = running.rules();
    try {
      running =
          new CorrelationEngine(
              RulePack.load(RulePack.shipped(), extra),
              new Topology(),
              CorrelationConfig.defaults());
    } catch (RuleCompilationException e) {
      assertThat(e.problems()).isNotEmpty();
    }
    assertThat(running.rules()).isSameAs(current);
  }

  @Test
  void anOperatorsFolderAddsRulesAndReplacesFilesOfTheSameName() throws IOException {
    copy("extra_rule.drl.txt", "ledger.drl");
    copy("disk_override.drl.txt", "disk.drl");
    RulePack pack = RulePack.load(RulePack.shipped(), extra);
    assertThat(pack.files()).hasSize(RulePack.shipped().files().size() + 1);

    CompiledRules rules = pack.compile();
    assertThat(rules.ruleNames())
        .contains(
            "dev.logrca.rules.extra: The ledger reports its journal is stuck",
            "dev.logrca.rules.resource: Service runs out of disk space, site variant")
        .doesNotContain("dev.logrca.rules.resource: Service runs out of disk space");

    CorrelationEngine engine =
        new CorrelationEngine(rules, new Topology(), CorrelationConfig.defaults());
    engine.onEvent(line("ledger", 0, Level.ERROR, "journal stuck at offset 42"));
    assertThat(engine.finish())
        .singleElement()
        .satisfies(
            i ->
                assertThat(i.rootCauses().get(0).rule())
                    .isEqualTo("The ledger reports its journal is stuck"));
  }

  private Path copy(String resource, String name) throws IOException {
    Path target = extra.resolve(name);
    try (InputStream in = getClass().getResourceAsStream(resource)) {
      Files.copy(in, target);
    }
    return target;
  }
}
