package dev.logrca.flink.correlate;

import static dev.logrca.flink.TestRecords.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Anomaly;
import dev.logrca.core.model.Incident;
import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.RootCause;
import dev.logrca.core.topology.Topology;
import dev.logrca.flink.JobCounters;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.flink.api.common.accumulators.Accumulator;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Edits to an operator's rule folder reach the running correlation operator. */
class RuleReloadTest {
  private static final long T0 = 1_795_773_600_000L; // 2026-11-27T10:00:00Z
  private static final String JOURNAL_RULE = "The ledger reports its journal is stuck";
  private static final String BOOKS_RULE = "The ledger refuses postings to closed books";

  @TempDir Path temp;
  private Path rulesDir;

  private CorrelationFunction function;
  private long line;
  private long processingTime;

  @BeforeEach
  void createRulesDir() throws IOException {
    rulesDir = Files.createDirectory(temp.resolve("rules"));
  }

  private KeyedTwoInputStreamOperatorTestHarness<String, ClassifiedEvent, Anomaly, Incident>
      harness() throws Exception {
    function = new CorrelationFunction(new RuleSource(rulesDir.toString()), new Topology());
    return new KeyedTwoInputStreamOperatorTestHarness<>(
        new KeyedCoProcessOperator<>(function), e -> "default", a -> "default", Types.STRING);
  }

  /** Puts a test resource in the rule folder as {@code ledger.drl}, as an editor saves it. */
  private Path save(String resource) throws IOException {
    Path target = rulesDir.resolve("ledger.drl");
    try (InputStream in = getClass().getResourceAsStream("/reload/" + resource)) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return target;
  }

  private static LogEvent templated(LogEvent event, String templateId) {
    return new LogEvent(event.record(), templateId, event.message(), List.of(), false);
  }

  /** The ledger's two complaints at {@code seconds} after T0, released by the watermark. */
  private List<Incident> ledgerComplains(
      KeyedTwoInputStreamOperatorTestHarness<String, ClassifiedEvent, Anomaly, Incident> h,
      int seconds)
      throws Exception {
    int before = h.extractOutputValues().size();
    long at = T0 + seconds * 1000L;
    // two templates, as the miner gives them: lines of one template within a second are one fact
    h.processElement1(
        ClassifiedEvent.of(
            templated(
                event("ledger", ++line, at, Level.ERROR, "journal stuck at offset 42"),
                "ledger:journal")),
        at);
    h.processElement1(
        ClassifiedEvent.of(
            templated(
                event(
                    "ledger",
                    ++line,
                    at + 10,
                    Level.ERROR,
                    "posting rejected: the books are closed"),
                "ledger:books")),
        at + 10);
    h.processBothWatermarks(new Watermark(at + 2000));
    List<Incident> all = h.extractOutputValues();
    return all.subList(before, all.size());
  }

  /** Moves processing time by one check interval, letting a compile it starts finish first. */
  private void nextCheck(
      KeyedTwoInputStreamOperatorTestHarness<String, ClassifiedEvent, Anomaly, Incident> h)
      throws Exception {
    processingTime += CorrelationFunction.RULE_CHECK_MILLIS;
    h.setProcessingTime(processingTime);
    function.ruleWatch().awaitCompilation();
  }

  private static Set<String> rules(List<Incident> incidents) {
    Set<String> rules = new TreeSet<>();
    incidents.forEach(i -> i.rootCauses().stream().map(RootCause::rule).forEach(rules::add));
    return rules;
  }

  private static long counter(
      KeyedTwoInputStreamOperatorTestHarness<String, ClassifiedEvent, Anomaly, Incident> h,
      String name) {
    Accumulator<?, ?> accumulator =
        h.getEnvironment().getAccumulatorRegistry().getUserMap().get(name);
    return accumulator == null ? 0 : ((Number) accumulator.getLocalValue()).longValue();
  }

