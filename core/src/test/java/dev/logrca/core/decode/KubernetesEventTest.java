package dev.logrca.core.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogRecord;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Kubernetes events as an event exporter, {@code kubectl get events} and watchers write them. */
class KubernetesEventTest {
  private static final long WRITTEN = Instant.parse("2026-11-27T10:10:00Z").toEpochMilli();

  private static LineDecoder decoder() {
    return new LineDecoder(
        new SourceContext("events.log", "events", null, ZoneOffset.UTC, 2026, WRITTEN));
  }

  @Test
  void aCoreEventIsLoggedByThePodsWorkloadAtWarn() {
    LogRecord r =
        decoder()
            .decode(
                "{\"kind\":\"Event\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":"
                    + "\"checkout-7d9c7b6f5-x2x9q.187a3c\",\"namespace\":\"prod\","
                    + "\"creationTimestamp\":\"2026-11-27T10:01:00Z\"},"
                    + "\"involvedObject\":{\"kind\":\"Pod\",\"namespace\":\"prod\","
                    + "\"name\":\"checkout-7d9c7b6f5-x2x9q\",\"apiVersion\":\"v1\","
                    + "\"fieldPath\":\"spec.containers{checkout}\"},\"reason\":\"BackOff\","
                    + "\"message\":\"Back-off restarting failed container checkout in pod"
                    + " checkout-7d9c7b6f5-x2x9q_prod(2f1c)\",\"source\":{\"component\":\"kubelet\","
                    + "\"host\":\"node-2\"},\"firstTimestamp\":\"2026-11-27T10:01:00Z\","
                    + "\"lastTimestamp\":\"2026-11-27T10:04:30Z\",\"count\":7,"
                    + "\"type\":\"Warning\",\"eventTime\":null}",
                1);

    assertThat(r.decodeError()).isNull();
    assertThat(r.service()).isEqualTo("checkout");
    assertThat(r.host()).isEqualTo("checkout-7d9c7b6f5-x2x9q");
    assertThat(r.level()).isEqualTo(Level.WARN);
    assertThat(r.logger()).isEqualTo("kubelet");
    assertThat(r.message())
        .isEqualTo(
            "BackOff: Back-off restarting failed container checkout in pod"
                + " checkout-7d9c7b6f5-x2x9q_prod(2f1c)");
    assertThat(r.timestamp()).isEqualTo(Instant.parse("2026-11-27T10:04:30Z").toEpochMilli());
    assertThat(r.attributes())
        .containsEntry("k8s.event.reason", "BackOff")
        .containsEntry("k8s.event.count", "7")
        .containsEntry("k8s.container.name", "checkout")
        .containsEntry("k8s.namespace.name", "prod");
  }

  @Test
  void aWatchNotificationInTheEventsApiShapeIsReadToo() {
    LogRecord r =
        decoder()
            .decode(
                "{\"type\":\"ADDED\",\"object\":{\"apiVersion\":\"events.k8s.io/v1\","
                    + "\"kind\":\"Event\",\"eventTime\":\"2026-11-27T10:02:00.123456Z\","
                    + "\"reason\":\"FailedScheduling\",\"note\":\"0/3 nodes are available: 3"
                    + " Insufficient memory.\",\"type\":\"Warning\","
                    + "\"reportingController\":\"default-scheduler\",\"regarding\":{\"kind\":"
                    + "\"Pod\",\"namespace\":\"prod\",\"name\":\"postgres-0\"}}}",
                1);

    assertThat(r.service()).isEqualTo("postgres");
    assertThat(r.logger()).isEqualTo("default-scheduler");
    assertThat(r.message())
        .isEqualTo("FailedScheduling: 0/3 nodes are available: 3 Insufficient memory.");
    assertThat(r.timestamp()).isEqualTo(Instant.parse("2026-11-27T10:02:00.123Z").toEpochMilli());
  }

  @Test
  void aReplicaSetEventBelongsToItsDeploymentAndANormalEventIsInfo() {
    LogRecord r =
        decoder()
            .decode(
                "{\"involvedObject\":{\"kind\":\"ReplicaSet\",\"namespace\":\"prod\","
                    + "\"name\":\"payment-6b7f9c8d54\"},\"reason\":\"SuccessfulCreate\","
                    + "\"message\":\"Created pod: payment-6b7f9c8d54-7xk2p\",\"type\":\"Normal\","
                    + "\"lastTimestamp\":\"2026-11-27T10:00:00Z\"}",
                1);

    assertThat(r.service()).isEqualTo("payment");
    assertThat(r.level()).isEqualTo(Level.INFO);
  }

  @Test
  void kubectlsTableRowsAreDatedFromWhenTheFileWasWritten() {
    LineDecoder decoder = decoder();
    LogRecord header = decoder.decode("LAST SEEN   TYPE      REASON      OBJECT   MESSAGE", 1);
    LogRecord r =
        decoder.decode(
            "2m30s       Warning   Unhealthy   pod/payment-6b7f9c8d54-7xk2p   Readiness probe"
                + " failed: Get \"http://10.244.1.17:8080/actuator/health\": context deadline"
                + " exceeded",
            2);
    LogRecord namespaced =
        decoder.decode(
            "prod        5m          Normal    Killing     pod/postgres-0   Stopping container"
                + " postgres",
            3);

    assertThat(header.decodeError()).isNull();
    assertThat(r.service()).isEqualTo("payment");
    assertThat(r.level()).isEqualTo(Level.WARN);
    assertThat(r.message()).startsWith("Unhealthy: Readiness probe failed: Get");
    assertThat(r.timestamp()).isEqualTo(WRITTEN - 150_000);
    assertThat(namespaced.service()).isEqualTo("postgres");
    assertThat(namespaced.level()).isEqualTo(Level.INFO);
    assertThat(namespaced.attributes()).containsEntry("k8s.namespace.name", "prod");
    assertThat(namespaced.message()).isEqualTo("Killing: Stopping container postgres");
  }

  @Test
  void aLineThatMerelyMentionsWarningIsNotAnEvent() {
    LogRecord r = decoder().decode("2026-11-27 10:00:00 WARN Warning: disk at 85%", 1);

    assertThat(r.attributes()).doesNotContainKey("k8s.event.reason");
  }
}
