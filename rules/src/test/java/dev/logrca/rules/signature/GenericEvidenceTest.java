package dev.logrca.rules.signature;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GenericEvidenceTest {

  @ParameterizedTest(name = "{1} <- {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          org.springframework.core.task.TaskRejectedException: Executor [java.util.concurrent.ThreadPoolExecutor@1b2c3d[Running, pool size = 200, active threads = 200, queued tasks = 1000, completed tasks = 52]] did not accept task | pool_exhausted
          Task java.util.concurrent.FutureTask@5e2 rejected from java.util.concurrent.ThreadPoolExecutor@7a1[Running, pool size = 8, active threads = 8, queued tasks = 100, completed tasks = 3] | pool_exhausted
          redis.clients.jedis.exceptions.JedisExhaustedPoolException: Could not get a resource since the pool is exhausted | pool_exhausted
          HikariPool-1 - Pool stats (total=10, active=10, idle=0, waiting=7) | pool_exhausted
          org.springframework.boot.context.properties.bind.BindException: Failed to bind properties under 'server.port' to java.lang.Integer | config_error
          org.apache.kafka.common.config.ConfigException: Missing required configuration "bootstrap.servers" which has no default value. | config_error
          psycopg2.OperationalError: could not connect: SSL error (SQLSTATE 08001) | refused
          ERROR: could not extend file "base/16384/16385": wrote only 4096 of 8192 bytes (SQLSTATE 53100) | disk_full
          FATAL: sorry, too many clients already (SQLSTATE 53300) | connection_limit
          org.postgresql.util.PSQLException: FATAL: password authentication failed for user "app" SQL state: 28P01 | credentials
          OSError: [Errno 28] No space left on device: '/data/out.bin' | disk_full
          InnoDB: Error: Write to file ./ib_logfile0 failed at offset 0. (errno: 28 - No space left on device) | disk_full
          requests.exceptions.ConnectionError: [Errno 111] Connection refused | refused
          socket.gaierror: [Errno -3] Temporary failure in name resolution | dns
          Error: getaddrinfo EAI_AGAIN payments.default.svc.cluster.local | dns
          Error: connect EHOSTUNREACH 10.4.7.17:6379 | unreachable
          Error: write EPIPE | reset
          Error: EMFILE: too many open files, open '/app/static/logo.png' | pool_exhausted
          rpc error: code = DeadlineExceeded desc = context deadline exceeded | timeout
          rpc error: code = ResourceExhausted desc = grpc: received message larger than max | pool_exhausted
          rpc error: code = Unauthenticated desc = invalid token | credentials
          upstream returned HTTP 503 for GET /api/cart | unavailable
          GET /api/orders -> status=504 in 30001 ms | timeout
          container payment exited with code 137 | out_of_memory
          Container terminated: exitCode: 143, reason: Error | shutdown
          java.net.SocketTimeoutException: Read timed out | timeout
          Caused by: io.netty.channel.ConnectTimeoutException: connection timed out: /10.0.0.3:8080 | timeout
          java.net.UnknownHostException: orders-db: Name or service not known | dns
          javax.net.ssl.SSLHandshakeException: Received fatal alert: handshake_failure | certificate
          java.net.NoRouteToHostException: No route to host (Host unreachable) | unreachable
          com.mysql.cj.jdbc.exceptions.CommunicationsException: Communications link failure | unavailable
          org.apache.hadoop.util.DiskChecker$DiskErrorException: Could not find any valid local directory for output/spill0.out | disk_full
          Warning  FailedScheduling  default-scheduler  0/3 nodes are available: 3 Insufficient memory | unschedulable
          Warning  Unhealthy  kubelet  Readiness probe failed: HTTP probe failed with statuscode: 500 | probe_failed
          Error: CreateContainerConfigError: configmap "payment-config" not found | config_error
          java.lang.OutOfMemoryError: Direct buffer memory | out_of_memory
          System.OutOfMemoryException: Insufficient memory to continue the execution of the program. | out_of_memory
          # There is insufficient memory for the Java Runtime Environment to continue. | out_of_memory
          java.security.cert.CertificateException: No subject alternative DNS name matching ldapserver found. | certificate
          org.apache.kafka.common.errors.SslAuthenticationException: SSL handshake failed | certificate
          Warning  FreeDiskSpaceFailed  23m  kubelet  failed to garbage collect required amount of images | disk_full
          neighbour: arp_cache: neighbor table overflow! | unreachable
          e1000e 0000:00:1f.6 eth0: NIC Link is Down | unreachable
          server closed the connection unexpectedly | reset
          java.io.IOException: unexpected end of stream on http://payment:8080/... | reset
          """)
  void findsTheCategoryInEvidenceThatNeedsNoPhrasing(String line, String signature) {
    assertThat(GenericEvidence.find(line)).contains(signature);
  }

  @ParameterizedTest(name = "nothing <- {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ThreadPoolExecutor[Running, pool size = 200, active threads = 12, queued tasks = 0, completed tasks = 9000]
          HikariPool-1 - Pool stats (total=10, active=2, idle=8, waiting=0)
          ThreadPoolExecutor@7a1[Terminated, pool size = 0, active threads = 0, queued tasks = 0, completed tasks = 31]
          java.net.BindException: Address already in use
          GET /api/orders -> status=200 in 12 ms
          process exited with code 0
          errno 2: no such file
          Configured 12 workers; config loaded from /etc/app.yaml
          """)
  void saysNothingAboutHealthyCountersAndOrdinaryNumbers(String line) {
    assertThat(GenericEvidence.find(line)).isEmpty();
  }

  @Test
  void aSchedulerShortOfMemoryIsNotAProcessOutOfMemory() {
    // "Insufficient memory" from the scheduler means no node has room, which the scheduling rule
    // reads; only the runtime's "insufficient memory for/to continue" is an exhausted process
    assertThat(
            GenericEvidence.find(
                "Warning  FailedScheduling  default-scheduler  0/3 nodes are available: 3"
                    + " Insufficient memory."))
        .containsExactly("unschedulable");
  }
}