  @Test
  void anAddedRuleConcludesInTheRunningJobAndABrokenEditKeepsTheRulesRunning() throws Exception {
    save("ledger_one_rule.drl");
    try (var h = harness()) {
      h.open();
      List<Incident> first = ledgerComplains(h, 0);
      assertThat(rules(first)).containsExactly(JOURNAL_RULE);
      String incident = first.get(0).id();

      // the operator adds a rule; two checks later it runs, on the lines already seen too
      save("ledger_two_rules.drl");
      nextCheck(h);
      nextCheck(h);
      assertThat(counter(h, JobCounters.RULES_RELOADED)).isEqualTo(1);
      List<Incident> afterEdit = ledgerComplains(h, 10);
      assertThat(rules(afterEdit)).containsExactlyInAnyOrder(JOURNAL_RULE, BOOKS_RULE);
      assertThat(afterEdit).extracting(Incident::id).containsOnly(incident);
      assertThat(afterEdit.get(afterEdit.size() - 1).rootCauses())
          .filteredOn(c -> c.rule().equals(BOOKS_RULE))
          .singleElement()
          .satisfies(c -> assertThat(c.evidence()).hasSize(2));

      // a half-written third rule is rejected with where it went wrong
      Path broken = save("ledger_broken.drl");
      nextCheck(h);
      nextCheck(h);
      assertThat(counter(h, JobCounters.RULES_REJECTED)).isEqualTo(1);
      assertThat(function.ruleWatch().rejectedProblems())
          .isNotEmpty()
          .allMatch(p -> p.matches(Pattern.quote(broken.toString()) + ":\\d+:\\d+: .+"))
          .anyMatch(p -> lineOf(broken, p) >= 25 && lineOf(broken, p) <= 31);

      // the same broken content is not compiled again, and the rules that ran keep concluding
      nextCheck(h);
      nextCheck(h);
      assertThat(counter(h, JobCounters.RULES_REJECTED)).isEqualTo(1);
      assertThat(counter(h, JobCounters.RULES_RELOADED)).isEqualTo(1);
      List<Incident> afterBreak = ledgerComplains(h, 20);
      assertThat(rules(afterBreak)).containsExactlyInAnyOrder(JOURNAL_RULE, BOOKS_RULE);
      assertThat(afterBreak.get(afterBreak.size() - 1).rootCauses())
          .filteredOn(c -> c.rule().equals(BOOKS_RULE))
          .singleElement()
          .satisfies(c -> assertThat(c.evidence()).hasSize(3));
    }
  }

  @Test
  void aFolderThatDisappearsKeepsTheLastGoodRules() throws Exception {
    save("ledger_two_rules.drl");
    try (var h = harness()) {
      h.open();
      assertThat(rules(ledgerComplains(h, 0))).containsExactlyInAnyOrder(JOURNAL_RULE, BOOKS_RULE);

      Files.delete(rulesDir.resolve("ledger.drl"));
      Files.delete(rulesDir);
      nextCheck(h);
      nextCheck(h);
      assertThat(rules(ledgerComplains(h, 10))).containsExactlyInAnyOrder(JOURNAL_RULE, BOOKS_RULE);
      assertThat(counter(h, JobCounters.RULES_RELOADED)).isZero();
      assertThat(counter(h, JobCounters.RULES_REJECTED)).isZero();
    }
  }

  @Test
  void aFolderBrokenAtStartRunsTheShippedRulesUntilItIsFixed() throws Exception {
    // as after a restart while an edit was half-done: there are no older rules to keep
    Path broken = save("ledger_broken.drl");
    try (var h = harness()) {
      h.open();
      assertThat(counter(h, JobCounters.RULES_REJECTED)).isEqualTo(1);
      assertThat(function.ruleWatch().rejectedProblems()).anyMatch(p -> p.startsWith(broken + ":"));
      assertThat(rules(ledgerComplains(h, 0))).doesNotContain(JOURNAL_RULE, BOOKS_RULE);

      save("ledger_two_rules.drl");
      nextCheck(h);
      nextCheck(h);
      assertThat(counter(h, JobCounters.RULES_RELOADED)).isEqualTo(1);
      assertThat(rules(ledgerComplains(h, 10))).containsExactlyInAnyOrder(JOURNAL_RULE, BOOKS_RULE);
    }
  }

  @Test
  void anUnchangedFolderIsNotCompiledAgain() throws Exception {
    save("ledger_one_rule.drl");
    try (var h = harness()) {
      h.open();
      ledgerComplains(h, 0);
      // saved again with the same text: a new modification time, the same content
      save("ledger_one_rule.drl");
      nextCheck(h);
      nextCheck(h);
      assertThat(counter(h, JobCounters.RULES_RELOADED)).isZero();
    }
  }

  /** The line of a {@code path:line:column: message} problem in {@code file}. */
  private static int lineOf(Path file, String problem) {
    String rest = problem.substring(file.toString().length() + 1);
    return Integer.parseInt(rest.substring(0, rest.indexOf(':')));
  }
}
