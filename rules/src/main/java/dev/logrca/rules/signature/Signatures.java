package dev.logrca.rules.signature;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The failure signatures every rule shares: named regular expressions for the way real software
 * words a failure (PostgreSQL, MySQL, Redis, Kafka, the JVM, Linux, Kubernetes, Go, Node, nginx,
 * Envoy). A log line carries the names of the signatures it matches; rules test those names.
 */
public final class Signatures {
  public static final String SHUTDOWN = "shutdown";
  public static final String CRASH = "crash";
  public static final String REFUSED = "refused";
  public static final String UNAVAILABLE = "unavailable";
  public static final String NOT_READY = "not_ready";
  public static final String BROKER = "broker";
  public static final String TIMEOUT = "timeout";
  public static final String UNREACHABLE = "unreachable";
  public static final String RESET = "reset";
  public static final String DISK_FULL = "disk_full";
  public static final String OUT_OF_MEMORY = "out_of_memory";
  public static final String CPU_SATURATION = "cpu_saturation";
  public static final String POOL_EXHAUSTED = "pool_exhausted";
  public static final String CONNECTION_LIMIT = "connection_limit";
  public static final String RELEASE = "release";
  public static final String CRASH_LOOP = "crash_loop";
  public static final String CONFIG_ERROR = "config_error";
  public static final String CREDENTIALS = "credentials";
  public static final String CERTIFICATE = "certificate";
  public static final String DNS = "dns";
  public static final String EXCEPTION = "exception";
  public static final String PROBE_FAILED = "probe_failed";
  public static final String UNSCHEDULABLE = "unschedulable";
  public static final String MOUNT_FAILED = "mount_failed";
  public static final String IMAGE_PULL = "image_pull";
  public static final String UPSTREAM_ERROR = "upstream_error";
  public static final String CLIENT_ERROR = "client_error";
  public static final String CERTIFICATE_EXPIRING = "certificate_expiring";
  public static final String CONFIG_WARNING = "config_warning";
  public static final String POOL_PRESSURE = "pool_pressure";
  public static final String DISK_PRESSURE = "disk_pressure";
  public static final String OVERLOAD = "overload";
  public static final String MEMORY_PRESSURE = "memory_pressure";
  public static final String CLIENTS_LOST = "clients_lost";

  /** Signatures that describe something wrong with whatever the line's service was talking to. */
  public static final Set<String> DEPENDENCY_FACING =
      Set.of(
          REFUSED,
          UNAVAILABLE,
          NOT_READY,
          BROKER,
          TIMEOUT,
          UNREACHABLE,
          RESET,
          CONNECTION_LIMIT,
          UPSTREAM_ERROR,
          CLIENT_ERROR);

  /**
   * Signatures that say why a connection could not be made: pgx writes "failed to connect to
   * `host=postgres ...`: hostname resolving error (... no such host)", curl "Failed to connect to x
   * port 443 after 3 ms: Couldn't connect to server". A named reason is the cause; only a bare
   * connect failure reads as a refusal.
   */
  private static final Set<String> CONNECT_REASONS =
      Set.of(
          REFUSED,
          TIMEOUT,
          UNREACHABLE,
          RESET,
          DNS,
          CERTIFICATE,
          CREDENTIALS,
          CONNECTION_LIMIT,
          NOT_READY,
          SHUTDOWN);

  private static final Pattern CONNECT_FAILED =
      Pattern.compile("failed to connect to", Pattern.CASE_INSENSITIVE);

  /** The matcher's key for {@link #CONNECT_FAILED}; the space keeps it apart from every name. */
  private static final String CONNECT_FAILED_ENTRY = "connect failed";

  private static final Map<String, Pattern> PATTERNS = new LinkedHashMap<>();

