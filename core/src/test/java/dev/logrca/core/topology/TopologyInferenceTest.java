package dev.logrca.core.topology;

import static dev.logrca.core.model.LogRecordBuilder.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.LogRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopologyInferenceTest {
  private long line;

  private LogEvent event(String service, String host, long ts, String traceId, String message) {
    line++;
    LogRecord record =
        record()
            .source("test")
            .line(line)
            .timestamp(ts)
            .service(service)
            .host(host)
            .level(Level.INFO)
            .traceId(traceId)
            .message(message)
            .build();
    return new LogEvent(record, service + ":1", message, List.of(), false);
  }

  private LogEvent event(String service, long ts, String traceId, String message) {
    return event(service, null, ts, traceId, message);
  }

  /** checkout calls payment, payment calls postgres, in {@code n} traces. */
  private void traces(TopologyInference inference, int n) {
    for (int i = 0; i < n; i++) {
      String trace = "trace-" + i;
      long t = 1_000L * i;
      inference.observe(event("checkout", t, trace, "placing order"));
      inference.observe(event("payment", t + 5, trace, "charging card"));
    }
  }

  @Test
  void aCopyLearnsOnItsOwnAndAsTheOriginalWould() {
    TopologyInference original = new TopologyInference(3, 4);
    traces(original, 2);
    original.observe(event("checkout", "checkout-1", 50, null, "GET http://inventory:8080/items"));
    TopologyInference copy = original.copy();
    assertThat(copy.current()).isEqualTo(original.current());

    // the third trace trusts checkout -> payment in the original only
    traces(original, 3);
    assertThat(original.current().callees("checkout")).contains("payment");
    assertThat(copy.current().callees("checkout")).doesNotContain("payment");

    // the same lines bring the copy to the same picture, the oldest traces forgotten alike
    line -= 6;
    traces(copy, 3);
    assertThat(copy.current()).isEqualTo(original.current());
    for (TopologyInference inference : List.of(original, copy)) {
      for (int i = 0; i < 3; i++) {
        inference.observe(event("payment", 9_000L + i, "late-" + i, "charging card"));
      }
      inference.observe(event("checkout", 9_500L, "trace-0", "placing order"));
    }
    assertThat(copy.current()).isEqualTo(original.current());
  }

  @Test
  void earliestServiceInATraceCallsTheOthers() {
    TopologyInference inference = new TopologyInference();
    traces(inference, 3);
    Topology topology = inference.current();
    assertThat(topology.callees("checkout")).containsExactly("payment");
    assertThat(topology.callees("payment")).isEmpty();
  }

  @Test
  void aServiceIsCalledByTheOneWhoseLinesEncloseItsOwn() {
    TopologyInference inference = new TopologyInference();
    for (int i = 0; i < 3; i++) {
      String trace = "nested-" + i;
      long t = 1_000L * i;
      // checkout asks inventory, then payment, which asks postgres; the gateway logs at the end
      inference.observe(event("checkout", t, trace, "placing order"));
      inference.observe(event("inventory", t + 2, trace, "reserving stock"));
      inference.observe(event("checkout", t + 4, trace, "stock reserved"));
      inference.observe(event("payment", t + 5, trace, "charging card"));
      inference.observe(event("postgres", t + 6, trace, "duration: 1.2 ms INSERT"));
      inference.observe(event("payment", t + 7, trace, "payment authorized"));
      inference.observe(event("checkout", t + 8, trace, "order placed"));
    }
    Topology topology = inference.current();
    assertThat(topology.callees("checkout")).containsExactly("inventory", "payment");
    assertThat(topology.callees("payment")).containsExactly("postgres");
    assertThat(topology.callees("inventory")).isEmpty();
  }

  @Test
  void aDatastoreNamingItsClientsDoesNotCallThem() {
    TopologyInference inference = new TopologyInference();
    for (int i = 0; i < 3; i++) {
      String trace = "sql-" + i;
      long t = 1_000L * i;
      inference.observe(event("payment", t, trace, "charging card"));
      // PostgreSQL with sqlcommenter-style comments names the client in every statement
      inference.observe(
          event("postgres", t + 1, trace, "execute: INSERT INTO payments /* payment */"));
      inference.observe(event("payment", t + 2, trace, "payment authorized"));
    }
    Topology topology = inference.current();
    assertThat(topology.callees("payment")).containsExactly("postgres");
    assertThat(topology.callees("postgres")).isEmpty();
  }

  /** {@code n} traces in which {@code caller}'s lines enclose {@code callee}'s. */
  private void calls(TopologyInference inference, String caller, String callee, int n) {
    for (int i = 0; i < n; i++) {
      String trace = caller + "-" + callee + "-" + i;
      long t = 10_000L * i + 1;
      inference.observe(event(caller, t, trace, "request"));
      inference.observe(event(callee, t + 2, trace, "handling"));
      inference.observe(event(callee, t + 4, trace, "handled"));
      inference.observe(event(caller, t + 6, trace, "response"));
    }
  }

  @Test
  void anEdgeThatWouldCloseACycleWithBetterSupportedOnesIsLeftOut() {
    TopologyInference inference = new TopologyInference();
    calls(inference, "web", "api", 6);
    calls(inference, "api", "db", 6);
    // a few slow requests logged out of order make db look like web's caller
    calls(inference, "db", "web", 3);
    Topology topology = inference.current();
    assertThat(topology.callees("web")).containsExactly("api");
    assertThat(topology.callees("api")).containsExactly("db");
    assertThat(topology.callees("db")).isEmpty();
  }

  @Test
  void arrivalOrderWithinATraceDoesNotMatter() {
    TopologyInference inference = new TopologyInference();
    for (int i = 0; i < 3; i++) {
      String trace = "t" + i;
      // the callee's line is read first, the caller's (earlier) line arrives late
      inference.observe(event("payment", 1_005L * i + 5, trace, "charging card"));
      inference.observe(event("checkout", 1_005L * i, trace, "placing order"));
    }
    Topology topology = inference.current();
    assertThat(topology.callees("checkout")).containsExactly("payment");
    assertThat(topology.callees("payment")).isEmpty();
  }

  @Test
  void tooFewObservationsDoNotMakeAnEdge() {
    TopologyInference inference = new TopologyInference();
    traces(inference, 2);
    inference.observe(event("payment", 0, null, "connect to postgres:5432 failed"));
    inference.observe(event("postgres", 0, null, "database system is ready"));
    Topology topology = inference.current();
    assertThat(topology.services()).containsExactlyInAnyOrder("checkout", "payment", "postgres");
    assertThat(topology.callees("checkout")).isEmpty();
    assertThat(topology.callees("payment")).isEmpty();
  }

  @Test
  void messagesNamingAnAddressMakeACall() {
    TopologyInference inference = new TopologyInference();
    for (int i = 0; i < 3; i++) {
      // postgres has not logged anything yet: an address is a peer all the same
      inference.observe(event("payment", i, null, "connect to postgres:5432 failed: refused"));
      inference.observe(event("payment", i, null, "GET http://inventory:8080/items/42 -> 503"));
    }
    inference.observe(event("postgres", 10, null, "database system is ready"));
    inference.observe(event("inventory", 10, null, "listening on :8080"));
    Topology topology = inference.current();
    assertThat(topology.callees("payment")).containsExactly("inventory", "postgres");
    assertThat(topology.callees("inventory")).isEmpty();
  }

  @Test
  void bareNamesMatchWholeTokensInAnyCase() {
    TopologyInference inference = new TopologyInference();
    inference.observe(event("cart", 0, null, "ready"));
    inference.observe(event("frontend", 0, null, "ready"));
    for (int i = 0; i < 3; i++) {
      inference.observe(event("frontend", i, null, "calling Cart for user 7"));
      // part of a longer word or identifier: not a mention of cart
      inference.observe(event("checkout", i, null, "cartesian product of shopping-cart items"));
      inference.observe(event("checkout", i, null, "class com.shop.cart.CartClient loaded"));
    }
    Topology topology = inference.current();
    assertThat(topology.callees("frontend")).containsExactly("cart");
    assertThat(topology.callees("checkout")).isEmpty();
  }

  @Test
  void clusterDnsNamesAndHostsResolveToTheirService() {
    TopologyInference inference = new TopologyInference();
    inference.observe(event("recommendation", "recommendation-5d9f8b7c6-x2x9q", 0, null, "ready"));
    inference.observe(event("catalog", "10.1.2.3", 0, null, "ready"));
    for (int i = 0; i < 3; i++) {
      inference.observe(
          event("frontend", i, null, "dial tcp: lookup catalog.shop.svc.cluster.local: timeout"));
      inference.observe(
          event("frontend", i, null, "upstream recommendation-5d9f8b7c6-x2x9q:9090 reset"));
      // a service naming its own host is no call
      inference.observe(event("catalog", "catalog-0", i, null, "bound to catalog-0:3550"));
    }
    Topology topology = inference.current();
    assertThat(topology.callees("frontend")).containsExactly("catalog", "recommendation");
    assertThat(topology.callees("catalog")).isEmpty();
  }

  @Test
  void traceAndMessageSightingsAddUp() {
    TopologyInference inference = new TopologyInference();
    traces(inference, 2);
    inference.observe(event("checkout", 0, null, "POST http://payment/charge timed out"));
    assertThat(inference.current().callees("checkout")).containsExactly("payment");
  }

  @Test
  void forgottenTracesKeepTheirEdgesButNewLinesOfThemStartAfresh() {
    TopologyInference inference = new TopologyInference(3, 2);
    traces(inference, 3); // trace-0 is forgotten when trace-2 arrives
    inference.observe(event("payment", 1, "trace-0", "late line of an old trace"));
    Topology topology = inference.current();
    assertThat(topology.callees("checkout")).containsExactly("payment");
  }

  @Test
  void stateSurvivesJavaSerialisation() throws Exception {
    TopologyInference inference = new TopologyInference();
    traces(inference, 2);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(inference);
    }
    TopologyInference restored;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      restored = (TopologyInference) in.readObject();
    }
    traces(restored, 3); // trace ids 0..2 again: 0 and 1 are known, 2 is new
    assertThat(restored.current().callees("checkout")).containsExactly("payment");
    assertThat(restored.current()).isEqualTo(inference.current().addCall("checkout", "payment"));
  }

  @Test
  void rejectsNonsenseLimits() {
    assertThatThrownBy(() -> new TopologyInference(0, 10))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
