package dev.logrca.core.detect;

import static dev.logrca.core.topology.TracedLines.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.decode.LineDecoder;
import dev.logrca.core.decode.SourceContext;
import dev.logrca.core.model.Anomaly;
import dev.logrca.core.model.AnomalyKind;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.LogRecord;
import dev.logrca.core.topology.HopLatency;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The service where requests wait, found from trace hops alone: on real Online Boutique lines of a
 * currencyservice CPU-contention fault, and quiet on invented fault-free traces whose services are
 * naturally slow in the ways healthy services are.
 */
class SlowHopDetectorTest {
  private static final long T0 = 1_795_773_600_000L; // 2026-11-27T10:00:00Z, a window start

  /**
   * Every third trace (by first line) of the first 44 s of the 2022-08-22 fragment: 1,390 real
   * lines of ten services, currencyservice starved of CPU throughout, no error line anywhere.
   */
  @Test
  void realOnlineBoutiqueLinesNameTheStarvedCurrencyService() throws Exception {
    List<Anomaly> found = judge(realLines("hops/online-boutique-currency-cpu.jsonl.gz"));

    assertThat(found).hasSize(1);
    Anomaly a = found.get(0);
    assertThat(a.service()).isEqualTo("currencyservice");
    assertThat(a.kind()).isEqualTo(AnomalyKind.SLOW_HOPS_AND_WORK);
    assertThat(a.observed()).as("entry median, ms").isGreaterThan(1_000);
    assertThat(a.expected()).as("other services' entry medians, ms").isLessThan(10);
    assertThat(a.template()).contains("hops into currencyservice");
    assertThat(a.evidence()).hasSize(3);
    assertThat(a.evidence()).allMatch(e -> e.service().equals("currencyservice"));
    assertThat(a.evidence()).allMatch(e -> e.message().contains("TraceID: "));
  }

  @Test
  void healthyServicesThatAreSlowInTheUsualWaysStayQuiet() {
    // a DB-bound service logging before and after its query (slow own work), one logging only
    // when done (slow entry, quick exit), one logging only on arrival (quick entry, slow exit)
    List<LogEvent> lines = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String trace = "trace-" + i;
      long t = T0 + i * 900L;
      String caller = i % 2 == 0 ? "frontend" : "checkout";
      lines.add(line(t, caller, trace, "request received"));
      lines.add(line(t + 2, "orders", trace, "loading order"));
      lines.add(line(t + 2 + 600 + i % 7 * 50, "orders", trace, "order loaded"));
      lines.add(line(t + 700 + 3, caller, trace, "order shown"));
      lines.add(line(t + 700 + 1_500 + i % 5 * 100, "reports", trace, "GET /report 200 1500ms"));
      lines.add(line(t + 2_300 + i % 5 * 100, caller, trace, "report attached"));
      lines.add(line(t + 2_400 + i % 5 * 100, "search", trace, "query received"));
      lines.add(line(t + 4_000 + i % 5 * 100, caller, trace, "search answered"));
    }

    assertThat(judge(lines)).isEmpty();
  }

  @Test
  void aServiceSlowToTakeRequestsInAndHandThemBackIsNamed() {
    List<LogEvent> lines = slowService(false);

    List<Anomaly> found = judge(lines);

    assertThat(found).extracting(Anomaly::service).containsExactly("currency");
    assertThat(found.get(0).kind()).isEqualTo(AnomalyKind.SLOW_HOPS);
  }

  @Test
  void slowOwnWorkTooMakesItAStarvedService() {
    List<Anomaly> found = judge(slowService(true));

    assertThat(found).extracting(Anomaly::kind).containsExactly(AnomalyKind.SLOW_HOPS_AND_WORK);
  }

  @Test
  void oneSlowCallerCalleePairIsNotEnough() {
    List<LogEvent> lines = new ArrayList<>();
    for (LogEvent e : slowService(false)) {
      // every call into currency comes from frontend alone
      lines.add(e.service().equals("checkout") ? relabel(e, "frontend") : e);
    }

    assertThat(judge(lines)).isEmpty();
  }

  @Test
  void linesWithoutTracesAreSkipped() {
    HopLatency hops = new HopLatency();
    hops.observe(line(T0, "frontend", null, "request received"));

    assertThat(hops.services()).isEmpty();
    assertThat(hops.traces().size()).isZero();
  }

  /** Calls from frontend and checkout into currency, 1.5 s in and 500 ms out, others' 2-4 ms. */
  private static List<LogEvent> slowService(boolean slowWork) {
    List<LogEvent> lines = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String trace = "trace-" + i;
      long t = T0 + i * 1_400L;
      String caller = i % 2 == 0 ? "frontend" : "checkout";
      lines.add(line(t, caller, trace, "request received"));
      lines.add(line(t + 3, "catalog", trace, "listing products"));
      lines.add(line(t + 4, "catalog", trace, "products listed"));
      lines.add(line(t + 6, caller, trace, "products shown"));
      long in = t + 6 + 1_500 + i % 3 * 100;
      lines.add(line(in, "currency", trace, "converting"));
      long done = in + (slowWork ? 120 + i % 4 * 20 : 1);
      lines.add(line(done, "currency", trace, "converted"));
      lines.add(line(done + 500, caller, trace, "prices shown"));
      lines.add(line(done + 502, "cart", trace, "reading cart"));
      lines.add(line(done + 504, "cart", trace, "cart read"));
      lines.add(line(done + 507, caller, trace, "page done"));
    }
    return lines;
  }

  private static List<Anomaly> judge(List<LogEvent> lines) {
    List<LogEvent> sorted = new ArrayList<>(lines);
    sorted.sort(Comparator.comparingLong(LogEvent::timestamp));
    HopLatency hops = new HopLatency();
    List<Anomaly> found = new ArrayList<>();
    sorted.forEach(e -> found.addAll(hops.observe(e)));
    found.addAll(hops.finish());
    return found;
  }

  private static List<LogEvent> realLines(String resource) throws Exception {
    LineDecoder decoder =
        new LineDecoder(new SourceContext(resource, "unknown", null, ZoneOffset.UTC, 2022, 0));
    List<LogEvent> events = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(
                    SlowHopDetectorTest.class.getClassLoader().getResourceAsStream(resource)),
                StandardCharsets.UTF_8))) {
      long n = 0;
      for (String text = in.readLine(); text != null; text = in.readLine()) {
        LogRecord r = decoder.decode(text, ++n);
        events.add(new LogEvent(r, r.service() + ":1", r.message(), List.of(), false));
      }
    }
    return events;
  }

  private static LogEvent relabel(LogEvent e, String service) {
    LogRecord r = e.record();
    return line(r.timestamp(), service, r.traceId(), r.message());
  }
}
