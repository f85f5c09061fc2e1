package dev.logrca.rules.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SignaturesTest {

  @ParameterizedTest(name = "{1} <- {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
        FATAL:  the database system is shutting down | shutdown
        LOG:  received fast shutdown request | shutdown
        Redis is now ready to exit, bye bye... | shutdown
        panic: runtime error: index out of range [3] with length 3 | crash
        dial tcp 10.0.0.5:5432: connect: connection refused | refused
        Error: connect ECONNREFUSED 127.0.0.1:6379 | refused
        Can't connect to MySQL server on 'mysql' (111) | refused
        connect() failed (111: Connection refused) while connecting to upstream | refused
        upstream connect error or disconnect/reset before headers. reset reason: connection failure | refused
        no live upstreams while connecting to upstream | unavailable
        "GET /quote HTTP/1.1" 503 UH no_healthy_upstream - "-" 0 19 0 | unavailable
        LOADING Redis is loading the dataset in memory | not_ready
        org.apache.kafka.common.errors.NotLeaderForPartitionException: This server is not the leader | broker
        context deadline exceeded | timeout
        read tcp 10.0.0.1:5000->10.0.0.2:80: i/o timeout | timeout
        Error: connect ETIMEDOUT 10.0.0.5:443 | timeout
        upstream timed out (110: Connection timed out) while reading response header | timeout
        dial tcp 10.0.0.9:80: connect: no route to host | unreachable
        read: connection reset by peer | reset
        could not write to file "base/pgsql_tmp/x": No space left on device | disk_full
        MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist to disk. | disk_full
        Write error saving DB on disk: No space left on device | disk_full
        Asynchronous AOF fsync is taking too long (disk is busy?). | timeout
        payment provider responding slowly | timeout
        panic recovered: runtime error: invalid memory address or nil pointer dereference | exception
        java.lang.OutOfMemoryError: Java heap space | out_of_memory
        java.lang.OutOfMemoryError: GC overhead limit exceeded | out_of_memory
        Out of memory: Killed process 1234 (java) total-vm:4096kB | out_of_memory
        oom-kill:constraint=CONSTRAINT_MEMCG,task=java,pid=1234 | out_of_memory
        Reason: OOMKilled | out_of_memory
        OOM command not allowed when used memory > 'maxmemory' | out_of_memory
        Detected pause in JVM or host machine (eg GC): pause of approximately 4019ms | cpu_saturation
        HikariPool-1 - Connection is not available, request timed out after 30000ms | pool_exhausted
        java.util.concurrent.RejectedExecutionException: rejected from pool | pool_exhausted
        Data source rejected establishment of connection: Too many connections | connection_limit
        Started OrderServiceApplication in 6.512 seconds (process running for 7.2) | release
        deploying version=2.14.1 of payment-api | release
        Back-off restarting failed container payment in pod payment-7c9d-abcde | crash_loop
        Warning BackOff pod/payment CrashLoopBackOff | crash_loop
        Could not resolve placeholder 'db.url' in value "${db.url}" | config_error
        FATAL: password authentication failed for user "app" | credentials
        x509: certificate has expired or is not yet valid | certificate
        sun.security.validator.ValidatorException: PKIX path building failed | certificate
        dial tcp: lookup payment on 10.96.0.10:53: no such host | dns
        getaddrinfo ENOTFOUND payment | dns
        lookup postgres on 10.96.0.10:53: read udp 10.0.2.14:41234->10.96.0.10:53: i/o timeout | dns
        psycopg2.OperationalError: could not connect to server | exception
        list users: pq: duplicate key value violates unique constraint "users_pkey" | exception
        FATAL: terminating connection due to administrator command (SQLSTATE 57P01) | exception
        AxiosError: Request failed with status code 502 | upstream_error
        HttpServerErrorException$InternalServerError: 500 Internal Server Error | upstream_error
        payment api returned 503 | upstream_error
        request for station service namelist denyed:org.springframework.web.client.HttpClientErrorException: 403 null | client_error
        org.springframework.web.reactive.function.client.WebClientResponseException$Forbidden: 403 Forbidden from GET http://orders:8080/api | client_error
        feign.FeignException$NotFound: [404 Not Found] during [GET] to [http://inventory/items/7] | client_error
        AxiosError: Request failed with status code 429 | client_error
        requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: http://auth:8000/token | client_error
        """)
  void realFailureLinesMatchTheirSignature(String message, String signature) {
    assertThat(Signatures.find(message)).contains(signature);
    assertThat(Signatures.matches(signature, message)).isTrue();
  }

  @ParameterizedTest(name = "{1} <- {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
        failed to connect to `host=postgres user=payment database=payments`: hostname resolving error (lookup postgres on 10.96.0.10:53: no such host) | dns
        failed to connect to `host=10.0.1.9 user=app database=app`: dial error (dial tcp 10.0.1.9:5432: connect: no route to host) | unreachable
        failed to connect to `host=db user=app database=app`: failed SASL auth (FATAL: password authentication failed for user "app" (SQLSTATE 28P01)) | credentials
        curl: (28) Failed to connect to api.example.com port 443 after 10001 ms: Timeout was reached | timeout
        """)
  void aConnectFailureThatNamesItsReasonIsThatReasonNotARefusal(String message, String reason) {
    assertThat(Signatures.find(message)).contains(reason).doesNotContain(Signatures.REFUSED);
    assertThat(Signatures.matches(Signatures.REFUSED, message)).isFalse();
  }

  @ParameterizedTest(name = "{1} <- {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
        The certificate will expire within 90 days. | certificate_expiring
        Server certificate CN=api.internal expires in 2 days (NotAfter: Sun Nov 29 10:00:00 UTC 2026) | certificate_expiring
        serving certificate expires soon | certificate_expiring
        unrecognized configuration parameter "shared_buffer" in file "/etc/postgresql/postgresql.conf" line 12 | config_warning
        unknown configuration key, ignoring it | config_warning
        Ignoring unknown property 'spring.datasource.pasword' in /etc/app/application.yaml | config_warning
        DB_POOL_SIZE not set, using default 10 | config_warning
        Property 'app.cache.ttl' is not set; falling back to 'app.cache.default-ttl' | config_warning
        java.lang.Exception: Apparent connection leak detected | pool_pressure
        Connection leak detection triggered for org.postgresql.jdbc.PgConnection@1f2e on thread main, stack trace follows | pool_pressure
        Order queue is nearly full (480 of 500) | pool_pressure
        archive command failed with exit code 1 | disk_pressure
        archiving write-ahead log file "00000001000000000000004A" failed too many times, will try again later | disk_pressure
        high disk watermark [90%] exceeded on [es-data-1][/usr/share/elasticsearch/data] free: 4.1gb[9.8%] | disk_pressure
        Disk usage on image filesystem is at 87% which is over the high threshold (85%) | disk_pressure
        Low disk space on /var/lib/docker | disk_pressure
        filesystem /data is almost full | disk_pressure
        Collection usage threshold exceeded for memory pool 'G1 Old Gen': 2005M of 2048M used after GC (threshold 90%) | memory_pressure
        [gc][104] overhead, spent [1.2s] collecting in the last [1.3s] | memory_pressure
        Heap usage is above 95% (1946M of 2048M) | memory_pressure
        Node node-3 status is now: NodeHasInsufficientMemory | memory_pressure
        Client id=3597 addr=10.0.1.9:48902 scheduled to be closed ASAP for overcoming of output buffer limits. | overload
        Asynchronous AOF fsync is taking too long (disk is busy?). Writing the AOF buffer without waiting for fsync to complete, this may slow down Redis. | overload
        process 2231 still waiting for ShareLock on transaction 480122 after 1000.052 ms | overload
        process 1784 still waiting for AccessExclusiveLock on relation 16403 of database 16384 after 1000.127 ms | overload
        checkpoints are occurring too frequently (9 seconds apart) | overload
        [Note] InnoDB: page_cleaner: 1000ms intended loop took 4893ms. The settings might not be optimal. | overload
        1024 worker_connections are not enough while connecting to upstream | overload
        TCP: request_sock_TCP: Possible SYN flooding on port 443. Sending cookies.  Check SNMP counters. | overload
        could not receive data from client: Connection reset by peer | clients_lost
        unexpected EOF on client connection with an open transaction | clients_lost
        Aborted connection 412 to db: shop user: app host: 10.0.1.9 (Got an error reading communication packets) | clients_lost
        """)
  void warningsOfTroubleToComeMatchTheirSignature(String message, String signature) {
    assertThat(Signatures.find(message)).contains(signature);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Failed to connect to redis-master:6379",
        "curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server"
      })
  void aBareConnectFailureIsARefusal(String message) {
    assertThat(Signatures.find(message)).contains(Signatures.REFUSED);
    assertThat(Signatures.matches(Signatures.REFUSED, message)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GET /api/cart 200 12ms",
        "Completed initialization in 3 ms",
        "checkpoint complete: wrote 42 buffers (0.3%)",
        "User alice logged in",
        "negotiated HTTP version 1.1",
        "An error page was rendered for a terror novel",
        "Detected pause in JVM or host machine (eg GC): pause of approximately 485ms",
        "Certificate expiration is 2027-01-01 00:00:00 +0000 UTC, rotation deadline is"
            + " 2026-10-01 07:19:48 +0000 UTC",
        "certificate renewed, expires in 90 days",
        "archived write-ahead log file \"00000001000000000000004A\"",
        "Disk usage: 41% of 200GB",
        // Redis at start-up, and a checkpoint that was only timed
        "You requested maxclients of 10000 requiring at least 10032 max file descriptors.",
        "checkpoint starting: time",
        "Node node-3 status is now: NodeHasNoMemoryPressure",
        "[gc][104] overhead, spent [120ms] collecting in the last [1s]",
        "process 2231 acquired ShareLock on transaction 480122 after 1204.332 ms",
        // a server's own access line with a 4xx is its answer, not a call that failed
        "GET /api/orders/42 404 3ms",
        "returned 42 rows in 403 ms"
      })
  void ordinaryLinesMatchNothing(String message) {
    assertThat(Signatures.find(message)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "java.util.concurrent.RejectedExecutionException: event executor terminated",
        "java.util.concurrent.RejectedExecutionException: Task java.util.concurrent.FutureTask@5e2"
            + " rejected from java.util.concurrent.ThreadPoolExecutor@7a1[Terminated, pool size = 0,"
            + " active threads = 0, queued tasks = 0, completed tasks = 31]",
        "org.springframework.core.task.TaskRejectedException: Executor"
            + " [java.util.concurrent.ThreadPoolExecutor@6f1de4c[Shutting down, pool size = 4, active"
            + " threads = 4, queued tasks = 0, completed tasks = 90]] did not accept task",
        "EsRejectedExecutionException[rejected execution of org.elasticsearch.action.support.x on"
            + " EsThreadPoolExecutor[name = node-1/write, queue capacity = 200] (shutdown)]"
      })
  void anExecutorThatWasShutDownIsNotAFullPool(String message) {
    assertThat(Signatures.find(message)).doesNotContain(Signatures.POOL_EXHAUSTED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"nosuch"})
  void anUnknownSignatureNameIsAnError(String name) {
    assertThatThrownBy(() -> Signatures.matches(name, "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
