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
 * Issue 17: the kinds of variable real software prints, each in an invented statement with several
 * values (or a format string of real software, cited), mined together: every statement keeps one
 * template of its own, with {@code <*>} where its value goes. Nothing here comes from a benchmark.
 */
class VariableKindsTest {

  /**
   * A statement written with {@code %s} where its value goes, and the values it is printed with.
   */
  private record Kind(String format, List<String> values) {
    String template() {
      return format.replace("%s", TokenMasker.WILDCARD);
    }
  }

  private static final Map<String, Kind> KINDS = new LinkedHashMap<>();

  static {
    kind(
        "hex address",
        "Freed buffer at address %s after use",
        "0x7f3a2c10",
        "0x1b2e",
        "0xdeadbeef0");
    kind(
        "uuid",
        "Instance %s spawned successfully",
        "3f2b8c1e-0a4d-4c2e-9f1a-7b6d5e4c3b2a",
        "0c9e7a55-1d2b-4f8e-8a3c-2e1f0d9c8b7a",
        "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");
    kind(
        "path",
        "Could not open file %s for reading",
        "/var/lib/app/a-1.db",
        "/tmp/x",
        "/srv/b/c.log");
    kind(
        "url",
        "Fetching resource from %s now",
        "http://cart.example.com:8080/api/v1/items/7?page=2",
        "https://auth:443/token",
        "http://10.0.0.9/health");
    kind(
        "ip and port",
        "Connection established to %s in pool",
        "10.0.0.5:8080",
        "192.168.1.20:5432",
        "172.16.4.3:6379");
    kind(
        "mac",
        "Interface eth0 learned neighbour %s today",
        "00:1a:2b:3c:4d:5e",
        "f0:de:f1:12:34:56",
        "02:42:ac:11:00:02");
    kind("duration glued", "Request handled in %s by worker", "15ms", "2300ms", "7ms");
    kind("duration seconds", "Job finished after %s with success", "1.25s", "30.00s", "0.07s");
    kind("clock time", "Uptime is %s since boot", "01:02:03", "23:59:00", "00:00:17");
    kind("size glued", "Allocated %s for the cache", "12KB", "640MB", "2GB");
    kind("key=value word", "Login accepted user=%s method=password", "alice", "bob", "carol");
    kind(
        "json fragment",
        "Payload received %s from client",
        "{\"id\":12,\"name\":\"alice\"}",
        "{\"id\":7,\"name\":\"bob\"}",
        "{\"id\":391,\"name\":\"carol\"}");
    kind("quoted word", "Unknown option '%s' ignored", "--fast", "verbose", "trace");
    kind(
        "iso date",
        "Token expires at %s for session",
        "2024-03-01T10:00:00Z",
        "2025-12-31T23:59:59Z",
        "2024-07-04T04:05:06Z");
    kind(
        "date with spaces",
        "Last backup was on %s completed",
        "Jan 2 03:04:05 2024",
        "Feb 28 23:00:01 2024",
        "Mar 10 00:00:00 2025");
    kind("percent", "Disk usage reached %s on root", "91%", "7%", "100%");
    kind(
        "windows path",
        "Loading library %s into process",
        "C:\\Windows\\System32\\kernel32.dll",
        "C:\\Program Files\\App\\x64.dll",
        "D:\\apps\\lib7.dll");
    kind(
        "registry key",
        "Reading value from %s failed",
        "HKLM\\SOFTWARE\\Vendor\\App\\Settings1",
        "HKLM\\SOFTWARE\\Vendor\\Tool\\Settings22",
        "HKCU\\Software\\Other\\Run3");
    kind("hresult", "Failed to resolve package, hr = %s", "0x800f0805", "0x80070002", "0x8007000e");
    kind("version", "Upgraded agent to version %s today", "1.2.3", "2.14.0", "10.0.17");
    kind(
        "mailbox",
        "Sent mail to %s successfully",
        "ops7@example.org",
        "jane.doe@mail.example.com",
        "x@corp.example.net");
    kind(
        "user at host",
        "Session opened for %s by sshd",
        "dave@host35",
        "bob@node-2",
        "erin@10.0.0.3");
    kind(
        "android process",
        "Start proc %s for activity",
        "1234:com.example.mail/u0a45",
        "877:com.example.maps/u0a102",
        "30512:com.example.clock/u0a7");
    kind("negative number", "Socket returned %s on read", "-1", "-104", "-32");
    // oslo.log's instance_uuid_format "[instance: %(uuid)s] " (openstack/oslo.log, _options.py)
    kind(
        "labelled bracket",
        "[instance: %s] Terminating instance",
        "3f2b8c1e-0a4d-4c2e-9f1a-7b6d5e4c3b2a",
        "0c9e7a55-1d2b-4f8e-8a3c-2e1f0d9c8b7a",
        "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");
    // Apache httpd's error log names the peer as "[client %s]" (server/log.c)
    kind(
        "client bracket",
        "[client %s] Directory index forbidden by rule",
        "10.0.0.1",
        "192.168.7.9",
        "172.16.0.4");
    kind(
        "status bracket",
        "Failed to get session package [HRESULT = %s - E_INVALID_PACKAGE]",
        "0x800f0805",
        "0x80070002",
        "0x8007000e");
  }