  static {
    add(
        SHUTDOWN,
        "the database system is (?:shutting down|shut down)|received (?:smart|fast|immediate)"
            + " shutdown request|terminating connection due to administrator command"
            + "|\\bshutting down\\b|shutdown (?:initiated|in progress|complete)|ready to exit"
            + "|received SIGTERM|server is going down|user requested shutdown");
    add(
        CRASH,
        "^panic: |segmentation fault|SIGSEGV|core dumped|was terminated by signal"
            + "|terminated unexpectedly|exited with (?:exit )?code [1-9]|process exited abnormally");
    add(
        REFUSED,
        "connection refused|ECONNREFUSED|Connection to \\S+ refused|Can't connect to (?:MySQL|MariaDB)"
            + " server|actively refused|upstream connect error or disconnect/reset before headers"
            + "[^\\n]*(?:connection failure|refused)|Could not connect to Redis");
    add(
        UNAVAILABLE,
        // Envoy's access log writes the response detail as no_healthy_upstream
        "no live upstreams|no[ _]healthy[ _]upstream|503 Service Unavailable|\\bUNAVAILABLE\\b"
            + "|service unavailable");
    add(
        NOT_READY,
        "\\bLOADING\\b.*loading the dataset|the database system is starting up"
            + "|not yet accepting connections|the database system is in recovery mode");
    add(
        BROKER,
        "NotLeaderForPartition|NOT_LEADER_(?:FOR_PARTITION|OR_FOLLOWER)|LEADER_NOT_AVAILABLE"
            + "|NotLeaderOrFollower|Broker may not be available|Disconnected from node");
    add(
        TIMEOUT,
        "timed? ?out\\b|deadline exceeded|DEADLINE_EXCEEDED|ETIMEDOUT|i/o timeout"
            + "|SocketTimeoutException|TimeoutException|upstream timed out|took too long"
            // Redis "Asynchronous AOF fsync is taking too long"
            + "|taking too long|slow (?:query|request|response)"
            // "payment provider responding slowly", "upstream responds too slowly"
            + "|respond(?:ing|s)? (?:too )?slowly");
    add(
        UNREACHABLE,
        "no route to host|EHOSTUNREACH|network is unreachable|ENETUNREACH|host is unreachable");
    add(RESET, "connection reset|ECONNRESET|broken pipe|EPIPE|reset before headers");
    add(
        DISK_FULL,
        "no space left on device|ENOSPC|disk (?:is )?full|quota exceeded|read-only file system"
            + "|could not write to file|could not extend file|insufficient disk space"
            + "|flood[ -]stage disk watermark|disk usage exceeded"
            // Redis refusing writes because its RDB snapshot cannot be written
            + "|MISCONF .*(?:unable to persist to disk|not able to persist on disk)|Write error saving DB on disk"
            // the kubelet evicting pods: "The node was low on resource: ephemeral-storage."
            + "|low on resource: (?:ephemeral-storage|nodefs|imagefs)|NodeHasDiskPressure"
            + "|Attempting to reclaim (?:ephemeral-storage|nodefs|imagefs)"
            // kubelet evictions of one container or pod over its ephemeral-storage limit
            + "|exceeded its local ephemeral storage limit|ephemeral local storage usage exceeds"
            // HDFS "NameNode low on available disk space", RabbitMQ's disk alarm, Windows
            + "|low on available disk space|disk resource limit alarm|not enough space on the disk");
    add(
        OUT_OF_MEMORY,
        "OutOfMemoryError|Java heap space|GC overhead limit exceeded|Out of memory: Kill"
            + "|oom-kill|oom_kill|invoked oom-killer|OOMKilled|OOM command not allowed"
            + "|Cannot allocate memory|ENOMEM|heap out of memory|runtime: out of memory"
            + "|\\bMemoryError\\b|memory limit exceeded"
            // Kubernetes: node-problem-detector "OOMKilling", kubelet "System OOM encountered",
            // an eviction "The node was low on resource: memory."
            + "|OOMKilling|System OOM encountered|\\bOOM[ -]?killed\\b|low on resource: memory"
            + "|Attempting to reclaim memory"
            // PHP "Allowed memory size of 134217728 bytes exhausted (tried to allocate ...)"
            + "|Allowed memory size of \\d+ bytes exhausted");
    add(
        CPU_SATURATION,
        // a pause under a second is an ordinary collection: Hadoop's JvmPauseMonitor does not
        // even report one below its 1000 ms info threshold
        "cpu throttl|throttling cpu|Detected pause in JVM[^\\n]*?approximately \\d{4,}\\s*ms"
            + "|Thread starvation or clock"
            + " leap|soft lockup|hung_task|self-detected stall|cpu (?:usage|utili[sz]ation) (?:is"
            + " )?(?:above|at|over)? ?(?:9\\d|100)(?:\\.\\d+)?%|long GC pause"
            // the kernel: RCU stalls, hard and workqueue lockups, a starved RCU thread, RT and
            // deadline tasks out of CPU time, thermal throttling, a timer interrupt held up
            + "|detected stalls? on CPU|kthread starved for|\\b(?:hard|workqueue) lockup"
            + "|RT throttling activated|DL replenish lagged|cpu clock throttled"
            + "|hrtimer: interrupt took"
            // runtimes whose scheduler fell behind: Akka "thread starvation ... CPU overload",
            // Kestrel "thread pool starvation", Vert.x's blocked event loop, Cassandra's local
            // pause, Elasticsearch's late timer thread, asyncio's slow callback
            + "|thread (?:pool )?starvation|\\bCPU overload|due to local pause of"
            + "|has been blocked for \\d+ ms, time limit is|timer thread slept for"
            + "|\\bExecuting <[^\\n]*> took \\d+(?:\\.\\d+)? seconds"
            // the Kubernetes autoscaler: "New size: 4; reason: cpu resource utilization
            // (percentage of request) above target"
            + "|cpu resource utilization \\(percentage of request\\) above target");
    add(
        POOL_EXHAUSTED,
        "Connection is not available, request timed out|RejectedExecutionException"
            + "|(?:thread|connection|worker) pool (?:is )?(?:exhausted|full)|queue (?:is )?full"
            + "|pool exhausted|Cannot get a connection, pool error|Timeout waiting for idle object"
            + "|Too many open files|EMFILE|RESOURCE_EXHAUSTED"
            // Apache httpd "server reached MaxRequestWorkers setting", PHP-FPM "server reached
            // pm.max_children setting", SQLAlchemy's QueuePool, Knex, Elasticsearch's rejections
            + "|server reached \\S+ setting|pool limit of size \\d+ overflow \\d+ reached"
            + "|timeout acquiring a connection|rejected_execution_exception"
            + "|rejected execution of \\S+ on \\w*Executor");
    add(
        CONNECTION_LIMIT,
        "Too many connections|too many clients already|remaining connection slots are reserved"
            + "|max number of clients reached|max_connections"
            // PgBouncer "no more connections allowed (max_client_conn)", MongoDB "connection
            // refused because too many open connections"
            + "|no more connections allowed|too many open connections");
    add(
        RELEASE,
        "Started \\S+ in \\d+(?:\\.\\d+)? seconds|Starting \\S+ v\\d|\\bversion[ =:]+v?\\d+\\.\\d+\\.\\d+"
            + "|deploy(?:ing|ed) (?:version|release|image)|Successfully pulled image"
            + "|(?:Started|Created) container|Scaled up replica set|rolling update|server started"
            // a rollout stops the old pods' containers as the new ones become ready
            + "|Scaled down replica set|Killing: Stopping container"
            + "|application started"
            // Elasticsearch/OpenSearch "version[8.11.1], pid[1]", Quarkus "... started in 1.093s",
            // Micronaut "Startup completed in 1234ms", Helm, kubectl rollout status, docker pull
            + "|\\bversion\\[v?\\d+\\.\\d+\\.\\d+|\\bstarted in \\d+(?:\\.\\d+)?\\s?(?:ms|s|seconds)\\b"
            + "|Startup completed in \\d+\\s?ms|has been upgraded\\. Happy Helming"
            + "|successfully rolled out|Downloaded newer image for");
    add(CRASH_LOOP, "CrashLoopBackOff|Back-off restarting failed container");
    add(
        CONFIG_ERROR,
        "invalid configuration|configuration (?:error|is invalid)|ConfigurationException"
            + "|missing (?:required )?(?:config|configuration|property|setting|environment"
            + " variable)|could not resolve placeholder|Failed to bind properties"
            + "|unknown (?:configuration )?(?:option|directive)|BeanCreationException"
            // PostgreSQL "unrecognized configuration parameter", "invalid value for parameter",
            // Redis "FATAL CONFIG FILE ERROR", MySQL "unknown variable 'x'", Elasticsearch
            // "unknown setting [x]", Go's flag package, Spring Boot's failure analysis
            + "|unrecognized configuration parameter|invalid value for parameter"
            + "|config(?:uration)? file error|unknown variable '|unknown setting \\["
            + "|flag provided but not defined|Failed to configure a \\w+");
    add(
        CREDENTIALS,
        "password authentication failed|Access denied for user|invalid credentials|NOAUTH"
            + "|WRONGPASS|invalid api key|authentication failed");
    add(
        CERTIFICATE,
        "x509:|certificate has expired|certificate is not yet valid|certificate verify failed"
            + "|signed by unknown authority|PKIX path building failed|SSLHandshakeException"
            + "|unable to find valid certification path|CERTIFICATE_VERIFY_FAILED"
            + "|tls: (?:handshake failure|bad certificate)|CERT_HAS_EXPIRED"
            + "|self[- ]signed certificate"
            // TLS alerts as Go prints them, OpenSSL's verify errors as Node and curl print them,
            // a server that cannot load its own certificate (nginx, PostgreSQL)
            + "|tls: (?:unknown certificate authority|expired certificate|certificate required)"
            + "|unable to verify the first certificate|unable to get local issuer certificate"
            + "|does not match certificate's altnames|ERR_TLS_CERT_ALTNAME_INVALID"
            + "|SSL certificate (?:problem|verify error)"
            + "|(?:could not|cannot|unable to) load (?:\\w+ )?certificate");
    EarlyWarnings.addTo(Signatures::add);
    add(
        DNS,
        "no such host|ENOTFOUND|EAI_AGAIN|UnknownHostException|Name or service not known"
            + "|Temporary failure in name resolution|could not resolve host|NXDOMAIN"
            + "|nodename nor servname"
            // Go's resolver, whatever went wrong: "lookup postgres on 10.96.0.10:53: read udp
            // ...: i/o timeout" is the name server not answering, not the named host being slow
            + "|\\blookup \\S+ on \\S+:53\\b"
            // MySQL's CR_UNKNOWN_HOST, libpq, Windows' WSAHOST_NOT_FOUND as .NET prints it
            + "|Unknown (?:MySQL|MariaDB) server host|could not translate host name"
            + "|No such host is known");
    // Kubernetes events, as "reason: message": the kubelet, the scheduler and the attach/detach
    // controller word these the same in every release since 1.10
    add(PROBE_FAILED, "\\b(?:Readiness|Liveness|Startup) probe failed");
    add(UNSCHEDULABLE, "\\bInsufficient (?:cpu|memory|ephemeral-storage|pods|[\\w.-]+/gpu)\\b");
    add(
        MOUNT_FAILED,
        "^FailedMount: |^FailedAttachVolume: |MountVolume\\.\\w+ failed for volume"
            + "|Unable to (?:attach or )?mount volumes");
    add(
        IMAGE_PULL,
        "ErrImagePull|ImagePullBackOff|Failed to pull image|Back-off pulling image"
            + "|InvalidImageName|ErrImageNeverPull|manifest unknown|pull access denied");
    // An HTTP client's error about the server's 5xx (axios "Request failed with status code 502",
    // Spring "HttpServerErrorException$BadGateway: 502 Bad Gateway", Go "returned 503"): its
    // exception type is the client's wrapper, the failure is the callee's.
    add(
        UPSTREAM_ERROR,
        "Request failed with status code 5\\d\\d|HttpServerErrorException"
            + "|\\b5\\d\\d (?:Internal Server Error|Bad Gateway|Service Unavailable|Gateway"
            + " Timeout)\\b|\\bstatus(?: code)?[ =:]+5\\d\\d\\b|\\breturned (?:HTTP |status )?5\\d\\d\\b");
    // An HTTP client's error about a call its callee answered with a 4xx: Spring's RestTemplate
    // throws HttpClientErrorException on any 4xx (DefaultResponseErrorHandler), WebClient
    // "WebClientResponseException$Forbidden: 403 Forbidden from GET ...", Feign
    // "FeignException$Forbidden: [403 Forbidden] during [GET] to [...]", axios "Request failed
    // with status code 403", Python requests "403 Client Error: Forbidden for url". The request
    // reached a callee that refused it: a caller that worked before has not changed its requests.
    add(
        CLIENT_ERROR,
        "Request failed with status code 4\\d\\d|HttpClientErrorException"
            + "|(?:WebClientResponseException|FeignException)(?:\\$\\w+)?: \\[?4\\d\\d\\b"
            + "|\\b4\\d\\d Client Error\\b|\\breturned (?:HTTP |status )?4\\d\\d\\b");
    // class names are case-sensitive: "OperationalError" is an exception, "terror" is not
    PATTERNS.put(
        EXCEPTION,
        Pattern.compile(
            "\\b[A-Z]\\w*(?:Exception|Error)\\b|Traceback \\(most recent call last\\)"
                // Go: a recovered panic (net/http, gin, chi Recoverer), a runtime error
                + "|panic recovered|recovered from panic|\\bruntime error: "
                // Go database drivers quote the server's error: lib/pq "pq: ...", pgx "(SQLSTATE
                // 57P01)"
                + "|\\bpq: |\\(SQLSTATE [0-9A-Z]{5}\\)"
                // Node's unhandled rejection, a Rust panic, Go's fatal runtime errors that are
                // bugs of the program (a concurrent map write, a deadlock)
                + "|UnhandledPromiseRejection|\\bpanicked at\\b"
                + "|^fatal error: (?:concurrent map|all goroutines are asleep)"));
  }

