package dev.logrca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Evidence;
import dev.logrca.core.model.Incident;
import dev.logrca.core.model.IncidentJson;
import dev.logrca.core.model.RootCause;
import dev.logrca.core.model.ScoreBreakdown;
import dev.logrca.core.model.ScoreBreakdown.Component;
import dev.logrca.index.IncidentIndex;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainCommandTest {
  @TempDir Path data;

  private static final Incident INCIDENT = incident();

  private static long at(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }

  private static Incident incident() {
    ScoreBreakdown postgres =
        new ScoreBreakdown(
            List.of(
                new Component(
                    "confidence", 0.85, 0.45, "rule 'Datastore announces its own shutdown'"),
                new Component(
                    "firstToGoWrong", 1.0, 0.15, "first sign 10:00:03, 2 s before inventory"),
                new Component("callGraph", 1.0, 0.15, "called by checkout, inventory"),
                new Component("evidence", 0.2386, 0.15, "2 distinct supporting lines"),
                new Component("anomaly", 0.0, 0.10, "no anomaly flagged for postgres")),
            List.of(
                new ScoreBreakdown.RuleConfidence("Datastore announces its own shutdown", 0.85)),
            null);
    ScoreBreakdown inventory =
        new ScoreBreakdown(
            List.of(
                new Component("confidence", 0.6, 0.45, "rule 'Callers are refused'"),
                new Component(
                    "firstToGoWrong", 0.9672, 0.15, "first sign 10:00:05, 2 s after postgres"),
                new Component("callGraph", 0.0, 0.15, "depends on failing postgres"),
                new Component("evidence", 0.1505, 0.15, "1 distinct supporting line"),
                new Component("anomaly", 0.93, 0.10, "strongest anomaly of inventory scores 0.93")),
            List.of(new ScoreBreakdown.RuleConfidence("Callers are refused", 0.6)),
            new ScoreBreakdown.ExplainedBy(
                "postgres",
                "dependency.down",
                0.5,
                "depends on postgres (dependency.down, 0.85 sure), which went wrong no later"));
    return new Incident(
            "inc-9",
            at("2026-11-27T10:00:03Z"),
            at("2026-11-27T10:04:10Z"),
            List.of("checkout", "inventory", "postgres"),
            List.of(
                new RootCause(
                    "postgres",
                    "dependency.down",
                    round(postgres.total()),
                    "Datastore announces its own shutdown",
                    "postgres is shutting down",
                    List.of(
                        new Evidence(
                            at("2026-11-27T10:00:03Z"),
                            "postgres",
                            "postgres:1",
                            "LOG:  received fast shutdown request",
                            "e1")),
                    postgres),
                new RootCause(
                    "inventory",
                    "app.exception",
                    round(inventory.total()),
                    "Callers are refused",
                    "inventory fails",
                    List.of(
                        new Evidence(
                            at("2026-11-27T10:00:05Z"),
                            "inventory",
                            "inventory:3",
                            "Connection refused\n\tat Db.open",
                            "e2")),
                    inventory)))
        .resolve(at("2026-11-27T10:14:10Z"));
  }

  private static double round(double score) {
    return Math.round(score * 1000) / 1000.0;
  }

  @BeforeEach
  void indexTheIncident() throws Exception {
    try (IncidentIndex index = IncidentIndex.open(IncidentIndex.folderIn(data))) {
      index.upsert(INCIDENT);
    }
  }

  @Test
  void printsTheHeaderThenEveryCandidateTermByTermWithItsEvidence() {
    CliRun run = CliRun.of("explain", "inc-9", "--data", data.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines())
        .containsExactly(
            "Incident inc-9  resolved",
            "  2026-11-27T10:00:03Z .. 2026-11-27T10:04:10Z (4 min 7 s),"
                + " resolved at 2026-11-27T10:14:10Z",
            "  services: checkout, inventory, postgres",
            "",
            "1. postgres  dependency.down  score 0.718",
            "   rule: Datastore announces its own shutdown",
            "   postgres is shutting down",
            "   confidence         0.85 x 0.45 = 0.383  (rule 'Datastore announces its own"
                + " shutdown')",
            "   first to go wrong  1.00 x 0.15 = 0.150  (first sign 10:00:03, 2 s before"
                + " inventory)",
            "   call graph         1.00 x 0.15 = 0.150  (called by checkout, inventory)",
            "   evidence           0.24 x 0.15 = 0.036  (2 distinct supporting lines)",
            "   anomaly            0.00 x 0.10 = 0.000  (no anomaly flagged for postgres)",
            "   evidence:",
            "     2026-11-27T10:00:03Z postgres  LOG:  received fast shutdown request",
            "",
            "2. inventory  app.exception  score 0.265",
            "   rule: Callers are refused",
            "   inventory fails",
            "   confidence         0.60 x 0.45 = 0.270  (rule 'Callers are refused')",
            "   first to go wrong  0.97 x 0.15 = 0.145  (first sign 10:00:05, 2 s after postgres)",
            "   call graph         0.00 x 0.15 = 0.000  (depends on failing postgres)",
            "   evidence           0.15 x 0.15 = 0.023  (1 distinct supporting line)",
            "   anomaly            0.93 x 0.10 = 0.093  (strongest anomaly of inventory scores"
                + " 0.93)",
            "   explained by postgres (dependency.down): score halved (depends on postgres"
                + " (dependency.down, 0.85 sure), which went wrong no later)",
            "   evidence:",
            "     2026-11-27T10:00:05Z inventory  Connection refused");
  }

  @Test
  void jsonIsTheStoredIncidentLineWithItsBreakdowns() {
    CliRun run = CliRun.of("explain", "--json", "--data", data.toString(), "inc-9");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().strip()).isEqualTo(IncidentJson.write(INCIDENT));
    assertThat(IncidentJson.read(run.out().strip())).isEqualTo(INCIDENT);
  }

  @Test
  void anUnknownIdOrAMissingFolderExitsOneWithOneLine() {
    CliRun unknown = CliRun.of("explain", "nope", "--data", data.toString());
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.out()).isEmpty();
    assertThat(unknown.err().lines())
        .containsExactly("logrca explain: no incident nope in " + data);

    Path missing = data.resolve("missing");
    CliRun noFolder = CliRun.of("explain", "inc-9", "--data", missing.toString());
    assertThat(noFolder.exitCode()).isEqualTo(1);
    assertThat(noFolder.err().strip()).isEqualTo("logrca explain: no incident inc-9 in " + missing);
  }

  @Test
  void aMissingOrBlankIdIsAUsageError() {
    CliRun none = CliRun.of("explain", "--data", data.toString());
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).startsWith("logrca explain: Missing required parameter: 'INCIDENT_ID'");

    CliRun blank = CliRun.of("explain", " ", "--data", data.toString());
    assertThat(blank.exitCode()).isEqualTo(2);
    assertThat(blank.err()).startsWith("logrca explain: INCIDENT_ID must not be blank");
  }
}
