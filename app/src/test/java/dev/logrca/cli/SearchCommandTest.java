package dev.logrca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Evidence;
import dev.logrca.core.model.Incident;
import dev.logrca.core.model.IncidentJson;
import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.LogRecord;
import dev.logrca.core.model.RootCause;
import dev.logrca.index.EventIndex;
import dev.logrca.index.IncidentIndex;
import dev.logrca.index.TemplateEntry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SearchCommandTest {
  @TempDir Path data;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private final Incident incident =
      new Incident(
          "inc-7",
          at("2026-11-27T10:00:03Z"),
          at("2026-11-27T10:04:10Z"),
          List.of("checkout", "payment", "postgres"),
          List.of(
              new RootCause(
                  "postgres",
                  "dependency.down",
                  0.91,
                  "Datastore refuses connections",
                  "postgres refused connections from payment",
                  List.of(
                      new Evidence(
                          at("2026-11-27T10:00:03Z"),
                          "payment",
                          "payment:4",
                          "Connection refused",
                          "e2"))),
              new RootCause(
                  "payment",
                  "app.exception",
                  0.32,
                  "Exception surge",
                  "payment throws",
                  List.of())));

  @BeforeEach
  void buildDataFolder() throws Exception {
    try (EventIndex events = EventIndex.open(EventIndex.folderIn(data))) {
      events.add(event(1, "2026-11-27T10:06:12.345Z", Level.ERROR, "charge failed", "T12"));
      events.add(event(2, "2026-11-27T10:05:00Z", Level.INFO, "charge accepted", null));
      events.add(
          event(3, "2026-11-27T09:00:00Z", Level.ERROR, "Connection refused\n\tat Db.open", null));
    }
    try (IncidentIndex incidents = IncidentIndex.open(IncidentIndex.folderIn(data))) {
      incidents.upsert(incident);
    }
  }

  private int run(String... args) {
    CommandLine cli = new CommandLine(new SearchCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private static long at(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }

  private static LogEvent event(long line, String iso, Level level, String message, String trace) {
    LogRecord record =
        new LogRecord(
            LogRecord.eventIdOf("payment.log", line),
            "payment.log",
            line,
            at(iso),
            false,
            "payment",
            "pod-1",
            level,
            null,
            trace,
            message,
            message,
            Map.of(),
            null);
    return new LogEvent(record, "payment:" + line, message, List.of(), false);
  }

  @Test
  void eventsPrintOneLineEachNewestFirstThenTheCount() {
    int code = run("--data", data.toString(), "level:error");

    assertThat(code).isZero();
    assertThat(out.toString().lines())
        .containsExactly(
            "2026-11-27T10:06:12.345Z ERROR payment [payment:1] charge failed  trace=T12",
            "2026-11-27T09:00:00.000Z ERROR payment [payment:3] Connection refused (+1 line)",
            "2 of 2 hits");
  }

  @Test
  void sinceUntilAndLimitNarrowTheHits() {
    int code =
        run(
            "--data", data.toString(),
            "--since", "2026-11-27T10:00:00Z",
            "--until", "2026-11-27T11:00:00Z",
            "--limit", "1");

    assertThat(code).isZero();
    assertThat(out.toString().lines())
        .containsExactly(
            "2026-11-27T10:06:12.345Z ERROR payment [payment:1] charge failed  trace=T12",
            "1 of 2 hits");
  }

  @Test
  void incidentsAsJsonAreExactlyWhatAnalyzePrinted() {
    int code = run("--incidents", "--json", "--data", data.toString(), "rootService:postgres");

    assertThat(code).isZero();
    assertThat(out.toString().lines()).containsExactly(IncidentJson.write(incident));
    assertThat(err.toString()).contains("1 of 1 hits");
  }

  @Test
  void incidentsAsTextShowTheTopCauseThenTheOthers() {
    int code = run("--incidents", "--data", data.toString());

    assertThat(code).isZero();
    assertThat(out.toString().lines())
        .containsExactly(
            "incident inc-7  2026-11-27T10:00:03Z .. 2026-11-27T10:04:10Z (4m07s)  open"
                + "  services: checkout, payment, postgres",
            "  root cause: postgres dependency.down 0.91  rule: Datastore refuses connections",
            "    postgres refused connections from payment",
            "  also:       payment app.exception 0.32  rule: Exception surge",
            "1 of 1 hits");
  }

  @Test
  void eventsAsJsonCarryTheirFields() {
    int code = run("--json", "--data", data.toString(), "charge", "accepted");

    assertThat(code).isZero();
    assertThat(out.toString().lines()).hasSize(1);
    assertThat(out.toString())
        .contains("\"timestamp\":\"2026-11-27T10:05:00Z\"")
        .contains("\"level\":\"INFO\"")
        .contains("\"service\":\"payment\"")
        .contains("\"templateId\":\"payment:2\"");
  }

  @Test
  void aBadQueryIsOneLineOnStderrAndExitCodeTwo() {
    int code = run("--data", data.toString(), "Level:error");

    assertThat(code).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().lines()).hasSize(1);
    assertThat(err.toString()).contains("unknown field 'Level'");
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(run("--data", data.toString(), "--limit", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--limit must be between 1 and 10000");
    assertThat(run("--data", data.toString(), "--since", "yesterday")).isEqualTo(2);
    assertThat(run("--events", "--incidents", "--data", data.toString())).isEqualTo(2);
  }

  @Test
  void aMissingIndexIsExitCodeTwoAndAMissingDataFolderOne() {
    Path empty = data.resolve("empty");
    assertThat(empty.toFile().mkdir()).isTrue();

    assertThat(run("--data", empty.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("no event index");
    assertThat(run("--data", data.resolve("nowhere").toString())).isEqualTo(1);
    assertThat(err.toString()).contains("no data folder at");
  }

  @Test
  void templatesListIdEventsAndCurrentTextAndEventsFollowTheirTemplate() throws Exception {
    try (EventIndex events = EventIndex.open(EventIndex.folderIn(data))) {
      events.update(new TemplateEntry("payment", "payment:1", "charge <*>", List.of(), 0L));
      events.update(
          new TemplateEntry("payment", "payment:2", "charge <*>", List.of("payment:1"), 0L));
    }

    assertThat(run("--data", data.toString(), "--templates", "payment")).isZero();
    assertThat(out.toString().lines())
        .containsExactly("payment:2               2  charge <*>  (also payment:1)", "1 template");

    out.getBuffer().setLength(0);
    assertThat(run("--data", data.toString(), "templateId:\"payment:1\"")).isZero();
    assertThat(out.toString().lines())
        .containsExactly(
            "2026-11-27T10:06:12.345Z ERROR payment [payment:2] charge failed  trace=T12",
            "2026-11-27T10:05:00.000Z INFO  payment [payment:2] charge accepted",
            "2 of 2 hits");
  }
}
