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
    Outages.addTo(Signatures::add);
    ExhaustedResources.addTo(Signatures::add);
    Deployments.addTo(Signatures::add);
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