  private static void kind(String name, String format, String... values) {
    KINDS.put(name, new Kind(format, List.of(values)));
  }

  @Test
  void eachKindOfValueMinedAloneGivesItsStatementsTemplate() {
    KINDS.forEach(
        (name, kind) -> {
          TemplateMiner miner = new TemplateMiner(MinerConfig.defaults());
          Set<Integer> ids = new HashSet<>();
          for (String value : kind.values()) {
            ids.add(miner.mine(kind.format().formatted(value)).templateId());
          }
          Set<String> texts = new HashSet<>();
          ids.forEach(id -> texts.add(miner.template(id).orElseThrow().text()));
          assertThat(texts).as(name).containsExactly(kind.template());
        });
  }

  @Test
  void everyKindMinedTogetherKeepsOneTemplateOfItsOwn() {
    TemplateMiner miner = new TemplateMiner(MinerConfig.defaults());
    Map<String, List<Integer>> idsByKind = new LinkedHashMap<>();
    // round-robin, so each statement's values arrive between the others'
    for (int round = 0; round < 3; round++) {
      for (Map.Entry<String, Kind> entry : KINDS.entrySet()) {
        String line = entry.getValue().format().formatted(entry.getValue().values().get(round));
        idsByKind
            .computeIfAbsent(entry.getKey(), k -> new ArrayList<>())
            .add(miner.mine(line).templateId());
      }
    }
    Set<Integer> templates = new HashSet<>();
    idsByKind.forEach(
        (name, ids) -> {
          Set<String> texts = new HashSet<>();
          ids.forEach(id -> texts.add(miner.template(id).orElseThrow().text()));
          assertThat(texts).as(name).containsExactly(KINDS.get(name).template());
          templates.add(miner.resolve(ids.get(0)));
        });
    assertThat(templates).hasSize(KINDS.size());
  }

  @Test
  void aLabelledBracketKeepsItsLabelsSoTwoStatusNamesStayApart() {
    TemplateMiner miner = new TemplateMiner(MinerConfig.defaults());
    int invalid = 0;
    int missing = 0;
    for (String hr : List.of("0x800f0805", "0x80070002", "0x8007000e")) {
      invalid =
          miner
              .mine("Failed to get package [HRESULT = " + hr + " - E_INVALID_PACKAGE]")
              .templateId();
      missing =
          miner.mine("Failed to get package [HRESULT = " + hr + " - E_NOT_FOUND]").templateId();
    }

    assertThat(miner.resolve(invalid)).isNotEqualTo(miner.resolve(missing));
    assertThat(miner.template(missing).orElseThrow().text())
        .isEqualTo("Failed to get package [HRESULT = <*> - E_NOT_FOUND]");
  }

  @Test
  void aBracketedListOfWordsIsStillOneValue() {
    TemplateMiner miner = new TemplateMiner(MinerConfig.defaults());
    miner.mine("Assigned partitions [orders-1, orders-4] to consumer");
    MiningResult last = miner.mine("Assigned partitions [orders-2] to consumer");

    assertThat(last.template()).isEqualTo("Assigned partitions <*> to consumer");
  }
}
