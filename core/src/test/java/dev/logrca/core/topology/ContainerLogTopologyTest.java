package dev.logrca.core.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.decode.LineDecoder;
import dev.logrca.core.decode.ServiceNames;
import dev.logrca.core.decode.SourceContext;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.LogRecord;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Calls inferred from Kubernetes container logs: CRI-wrapped JSON of several loggers, each naming
 * its trace in its own way, and cluster DNS names of services.
 */
class ContainerLogTopologyTest {
  private static final String FRONTEND =
      "/var/log/pods/shop_frontend-6c8f9d7b5-q4w2k_8d1e/frontend/0.log";
  private static final String CHECKOUT =
      "/var/log/pods/shop_checkout-7d9c7b6f5-x2x9q_0b4e/checkout/0.log";
  private static final String PAYMENT =
      "/var/log/pods/shop_payment-6b7f9c8d54-7xk2p_77aa/payment/0.log";
  private static final String POSTGRES = "/var/log/pods/shop_postgres-0_1c2d/postgres/0.log";

  private final Map<String, LineDecoder> decoders = new HashMap<>();
  private long line;

  private LogEvent decode(String path, String criLine) {
    LineDecoder decoder =
        decoders.computeIfAbsent(
            path,
            p ->
                new LineDecoder(
                    new SourceContext(
                        p, ServiceNames.fromPath(Path.of(p)), null, ZoneOffset.UTC, 2026, 0)));
    LogRecord record = decoder.decode(criLine, ++line);
    return new LogEvent(record, record.service() + ":1", record.message(), List.of(), false);
  }

  private static String trace(int i) {
    return String.format("4bf92f3577b34da6a3ce929d0e0e%04x", i);
  }

  @Test
  void tracesSharedAcrossLoggersGiveTheCallChain() {
    TopologyInference inference = new TopologyInference();
    for (int i = 0; i < 4; i++) {
      String t = trace(i);
      String s = "2026-11-27T10:00:0" + i;
      // pino with OpenTelemetry instrumentation: trace_id
      inference.observe(
          decode(
              FRONTEND,
              s
                  + ".100000000Z stdout F {\"level\":30,\"time\":1795773600100,\"msg\":\"request"
                  + " received\",\"trace_id\":\""
                  + t
                  + "\",\"span_id\":\"00f067aa0ba902b7\"}"));
      // zap: traceId
      inference.observe(
          decode(
              CHECKOUT,
              s
                  + ".200000000Z stdout F {\"level\":\"info\",\"ts\":1795773600.2,\"msg\":\"placing"
                  + " order\",\"traceId\":\""
                  + t
                  + "\"}"));
      // Spring Boot's plain line with a W3C traceparent the filter logs
      inference.observe(
          decode(
              PAYMENT,
              s
                  + ".300000000Z stdout F 2026-11-27 10:00:00.300  INFO 1 --- [nio-8080-exec-1]"
                  + " c.e.payment.ChargeController : charge requested traceparent=00-"
                  + t
                  + "-b7ad6b7169203331-01"));
      // an OpenTelemetry log record: the trace id inside attributes
      inference.observe(
          decode(
              POSTGRES,
              s
                  + ".400000000Z stderr F {\"body\":\"statement: SELECT balance FROM accounts\","
                  + "\"attributes\":{\"trace_id\":\""
                  + t
                  + "\"}}"));
      inference.observe(
          decode(
              PAYMENT,
              s
                  + ".500000000Z stdout F 2026-11-27 10:00:00.500  INFO 1 --- "
                  + "[nio-8080-exec-1] c.e.payment.ChargeController : charged traceparent=00-"
                  + t
                  + "-b7ad6b7169203331-01"));
      inference.observe(
          decode(
              CHECKOUT,
              s
                  + ".600000000Z stdout F {\"level\":\"info\",\"msg\":\"order placed\","
                  + "\"traceId\":\""
                  + t
                  + "\"}"));
      inference.observe(
          decode(
              FRONTEND,
              s
                  + ".700000000Z stdout F {\"level\":30,\"msg\":\"request completed\",\"trace_id\":\""
                  + t
                  + "\"}"));
    }

    Topology topology = inference.current();

    assertThat(topology.services()).contains("frontend", "checkout", "payment", "postgres");
    assertThat(topology.callees("frontend")).containsExactly("checkout");
    assertThat(topology.callees("checkout")).containsExactly("payment");
    assertThat(topology.callees("payment")).containsExactly("postgres");
  }

  @Test
  void clusterDnsNamesAndUrlsNameTheServiceWithoutAnyTrace() {
    TopologyInference inference = new TopologyInference();
    inference.observe(
        decode(
            POSTGRES,
            "2026-11-27T10:00:00.1Z stderr F 2026-11-27 10:00:00.100 UTC [1] LOG:"
                + "  database system is ready to accept connections"));
    inference.observe(
        decode(
            PAYMENT,
            "2026-11-27T10:00:00.2Z stdout F 2026-11-27 10:00:00.200  INFO 1 --- "
                + "[main] c.e.payment.PaymentApplication : Started PaymentApplication in 4.1 seconds"));
    for (int i = 0; i < 3; i++) {
      inference.observe(
          decode(
              PAYMENT,
              "2026-11-27T10:00:0"
                  + (i + 1)
                  + "Z stdout F 2026-11-27 10:00:01.000  WARN 1 --- "
                  + "[nio-8080-exec-2] com.zaxxer.hikari.pool.PoolBase : HikariPool-1 - Failed"
                  + " to validate connection to"
                  + " jdbc:postgresql://postgres.shop.svc.cluster.local:5432/payments"));
      inference.observe(
          decode(
              CHECKOUT,
              "2026-11-27T10:00:0"
                  + (i + 1)
                  + "Z stderr F {\"level\":\"error\",\"msg\":\"charge"
                  + " failed\",\"error\":\"Post \\\"http://payment:8080/v1/charges\\\": dial tcp"
                  + " 10.96.12.7:8080: connect: connection refused\",\"url\":"
                  + "\"http://payment:8080/v1/charges\"}"));
    }
    // checkout's calls are in a field, not the message: its message names payment too
    for (int i = 0; i < 3; i++) {
      inference.observe(
          decode(
              CHECKOUT,
              "2026-11-27T10:00:0"
                  + (i + 5)
                  + "Z stdout F {\"level\":\"warn\",\"msg\":\"retrying"
                  + " POST http://payment.shop.svc.cluster.local:8080/v1/charges\"}"));
    }

    Topology topology = inference.current();

    assertThat(topology.callees("payment")).containsExactly("postgres");
    assertThat(topology.callees("checkout")).containsExactly("payment");
  }
}
