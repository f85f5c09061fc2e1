package dev.logrca.rules.signature;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Kubernetes events as the decoder words them ("reason: message") and the signatures they bear. */
class KubernetesSignaturesTest {

  @ParameterizedTest(name = "{1} <- {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
        OOMKilling: Memory cgroup out of memory: Killed process 4242 (postgres) total-vm:2260412kB | out_of_memory
        SystemOOM: System OOM encountered, victim process: postgres, pid: 4242 | out_of_memory
        Container postgres was OOM killed | out_of_memory
        Evicted: The node was low on resource: memory. Threshold quantity: 100Mi, available: 91236Ki. | out_of_memory
        Evicted: The node was low on resource: ephemeral-storage. Threshold quantity: 10Gi, available: 9Gi. Container payment was using 5Gi, request is 0. | disk_full
        EvictionThresholdMet: Attempting to reclaim ephemeral-storage | disk_full
        BackOff: Back-off restarting failed container checkout in pod checkout-7d9c7b6f5-x2x9q_shop(0b4e) | crash_loop
        Unhealthy: Readiness probe failed: HTTP probe failed with statuscode: 503 | probe_failed
        Unhealthy: Liveness probe failed: Get "http://10.244.1.17:8080/healthz": context deadline exceeded | probe_failed
        Unhealthy: Startup probe failed: dial tcp 10.244.1.17:8080: connect: connection refused | probe_failed
        FailedScheduling: 0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available | unschedulable
        FailedScheduling: 0/3 nodes are available: 1 node(s) had untolerated taint, 2 Insufficient memory. | unschedulable
        FailedMount: MountVolume.SetUp failed for volume "config" : configmap "payment-config" not found | mount_failed
        FailedMount: Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[data kube-api-access-x2x9q]: timed out waiting for the condition | mount_failed
        Failed: Failed to pull image "registry.example.com/shop/payment:2.4.1": rpc error: code = NotFound desc = failed to pull and unpack image: not found | image_pull
        Failed: Error: ErrImagePull | image_pull
        Failed: Error: ImagePullBackOff | image_pull
        BackOff: Back-off pulling image "registry.example.com/shop/payment:2.4.1" | image_pull
        ScalingReplicaSet: Scaled up replica set payment-6b7f9c8d54 to 1 | release
        ScalingReplicaSet: Scaled down replica set payment-5f4d8b9c7 to 0 from 1 | release
        Killing: Stopping container payment | release
        """)
  void recognisesKubernetesEvents(String message, String signature) {
    assertThat(Signatures.find(message)).contains(signature);
  }

  @ParameterizedTest(name = "nothing of {1} in {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
        BackOff: Back-off pulling image "registry.example.com/shop/payment:2.4.1" | crash_loop
        Killing: Container payment failed liveness probe, will be restarted | release
        Scheduled: Successfully assigned shop/payment-6b7f9c8d54-7xk2p to node-2 | unschedulable
        Pulled: Container image "postgres:16.4" already present on machine | image_pull
        """)
  void leavesOrdinaryEventsAlone(String message, String signature) {
    assertThat(Signatures.find(message)).doesNotContain(signature);
  }

  @ParameterizedTest(name = "{1} <- {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
        SystemOOM: System OOM encountered, victim process: postgres, pid: 4242 | postgres
        OOMKilling: Memory cgroup out of memory: Killed process 4242 (postgres) total-vm:2260412kB | postgres
        BackOff: Back-off restarting failed container checkout in pod checkout-7d9c7b6f5-x2x9q_shop(0b4e) | checkout
        """)
  void findsTheServiceAnEventBlames(String message, String target) {
    assertThat(Targets.find(message)).isEqualTo(target);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
        Unhealthy: Liveness probe failed: Get "http://10.244.1.17:8080/healthz": context deadline exceeded
        Unhealthy: Readiness probe failed: dial tcp 10.244.1.17:8080: connect: connection refused
        """)
  void aProbeNamesThePodsOwnAddressNotAPeer(String message) {
    assertThat(Targets.find(message)).isNull();
  }
}
