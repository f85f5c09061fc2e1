package dev.logrca.rules.correlate;

import static dev.logrca.rules.testing.Lines.at;
import static dev.logrca.rules.testing.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.decode.LineDecoder;
import dev.logrca.core.decode.SourceContext;
import dev.logrca.core.model.Incident;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.LogRecord;
import dev.logrca.core.model.RootCause;
import dev.logrca.core.topology.Topology;
import dev.logrca.rules.testing.RuleSession;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Real Train-Ticket lines (F08-01, trimmed): ts-order-service's calls to the station service are
 * answered 403 and it logs {@code request for station service namelist denyed:
 * HttpClientErrorException: 403 null}; the callee writes nothing. The caller's lines blame the
 * callee, but only when the callee is a known service.
 */
class CalleeNamedInProseTest {

  private static List<LogRecord> realLines() throws IOException {
    LineDecoder decoder =
        new LineDecoder(new SourceContext("logs.jsonl", "logs", null, ZoneOffset.UTC, 2021, 0));
    List<LogRecord> records = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                CalleeNamedInProseTest.class.getResourceAsStream(
                    "/real-faults/train-ticket-F08-01.jsonl"),
                StandardCharsets.UTF_8))) {
      long n = 0;
      for (String text = in.readLine(); text != null; text = in.readLine()) {
        records.add(decoder.decode(text, ++n));
      }
    }
    records.sort(Comparator.comparingLong(LogRecord::timestamp));
    return records;
  }

  /** Plays the lines, a second apart in the order they came, and returns the final incidents. */
  private static List<Incident> play(Topology topology) throws IOException {
    CorrelationEngine engine =
        new CorrelationEngine(RuleSession.shippedRules(), topology, CorrelationConfig.defaults());
    List<LogRecord> records = realLines();
    for (int i = 0; i < records.size(); i++) {
      LogRecord r = records.get(i);
      LogEvent event = line(r.service(), 200 + i, r.level(), r.message());
      engine.onEvent(event);
      engine.advanceTo(at(200 + i));
    }
    List<Incident> incidents = engine.finish();
    engine.close();
    return incidents;
  }

  @Test
  void theLinesAreTheCallersOnly() throws IOException {
    assertThat(realLines()).extracting(LogRecord::service).containsOnly("ts-order-service");
  }

  @Test
  void aCalleeKnownToTheSystemIsBlamedForRefusingItsCallersRequests() throws IOException {
    Topology catalogue =
        new Topology()
            .addService("ts-order-service")
            .addService("ts-station-service")
            .addService("ts-travel-service");

    List<Incident> incidents = play(catalogue);

    assertThat(incidents).isNotEmpty();
    RootCause top = incidents.get(0).rootCauses().get(0);
    assertThat(top.service()).isEqualTo("ts-station-service");
    assertThat(top.rule()).isEqualTo("Callers' requests keep being refused by a dependency");
  }

  @Test
  void aCalleeNobodyKnowsIsNeverInventedFromTheWords() throws IOException {
    List<Incident> incidents = play(new Topology());

    assertThat(incidents)
        .flatExtracting(Incident::rootCauses)
        .extracting(RootCause::service)
        .doesNotContain("ts-station-service", "station");
    // the incident still opens, on the caller, the one place an operator can start from
    assertThat(incidents).isNotEmpty();
    RootCause top = incidents.get(0).rootCauses().get(0);
    assertThat(top.service()).isEqualTo("ts-order-service");
    assertThat(top.rule())
        .isEqualTo("A service's requests to a dependency it does not name keep being refused");
  }
}
