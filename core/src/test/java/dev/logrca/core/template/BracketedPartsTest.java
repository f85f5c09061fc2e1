package dev.logrca.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: a message written as bracketed parts ({@code [method][what happened][details]}, as
 * Train-Ticket's services log through logback) is several words, not one bracketed value, so each
 * log statement keeps its own template instead of one template per logger.
 */
class BracketedPartsTest {
  private static final String HEADER = "s.s.SeatServiceImpl#%d TraceID: %s SpanID: %s ";

  @Test
  void eachStatementWrittenAsBracketedPartsKeepsItsOwnTemplate() {
    TemplateMiner miner = new TemplateMiner(MinerConfig.defaults());
    Set<Integer> ids = new HashSet<>();
    Set<String> templates = new HashSet<>();
    for (int i = 0; i < 30; i++) {
      String trace = String.format("%032x", 0x5f1c0a3b7d2e4c91L * (i + 7));
      String span = String.format("%016x", 0x2c1da9L * (i + 3));
      String[] messages = {
        String.format(HEADER, 85, trace, span)
            + "[distributeSeat][Get Seat][TrainNumber: G"
            + (100 + i)
            + ", Seat: "
            + (i * 7)
            + "]",
        String.format(HEADER, 120, trace, span)
            + "[getLeftTicketOfInterval][Left Ticket Count][count: "
            + i
            + " of "
            + (500 + i)
            + "]",
        String.format(HEADER, 200, trace, span)
            + "[create][Create Seat Failed][reason: seat "
            + i
            + " taken by order "
            + (9000 + i)
            + "]"
      };
      for (String message : messages) {
        MiningResult result = miner.mine(message);
        ids.add(result.templateId());
      }
    }
    ids.forEach(id -> templates.add(miner.template(id).orElseThrow().text()));

    assertThat(templates)
        .hasSize(3)
        .allSatisfy(t -> assertThat(t).doesNotEndWith("SpanID: <*> <*>"))
        .anySatisfy(t -> assertThat(t).contains("[getLeftTicketOfInterval][Left Ticket Count]"));
  }

  @Test
  void aBracketedListIsStillOneValue() {
    TemplateMiner miner = new TemplateMiner(MinerConfig.defaults());
    miner.mine("Nodes in cluster [node-1, node-2, node-3] are ready");
    MiningResult last = miner.mine("Nodes in cluster [node-4, node-5] are ready");

    assertThat(miner.template(last.templateId()).orElseThrow().text())
        .isEqualTo("Nodes in cluster <*> are ready");
  }
}
