package dev.logrca.rules.correlate;

import static dev.logrca.rules.testing.Lines.anomaly;
import static dev.logrca.rules.testing.Lines.at;
import static dev.logrca.rules.testing.Lines.continuation;
import static dev.logrca.rules.testing.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.AnomalyKind;
import dev.logrca.core.model.Incident;
import dev.logrca.core.model.IncidentStatus;
import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.RootCause;
import dev.logrca.core.topology.Topology;
import dev.logrca.rules.fact.LogFact;
import dev.logrca.rules.testing.RuleSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CorrelationEngineTest {

  private static CorrelationEngine engine() {
    return new CorrelationEngine(
        RuleSession.shippedRules(), new Topology(), CorrelationConfig.defaults());
  }

  @Test
  void faultFreeTrafficYieldsNoIncidents() {
    CorrelationEngine engine = engine();
    Random random = new Random(7);
    String[] services = {"web", "cart", "payment", "postgres"};
    String[] routine = {
      "GET /api/cart 200 %dms",
      "charge accepted in %dms",
      "checkpoint complete: wrote %d buffers",
      "Started CartApplication in 4.%d seconds",
      "cache hit ratio %d%%"
    };
    List<Incident> incidents = new ArrayList<>();
    for (int s = 0; s < 3600; s++) {
      String service = services[s % services.length];
      String message = String.format(routine[random.nextInt(routine.length)], random.nextInt(90));
      engine.onEvent(line(service, s, Level.INFO, message, s < 20));
      if (s % 97 == 0) {
        // the odd slow call and a client hanging up happen on healthy systems too
        engine.onEvent(line("web", s + 0.5, Level.WARN, "upstream timed out while reading"));
        engine.onEvent(line("cart", s + 0.6, Level.WARN, "read: connection reset by peer"));
      }
      if (s % 600 == 0) {
        engine.onAnomaly(anomaly(service, AnomalyKind.TEMPLATE_SURGE, s, 0.6));
      }
      if (s % 60 == 0) {
        incidents.addAll(engine.advanceTo(at(s)));
      }
    }
    incidents.addAll(engine.finish());
    assertThat(incidents).isEmpty();
  }

  @Test
  void onlyNotableLinesBecomeFacts() {
    CorrelationEngine engine = engine();
    engine.onEvent(line("web", 0, Level.INFO, "GET / 200"));
    engine.onEvent(line("web", 1, Level.DEBUG, "cache miss"));
    assertThat(engine.snapshot().liveFacts()).isZero();
    engine.onEvent(line("web", 2, Level.WARN, "slow handler"));
    engine.onEvent(line("web", 3, Level.INFO, "dial tcp api:80: connect: connection refused"));
    engine.onEvent(line("web", 4, Level.INFO, "a line never seen before", true));
    // the last line is judged once no more of it can follow
    engine.advanceTo(at(5));
    assertThat(engine.snapshot().liveFacts()).isEqualTo(3);
  }

  @Test
  void theErrorFieldOfAStructuredLineIsPartOfItsText() {
    CorrelationEngine engine = engine();
    engine.onEvent(line("postgres", 0, Level.INFO, "database system is ready"));
    LogEvent plain = line("payment", 1, Level.ERROR, "charge failed");
    dev.logrca.core.model.LogRecord r = plain.record();
    java.util.Map<String, String> attributes =
        java.util.Map.of(
            "error", "dial tcp postgres:5432: connect: connection refused",
            "stacktrace", "main.charge\n\t/src/main.go:42");
    LogEvent zap =
        new LogEvent(
            new dev.logrca.core.model.LogRecord(
                r.eventId(),
                r.source(),
                r.line(),
                r.timestamp(),
                false,
                r.service(),
                r.host(),
                r.level(),
                null,
                null,
                r.message(),
                r.raw(),
                attributes,
                null),
            plain.templateId(),
            plain.template(),
            List.of(),
            false);
    engine.onEvent(zap);
    engine.advanceTo(at(2));
    LogFact fact = engine.snapshot().logs.get(0);
    assertThat(fact.getSignals()).contains("refused");
    assertThat(fact.getDependency()).isEqualTo("postgres");
  }

  @Test
  void aStackTraceIsJudgedAsOneEventWithItsCause() {
    CorrelationEngine engine = engine();
    engine.onEvent(line("redis", 0, Level.INFO, "Ready to accept connections tcp"));
    LogEvent head =
        line(
            "cart",
            10,
            Level.ERROR,
            "Servlet.service() threw exception [Request processing failed]");
    engine.onEvent(head);
    LogEvent header =
        continuation(
            head, "org.springframework.data.redis.RedisConnectionFailureException: Unable");
    engine.onEvent(header);
    LogEvent frame =
        continuation(header, "\tat io.lettuce.core.RedisClient.connect(RedisClient.java:216)");
    engine.onEvent(frame);
    LogEvent cause =
        continuation(
            frame,
            "Caused by: io.netty.channel.AbstractChannel$AnnotatedConnectException: Connection"
                + " refused: redis/10.0.3.9:6379");
    engine.onEvent(cause);
    engine.onEvent(continuation(cause, "\t... 42 more"));
    engine.advanceTo(at(11));

    CorrelationState state = engine.snapshot();
    assertThat(state.liveFacts()).isEqualTo(1);
    LogFact fact = state.logs.get(0);
    assertThat(fact.getMessage()).isEqualTo(head.message());
    assertThat(fact.getSignals()).contains("refused", "exception");
    assertThat(fact.getDependency()).isEqualTo("redis");
  }

  @Test
  void aBadReleaseIsFoundEndToEnd() {
    CorrelationEngine engine = engine();
    for (int s = 0; s < 120; s += 10) {
      engine.onEvent(line("orders", s, Level.INFO, "order placed"));
    }
    engine.onEvent(
        line(
            "orders",
            130,
            Level.INFO,
            "Started OrdersApplication in 5.2 seconds (process running for 6.0)"));
    for (int s = 150; s < 200; s += 5) {
      engine.onEvent(
          line(
              "orders",
              s,
              Level.ERROR,
              "Failed to serialize order: unknown field 'discount'",
              s == 150));
    }
    engine.onAnomaly(anomaly("orders", AnomalyKind.ERROR_SURGE, 150, 0.95));
    List<Incident> incidents = engine.advanceTo(at(260));
    assertThat(incidents)
        .singleElement()
        .satisfies(
            i -> {
              RootCause top = i.rootCauses().get(0);
              assertThat(top.service()).isEqualTo("orders");
              assertThat(top.category()).isEqualTo("deploy.bad_release");
              assertThat(top.evidence().get(0).message()).startsWith("Started OrdersApplication");
            });
  }

  @Test
  void strongAnomaliesWithoutAnyRuleBecomeAnUnknownIncident() {
    CorrelationEngine engine = engine();
    engine.onAnomaly(anomaly("cart", AnomalyKind.OUTLIER, 0, 0.97));
    engine.onAnomaly(anomaly("cart", AnomalyKind.TEMPLATE_DROP, 60, 0.95));
    assertThat(engine.advanceTo(at(120)))
        .singleElement()
        .satisfies(i -> assertThat(i.rootCauses().get(0).category()).isEqualTo("unknown"));
  }

  @Test
  void theServerAStackTraceNamesIsItsDependencyWhenTheHeadNamesNobody() {
    Topology shop = new Topology().addCall("inventory", "postgres").addCall("inventory", "redis");
    CorrelationEngine engine =
        new CorrelationEngine(RuleSession.shippedRules(), shop, CorrelationConfig.defaults());
    engine.onEvent(line("postgres", 0, Level.INFO, "checkpoint complete"));
    engine.onEvent(line("redis", 0, Level.INFO, "DB saved on disk"));
    LogEvent head = line("inventory", 10, Level.ERROR, "Stock lookup failed for SKU-10135");
    engine.onEvent(head);
    LogEvent header =
        continuation(head, "org.postgresql.util.PSQLException: The connection attempt failed.");
    engine.onEvent(header);
    engine.onEvent(
        continuation(header, "Caused by: java.net.NoRouteToHostException: No route to host"));
    engine.advanceTo(at(11));

    LogFact fact = engine.snapshot().logs.get(0);
    assertThat(fact.getSignals()).contains("unreachable");
    assertThat(fact.getDependency()).isEqualTo("postgres");
  }

  @Test
  void aConfiguredTopologyWinsOverTheObservedOne() {
    Topology configured = new Topology().addCall("web", "api");
    CorrelationEngine engine =
        new CorrelationEngine(RuleSession.shippedRules(), configured, CorrelationConfig.defaults());
    engine.observeTopology(new Topology().addCall("web", "auth"));
    assertThat(engine.topology()).isEqualTo(configured);

    CorrelationEngine inferring = engine();
    inferring.observeTopology(new Topology().addCall("web", "auth"));
    assertThat(inferring.topology().callees("web")).containsExactly("auth");
  }

  @Test
  void advanceToReportsOnlyWhatChangedSinceTheLastCall() {
    CorrelationEngine engine = engine();
    engine.onEvent(line("db", 0, Level.ERROR, "could not write to file: No space left on device"));
    assertThat(engine.advanceTo(at(10))).hasSize(1);
    assertThat(engine.advanceTo(at(20))).isEmpty();
    engine.onEvent(line("db", 25, Level.ERROR, "could not extend file: No space left on device"));
    assertThat(engine.advanceTo(at(30))).hasSize(1);
    // once quiet, the incident is reported one last time, resolved
    assertThat(engine.advanceTo(at(1000)))
        .singleElement()
        .satisfies(i -> assertThat(i.status()).isEqualTo(IncidentStatus.RESOLVED));
    assertThat(engine.advanceTo(at(1010))).isEmpty();
    assertThat(engine.finish()).isEmpty();
  }
}