  private Signatures() {}

  private static void add(String name, String regex) {
    PATTERNS.put(name, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.MULTILINE));
  }

  /** The names of every signature {@code message} matches, sorted; empty for none. */
  public static Set<String> find(String message) {
    if (message == null || message.isEmpty()) {
      return new TreeSet<>();
    }
    Set<String> found = Compiled.MATCHER.find(message);
    boolean connectFailed = found.remove(CONNECT_FAILED_ENTRY);
    found.addAll(GenericEvidence.find(message));
    if (connectFailed && found.stream().noneMatch(CONNECT_REASONS::contains)) {
      found.add(REFUSED);
    }
    dropStoppedExecutor(message, found);
    return found;
  }

  /**
   * An executor that refuses work because it was shut down (Netty "event executor terminated", the
   * JDK's "[Terminated, pool size = 0" and "[Shutting down, pool size = 4", Elasticsearch's
   * "(shutdown)") says its service is stopping, not that its pool is full.
   */
  private static final Pattern STOPPED_EXECUTOR =
      Pattern.compile(
          "executor terminated|\\[(?:Terminated|Shutting down), pool size|\\(shutdown\\)",
          Pattern.CASE_INSENSITIVE);

  /** Takes a full pool back from {@code found} when the executor had stopped; see above. */
  static void dropStoppedExecutor(String message, Set<String> found) {
    if (found.contains(POOL_EXHAUSTED) && STOPPED_EXECUTOR.matcher(message).find()) {
      found.remove(POOL_EXHAUSTED);
    }
  }

  /** Every signature's expression by name, in the order they were added. */
  static Map<String, Pattern> table() {
    return Collections.unmodifiableMap(PATTERNS);
  }

  /** The expression of a bare connect failure, which counts as a refusal when nothing says why. */
  static Pattern connectFailed() {
    return CONNECT_FAILED;
  }

  /**
   * The whole table in one matcher, with the bare connect failure as one more entry. Built on first
   * use, after the static block above has run, so it holds every entry however it was added.
   */
  private static final class Compiled {
    static final SignatureMatcher MATCHER = new SignatureMatcher(entries());

    private static Map<String, Pattern> entries() {
      Map<String, Pattern> entries = new LinkedHashMap<>(PATTERNS);
      entries.put(CONNECT_FAILED_ENTRY, CONNECT_FAILED);
      return entries;
    }
  }

  /** True when {@code message} matches the signature called {@code name}. */
  public static boolean matches(String name, String message) {
    if (!PATTERNS.containsKey(name)) {
      throw new IllegalArgumentException("no signature named " + name);
    }
    return message != null && find(message).contains(name);
  }

  /** Every signature name. */
  public static Set<String> names() {
    return Collections.unmodifiableSet(PATTERNS.keySet());
  }
}
