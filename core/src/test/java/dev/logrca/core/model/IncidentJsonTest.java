package dev.logrca.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentJsonTest {
  private static final long T0 = Instant.parse("2026-11-27T10:00:03Z").toEpochMilli();

  private static RootCause explained() {
    ScoreBreakdown breakdown =
        new ScoreBreakdown(
            List.of(
                new ScoreBreakdown.Component("confidence", 0.6, 0.45, "rule 'Callers are refused'"),
                new ScoreBreakdown.Component(
                    "firstToGoWrong", 0.9672, 0.15, "first sign 10:00:05")),
            List.of(new ScoreBreakdown.RuleConfidence("Callers are refused", 0.6)),
            new ScoreBreakdown.ExplainedBy(
                "postgres", "dependency.down", 0.5, "depends on postgres, which failed first"));
    return new RootCause(
        "payment",
        "app.exception",
        Math.round(breakdown.total() * 1000) / 1000.0,
        "Callers are refused",
        "summary",
        List.of(new Evidence(T0, "payment", "t1", "refused", "e1")),
        breakdown);
  }

  @Test
  void aResolvedIncidentWithABreakdownReadsBackEqual() throws Exception {
    Incident incident =
        new Incident("inc-1", T0, T0 + 5_000, List.of("payment"), List.of(explained()))
            .resolve(T0 + 605_000);

    String json = IncidentJson.write(incident);
    JsonNode tree = new ObjectMapper().readTree(json);

    assertThat(IncidentJson.read(json)).isEqualTo(incident);
    assertThat(tree.path("status").asText()).isEqualTo("resolved");
    assertThat(tree.path("resolvedAt").asText()).isEqualTo("2026-11-27T10:10:08Z");
    JsonNode terms = tree.path("rootCauses").path(0).path("breakdown").path("components");
    assertThat(terms.path(0).path("contribution").asDouble()).isEqualTo(0.27);
    assertThat(
            tree.path("rootCauses")
                .path(0)
                .path("breakdown")
                .path("explainedBy")
                .path("service")
                .asText())
        .isEqualTo("postgres");
  }

  @Test
  void anOpenIncidentHasNoResolutionTimeAndOldLinesReadAsOpen() {
    Incident open = new Incident("inc-2", T0, T0, List.of("db"), List.of());
    assertThat(IncidentJson.write(open))
        .contains("\"status\":\"open\"")
        .doesNotContain("resolvedAt");

    Incident old =
        IncidentJson.read(
            "{\"id\":\"x\",\"start\":\"2026-11-27T10:00:03Z\",\"end\":\"2026-11-27T10:00:03Z\","
                + "\"services\":[],\"rootCauses\":[{\"service\":\"db\",\"category\":\"unknown\","
                + "\"score\":0.5,\"evidence\":[]}]}");
    assertThat(old.status()).isEqualTo(IncidentStatus.OPEN);
    assertThat(old.rootCauses().get(0).breakdown()).isNull();
  }

  @Test
  void theBreakdownTotalIsTheWeightedSumTimesThePenalty() {
    assertThat(explained().breakdown().total())
        .isCloseTo((0.6 * 0.45 + 0.9672 * 0.15) * 0.5, org.assertj.core.data.Offset.offset(1e-12));
  }
}
