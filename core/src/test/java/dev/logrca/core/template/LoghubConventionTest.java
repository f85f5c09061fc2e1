package dev.logrca.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: statements of software whose logs we do not have, written by us from the format strings
 * in their public source (cited at each), mined together: each statement gets one template of its
 * own, written as Loghub's corrected truth writes templates (a variable masked word by word, the
 * punctuation around it kept). No line here comes from a benchmark.
 */
class LoghubConventionTest {

  /** Each statement's expected template, with the lines it was printed as. */
  private static final Map<String, List<String>> STATEMENTS = new LinkedHashMap<>();

  static {
    // openssh-portable auth.c auth_log(): "%s %s%s%s for %s%.100s from %.200s port %d ssh2%s%s",
    // "invalid user " printed before the name of an unknown user
    statement(
        "Failed password for invalid user <*> from <*> port <*> ssh2",
        "Failed password for invalid user admin from 10.1.2.3 port 52311 ssh2",
        "Failed password for invalid user oracle from 10.1.7.9 port 41002 ssh2",
        "Failed password for invalid user test from 192.168.4.4 port 1022 ssh2",
        "Failed password for invalid user guest from 10.1.7.9 port 41003 ssh2");
    statement(
        "Failed password for <*> from <*> port <*> ssh2",
        "Failed password for root from 10.1.2.4 port 40211 ssh2",
        "Failed password for ftp from 10.1.2.5 port 40212 ssh2",
        "Failed password for nobody from 10.1.2.6 port 40213 ssh2",
        "Failed password for root from 10.1.2.6 port 40214 ssh2");
    // openssh-portable packet.c: "Received disconnect from %s: %u: %.400s", with the privilege
    // separated child's " [preauth]"
    statement(
        "Received disconnect from <*>: <*>: Bye Bye [preauth]",
        "Received disconnect from 10.1.2.8: 11: Bye Bye [preauth]",
        "Received disconnect from 10.1.2.9: 11: Bye Bye [preauth]",
        "Received disconnect from 10.7.2.9: 3: Bye Bye [preauth]");
    // nova's default wsgi_log_format: '%(client_ip)s "%(request_line)s" status: %(status_code)s
    // len: %(body_length)s time: %(wall_seconds).7f'; the method names the request's kind
    statement(
        "<*> \"GET <*>\" status: <*> len: <*> time: <*>",
        "10.11.10.1 \"GET /v2/54fadb412c4e40cdbaed9335e4c35a9e/servers/detail HTTP/1.1\" status:"
            + " 200 len: 1893 time: 0.2637069",
        "10.11.10.2 \"GET /v2/e9746973ac574c6b8a9e8857f56a7608/servers/detail HTTP/1.1\" status:"
            + " 200 len: 1874 time: 0.2412069",
        "10.11.10.1 \"GET /v2/54fadb412c4e40cdbaed9335e4c35a9e/flavors HTTP/1.1\" status: 404"
            + " len: 203 time: 0.0102010");
    statement(
        "<*> \"POST <*>\" status: <*> len: <*> time: <*>",
        "10.11.10.2 \"POST /v2/e9746973ac574c6b8a9e8857f56a7608/os-server-external-events"
            + " HTTP/1.1\" status: 200 len: 380 time: 0.0913219",
        "10.11.10.3 \"POST /v2/54fadb412c4e40cdbaed9335e4c35a9e/servers HTTP/1.1\" status: 202"
            + " len: 733 time: 0.5124300");
    // a list as Java's AbstractCollection.toString() prints it: fixed items stay words, items
    // that are values are masked one by one, and a list of other items is the same statement
    statement(
        "Registered signal handlers for [TERM, HUP, INT]",
        "Registered signal handlers for [TERM, HUP, INT]",
        "Registered signal handlers for [TERM, HUP, INT]");
    statement(
        "Write pipeline set up to targets [<*>, <*>] for block <*>",
        "Write pipeline set up to targets [10.0.0.1:50010, 10.0.0.2:50010] for block blk_1",
        "Write pipeline set up to targets [10.0.0.3:50010, 10.0.0.1:50010] for block blk_2",
        "Write pipeline set up to targets [10.0.0.2:50010, 10.0.0.4:50010] for block blk_3");
    statement(
        "Subscribed to topics [<*>] as member consumer-<*>",
        "Subscribed to topics [orders, payments] as member consumer-1",
        "Subscribed to topics [orders] as member consumer-2",
        "Subscribed to topics [audit, orders, refunds] as member consumer-3",
        "Subscribed to topics [orders, payments] as member consumer-4");
    // a Windows CSI line's shape: a sequence number and the time, joined by '@'
    statement(
        "<*>@<*> Transaction created with <*> pending operations",
        "00000001@2016/9/27:20:30:31.455 Transaction created with 3 pending operations",
        "00000002@2016/9/27:20:30:31.458 Transaction created with 12 pending operations",
        "0000000a@2016/10/3:08:01:02.001 Transaction created with 1 pending operations");
    // clang names a block after its function, with a number when there are several
    // (__fetch_block_invoke.117): the name is the statement's, the number a value
    statement(
        "callback failed in __fetch_resource_block_invoke.<*> with error <*>",
        "callback failed in __fetch_resource_block_invoke.117 with error 22",
        "callback failed in __fetch_resource_block_invoke.2 with error 60",
        "callback failed in __fetch_resource_block_invoke.117 with error 54");
  }

  private static void statement(String template, String... lines) {
    STATEMENTS.put(template, List.of(lines));
  }

  @Test
  void eachStatementMinedWithTheOthersGetsItsTemplateAsLoghubWritesIt() {
    TemplateMiner miner = new TemplateMiner(MinerConfig.defaults());
    Map<String, List<Integer>> ids = new LinkedHashMap<>();
    // interleaved, as a service's log mixes its statements
    int longest = STATEMENTS.values().stream().mapToInt(List::size).max().orElseThrow();
    for (int i = 0; i < longest; i++) {
      for (Map.Entry<String, List<String>> statement : STATEMENTS.entrySet()) {
        if (i < statement.getValue().size()) {
          ids.computeIfAbsent(statement.getKey(), k -> new ArrayList<>())
              .add(miner.mine(statement.getValue().get(i)).templateId());
        }
      }
    }
    Set<Integer> templates = new HashSet<>();
    for (Map.Entry<String, List<Integer>> statement : ids.entrySet()) {
      Set<String> texts = new HashSet<>();
      Set<Integer> resolved = new HashSet<>();
      for (int id : statement.getValue()) {
        resolved.add(miner.resolve(id));
        texts.add(miner.template(miner.resolve(id)).orElseThrow().text());
      }
      assertThat(texts).as(statement.getKey()).containsExactly(statement.getKey());
      assertThat(resolved).as(statement.getKey()).hasSize(1);
      assertThat(templates.add(resolved.iterator().next()))
          .as("a template of its own: " + statement.getKey())
          .isTrue();
    }
  }

  @Test
  void aListOfValuesKeepsItsBracketsAndCommasWhenMinedAlone() {
    TemplateMiner miner = new TemplateMiner(MinerConfig.defaults());
    MiningResult result = miner.mine("Peers now [10.0.0.1:9092, 10.0.0.2:9092] after join");
    assertThat(result.template()).isEqualTo("Peers now [<*>, <*>] after join");
    assertThat(result.parameters()).containsExactly("10.0.0.1:9092", "10.0.0.2:9092");
  }
}
