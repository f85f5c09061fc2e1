package dev.logrca.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: a template's identity comes from its message's constant words. A logback pattern that
 * puts {@code Class#line TraceID: <id> SpanID: <id>} before every message of a class (as
 * Train-Ticket's services do) must neither join two statements of that class nor split one; the
 * statements and their values here are invented.
 */
class StatementIdentityTest {
  private static final String[] STATEMENTS = {
    "[cancelOrder][Order could not be found in the database][orderId: %d]",
    "[cancelOrder][Order could not be saved in the database][orderId: %d]",
    "[cancelOrder][Order could not be read from the database][orderId: %d]",
    "Refund of order %d was sent to the payment service and accepted",
    "Refund of order %d was sent to the payment service and refused",
    "Ticket %d for the passenger was printed at the station kiosk today",
    "Ticket %d for the passenger was voided at the station kiosk today",
    "Seat %d booked",
    "Config loaded",
    "Cache cleared"
  };

  @Test
  void aPrefixOfLoggerAndTraceIdsGroupsMessagesAsTheyAreGroupedWithout() {
    Random random = new Random(17);
    TemplateMiner bare = new TemplateMiner(MinerConfig.defaults());
    TemplateMiner prefixed = new TemplateMiner(MinerConfig.defaults());
    List<Integer> statements = new ArrayList<>();
    List<Integer> bareIds = new ArrayList<>();
    List<Integer> prefixedIds = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      int statement = random.nextInt(STATEMENTS.length);
      String message = STATEMENTS[statement].formatted(1 + random.nextInt(99_999));
      String header =
          "o.s.OrderServiceImpl#%d TraceID: %032x SpanID: %016x "
              .formatted(40 + 7 * statement, random.nextLong(), random.nextLong());
      statements.add(statement);
      bareIds.add(bare.mine(message).templateId());
      prefixedIds.add(prefixed.mine(header + message).templateId());
    }

    assertOneTemplateEach(templatesByStatement(statements, bare, bareIds), "bare");
    assertOneTemplateEach(templatesByStatement(statements, prefixed, prefixedIds), "prefixed");
  }

  @Test
  void theSameStatementUnderManyTraceIdsIsOneTemplate() {
    TemplateMiner miner = new TemplateMiner(MinerConfig.defaults());
    Random random = new Random(3);
    MiningResult last = null;
    for (int i = 0; i < 50; i++) {
      last =
          miner.mine(
              "o.s.OrderServiceImpl#88 TraceID: %032x SpanID: %016x Refund of order %d was sent"
                  .formatted(random.nextLong(), random.nextLong(), i));
    }

    assertThat(miner.templateCount()).isEqualTo(1);
    assertThat(last.template())
        .isEqualTo(
            "o.s.OrderServiceImpl#<*> TraceID: <*> SpanID: <*> Refund of order <*> was sent");
  }

  @Test
  void messagesOfOneMaskedWordMinedAgainCreateNothing() {
    // a one-word message is all header by position: its own template must still be the closest
    List<String> lines =
        List.of(
            "featureFlagEnabled:true",
            "poolRequest:<memory:2048, cores:2>",
            "setStepTotal=42",
            "setLastMinute=25233979",
            "featureFlagEnabled:false",
            "setStepTotal=7");
    TemplateMiner miner = new TemplateMiner(MinerConfig.defaults());
    lines.forEach(miner::mine);
    int templates = miner.templateCount();

    for (int pass = 0; pass < 3; pass++) {
      for (String line : lines) {
        MiningResult again = miner.mine(line);
        assertThat(again.created() || again.changed()).as(line).isFalse();
      }
    }
    assertThat(miner.templateCount()).isEqualTo(templates);
  }

  /** The final templates each statement's lines went to. */
  private static Map<Integer, Set<Integer>> templatesByStatement(
      List<Integer> statements, TemplateMiner miner, List<Integer> ids) {
    Map<Integer, Set<Integer>> templates = new TreeMap<>();
    for (int i = 0; i < ids.size(); i++) {
      templates
          .computeIfAbsent(statements.get(i), s -> new TreeSet<>())
          .add(miner.resolve(ids.get(i)));
    }
    return templates;
  }

  private static void assertOneTemplateEach(Map<Integer, Set<Integer>> templates, String miner) {
    Set<Integer> all = new HashSet<>();
    templates.forEach(
        (statement, ids) -> {
          assertThat(ids).as(miner + ": " + STATEMENTS[statement]).hasSize(1);
          all.addAll(ids);
        });
    assertThat(all).as(miner + ": one template per statement").hasSize(STATEMENTS.length);
  }
}
