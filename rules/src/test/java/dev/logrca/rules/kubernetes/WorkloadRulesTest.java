package dev.logrca.rules.kubernetes;

import static dev.logrca.rules.testing.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Level;
import dev.logrca.rules.fact.Hypothesis;
import dev.logrca.rules.signature.Targets;
import dev.logrca.rules.testing.RuleSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Kubernetes events, logged by the workload they are about, and what the rules conclude. */
class WorkloadRulesTest {
  private final RuleSession rules = new RuleSession();

  @AfterEach
  void close() {
    rules.close();
  }

  private Hypothesis conclusion(String rule, String service, String message) {
    rules.log(line(service, 0, Level.WARN, message), null);
    return rules.concluded(rule);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
        Kubernetes probes find a service unhealthy | payment | Unhealthy: Readiness probe failed: HTTP probe failed with statuscode: 503 | dependency.down
        Kubernetes probes find a service unhealthy | payment | Unhealthy: Liveness probe failed: Get "http://10.244.1.17:8080/actuator/health/liveness": context deadline exceeded (Client.Timeout exceeded while awaiting headers) | dependency.down
        Pods cannot be scheduled for lack of memory | postgres | FailedScheduling: 0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod. | resource.out_of_memory
        Pods cannot be scheduled for lack of cpu | checkout | FailedScheduling: 0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. | resource.cpu_saturation
        A pod cannot mount its volumes | payment | FailedMount: MountVolume.SetUp failed for volume "config" : configmap "payment-config" not found | config.error
        A release's image cannot be pulled | payment | Failed: Failed to pull image "registry.example.com/shop/payment:2.4.1": rpc error: code = NotFound desc = failed to pull and unpack image "registry.example.com/shop/payment:2.4.1": not found | deploy.bad_release
        A release's image cannot be pulled | payment | BackOff: Back-off pulling image "registry.example.com/shop/payment:2.4.1" | deploy.bad_release
        Service runs out of memory | postgres | OOMKilling: Memory cgroup out of memory: Killed process 4242 (postgres) total-vm:2260412kB, anon-rss:1048576kB | resource.out_of_memory
        Service runs out of memory | payment | Evicted: The node was low on resource: memory. Threshold quantity: 100Mi, available: 91236Ki. | resource.out_of_memory
        Service runs out of disk space | payment | Evicted: The node was low on resource: ephemeral-storage. Threshold quantity: 10Gi, available: 9Gi. Container payment was using 5Gi, request is 0, has larger consumption of ephemeral-storage. | resource.disk_full
        A container is stuck in a crash loop | checkout | BackOff: Back-off restarting failed container checkout in pod checkout-7d9c7b6f5-x2x9q_shop(0b4e2a) | dependency.down
        """)
  void eachReasonGivesItsCategoryToTheWorkload(
      String rule, String service, String message, String category) {
    Hypothesis h = conclusion(rule, service, message);

    assertThat(h.getCategory()).isEqualTo(category);
    assertThat(h.getService()).isEqualTo(service);
  }

  @Test
  void theKubeletsOomEventOnANodeBlamesTheVictim() {
    String message = "SystemOOM: System OOM encountered, victim process: postgres, pid: 4242";
    // the engine maps the victim the line names to the service of that name
    rules.log(line("node-2", 0, Level.WARN, message), Targets.find(message));

    Hypothesis h = rules.concluded("Service runs out of memory");

    assertThat(h.getService()).isEqualTo("postgres");
  }

  @Test
  void aDatabaseCrashRightAfterTheKernelsOomKillIsMemory() {
    String kill =
        "OOMKilling: Memory cgroup out of memory: Killed process 4242 (postgres)"
            + " total-vm:1983420kB, anon-rss:498212kB";
    rules.log(line("postgres", 0, Level.INFO, "LOG:  checkpoint starting: time"), null);
    rules.log(line("node-2", 10, Level.WARN, kill), Targets.find(kill));
    rules.log(
        line(
            "postgres",
            10.2,
            Level.INFO,
            "LOG:  server process (PID 4242) was terminated by signal 9: Killed"),
        null);

    Hypothesis h = rules.concluded("A service's crash follows the kernel's OOM kill");
    assertThat(h.getService()).isEqualTo("postgres");
    assertThat(h.getCategory()).isEqualTo("resource.out_of_memory");
    assertThat(h.selfReported()).isTrue();
  }

  @Test
  void aCrashLongAfterAnOomKillIsNotTiedToIt() {
    String kill = "OOMKilling: Memory cgroup out of memory: Killed process 4242 (postgres)";
    rules.log(line("node-2", 0, Level.WARN, kill), Targets.find(kill));
    rules.log(
        line(
            "postgres",
            600,
            Level.INFO,
            "LOG:  server process (PID 5110) was terminated by" + " signal 11: Segmentation fault"),
        null);

    assertThat(rules.hypotheses())
        .extracting(Hypothesis::getRule)
        .doesNotContain("A service's crash follows the kernel's OOM kill");
  }

  @Test
  void aProbeFailureIsNotBlamedOnThePodsOwnAddress() {
    rules.log(
        line(
            "payment",
            0,
            Level.WARN,
            "Unhealthy: Readiness probe failed: dial tcp 10.244.1.17:8080: connect: connection"
                + " refused"),
        null);

    assertThat(rules.hypotheses())
        .extracting(Hypothesis::getService)
        .isNotEmpty()
        .containsOnly("payment");
  }

  @Test
  void errorsRightAfterARolloutBlameTheRelease() {
    rules.log(
        line(
            "payment",
            0,
            Level.INFO,
            "ScalingReplicaSet: Scaled up replica set" + " payment-6b7f9c8d54 to 1"),
        null);
    rules.log(line("payment", 20, Level.INFO, "Killing: Stopping container payment"), null);
    rules.log(
        line(
            "payment",
            45,
            Level.ERROR,
            "java.lang.NullPointerException: Cannot invoke \"String.length()\" because \"coupon\""
                + " is null",
            true),
        null);

    assertThat(rules.concluded("Errors begin right after a release").getService())
        .isEqualTo("payment");
  }

  /** Issue 17: a start-up that fails on its properties is config, whatever rolled out. */
  @Test
  void aRolloutThatFailsOnItsPropertiesIsAConfigurationError() {
    rules.log(
        line(
            "payment",
            0,
            Level.INFO,
            "ScalingReplicaSet: Scaled up replica set" + " payment-6b7f9c8d54 to 1"),
        null);
    rules.log(line("payment", 20, Level.INFO, "Killing: Stopping container payment"), null);
    rules.log(
        line(
            "payment",
            45,
            Level.ERROR,
            "Failed to bind properties under 'spring.datasource'",
            true),
        null);

    assertThat(rules.concluded("Service rejects its configuration").getService())
        .isEqualTo("payment");
    assertThat(rules.hypotheses()).noneMatch(h -> h.getCategory().equals("deploy.bad_release"));
  }

  @Test
  void anOrdinaryRestartIsNotARelease() {
    rules.log(
        line(
            "payment",
            0,
            Level.INFO,
            "Killing: Container payment failed liveness probe, will be" + " restarted"),
        null);
    rules.log(line("payment", 30, Level.ERROR, "charge failed: card declined", true), null);

    assertThat(rules.hypotheses())
        .extracting(Hypothesis::getRule)
        .doesNotContain("Errors begin right after a release");
  }
}
