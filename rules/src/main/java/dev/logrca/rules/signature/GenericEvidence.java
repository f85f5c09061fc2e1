package dev.logrca.rules.signature;

import static dev.logrca.rules.signature.Signatures.CERTIFICATE;
import static dev.logrca.rules.signature.Signatures.CONFIG_ERROR;
import static dev.logrca.rules.signature.Signatures.CONNECTION_LIMIT;
import static dev.logrca.rules.signature.Signatures.CPU_SATURATION;
import static dev.logrca.rules.signature.Signatures.CRASH;
import static dev.logrca.rules.signature.Signatures.CRASH_LOOP;
import static dev.logrca.rules.signature.Signatures.CREDENTIALS;
import static dev.logrca.rules.signature.Signatures.DISK_FULL;
import static dev.logrca.rules.signature.Signatures.DNS;
import static dev.logrca.rules.signature.Signatures.NOT_READY;
import static dev.logrca.rules.signature.Signatures.OUT_OF_MEMORY;
import static dev.logrca.rules.signature.Signatures.POOL_EXHAUSTED;
import static dev.logrca.rules.signature.Signatures.PROBE_FAILED;
import static dev.logrca.rules.signature.Signatures.REFUSED;
import static dev.logrca.rules.signature.Signatures.RELEASE;
import static dev.logrca.rules.signature.Signatures.RESET;
import static dev.logrca.rules.signature.Signatures.SHUTDOWN;
import static dev.logrca.rules.signature.Signatures.TIMEOUT;
import static dev.logrca.rules.signature.Signatures.UNAVAILABLE;
import static dev.logrca.rules.signature.Signatures.UNREACHABLE;
import static dev.logrca.rules.signature.Signatures.UNSCHEDULABLE;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evidence that needs no product's wording: exception class names, errno names and numbers, HTTP
 * statuses, gRPC codes, SQLSTATE classes, Kubernetes event reasons, exit codes and the counters a
 * saturated pool prints. It answers with the names of {@link Signatures}, which unions them in.
 */
public final class GenericEvidence {
  /** Class-name and code words, matched case-sensitively: {@code ConfigException} is a type. */
  private static final Map<Pattern, String> NAMES = new LinkedHashMap<>();

  static {
    // java.util.concurrent, Spring's TaskRejectedException, Netty's RejectedExecutionException,
    // commons-pool's NoSuchElementException "Pool exhausted", Jedis JedisExhaustedPoolException
    name(
        "\\w*Reject(?:ed)?Execution\\w*|\\bTaskRejectedException|\\w*(?:Pool)?Exhausted\\w*Exception"
            + "|\\w*PoolExhausted\\w*",
        POOL_EXHAUSTED);
    // Spring Boot's BindException/BindValidationException, Kafka's ConfigException, Hadoop's,
    // Commons' and Log4j's ConfigurationException, Spring's InvalidConfigurationPropertyValue
    name(
        "\\b(?:org\\.springframework\\S*\\.)?Bind(?:Validation)?Exception\\b(?!: Address already)"
            + "|\\w*Config(?:uration)?Exception\\b|InvalidConfigurationProperty\\w*"
            + "|\\bPlaceholderResolutionException",
        CONFIG_ERROR);
    // .NET's System.OutOfMemoryException beside the JVM's errors
    name(
        "\\bOutOfMemoryError\\b|\\bOutOfDirectMemoryError\\b|\\bOutOfMemoryException\\b",
        OUT_OF_MEMORY);
    name(
        "\\w*(?:Socket|Connect|Read|Write|Request|Call|Query)Timeout(?:Exception|Error)\\b"
            + "|\\bDeadlineExceeded\\w*|\\bStatementTimeout\\w*",
        TIMEOUT);
    name("\\bUnknownHostException\\b|\\bUnresolvedAddressException\\b|\\bgaierror\\b", DNS);
    name(
        "\\bSSL(?:Handshake|PeerUnverified)Exception\\b|\\bSSLCertVerificationError\\b|\\bCertificate(?:Expired|NotYetValid)Exception\\b"
            + "|\\bCertPathValidatorException\\b|\\bSSLError\\b|\\bCertificateException\\b"
            + "|\\bSslAuthenticationException\\b",
        CERTIFICATE);
    name("\\bNoRouteToHostException\\b|\\bPortUnreachableException\\b", UNREACHABLE);
    // MySQL Connector/J "CommunicationsException: Communications link failure"
    name("\\bCommunicationsException\\b|\\bCommunications link failure\\b", UNAVAILABLE);
    // Hadoop's DiskChecker$DiskErrorException, DiskOutOfSpaceException
    name("\\bDiskErrorException\\b|\\bDiskOutOfSpaceException\\b", DISK_FULL);
    name("\\bConnectionResetError\\b|\\bBrokenPipeError\\b|\\bClosedChannelException\\b", RESET);
    name("\\bConnectionRefusedError\\b", REFUSED);
    // errno names: Linux <errno.h>, libuv's names in Node, getaddrinfo's EAI_* in Node and Python
    name("\\bE(?:DQUOT|ROFS|NOSPC)\\b", DISK_FULL);
    name("\\bE(?:HOSTUNREACH|NETUNREACH|HOSTDOWN|NETDOWN)\\b", UNREACHABLE);
    name("\\bECONNREFUSED\\b", REFUSED);
    name("\\bE(?:CONNRESET|CONNABORTED|PIPE)\\b", RESET);
    name("\\bETIMEDOUT\\b|\\bESOCKETTIMEDOUT\\b", TIMEOUT);
    name("\\bEAI_(?:AGAIN|NONAME|NODATA|FAIL)\\b|\\bENOTFOUND\\b", DNS);
    name("\\bE[MN]FILE\\b", POOL_EXHAUSTED);
    name("\\bENOMEM\\b", OUT_OF_MEMORY);
    // gRPC codes as Go ("code = Unavailable"), Java ("Status{code=UNAVAILABLE") and Python
    // ("StatusCode.UNAVAILABLE") print them
    name("\\bcode ?= ?ResourceExhausted\\b|\\bRESOURCE_EXHAUSTED\\b", POOL_EXHAUSTED);
    name("\\bcode ?= ?(?:Unauthenticated|PermissionDenied)\\b|\\bUNAUTHENTICATED\\b", CREDENTIALS);
    // Kubernetes event reasons at the start of "reason: message" or as Reason fields
    name("\\bUnhealthy\\b(?=[^\\n]{0,40}probe)", PROBE_FAILED);
    name("\\bFailedScheduling\\b", UNSCHEDULABLE);
    name("\\bCreateContainerConfigError\\b|\\bInvalidImageName\\b", CONFIG_ERROR);
    name("\\bBackOff\\b(?=[^\\n]{0,40}restarting)", CRASH_LOOP);
    name("\\bNodeNotReady\\b", UNAVAILABLE);
    name("\\bEvicted\\b(?=[^\\n]{0,80}low on resource: memory)", OUT_OF_MEMORY);
    // the kubelet could not free disk space by deleting images
    name("\\bFreeDiskSpaceFailed\\b", DISK_FULL);
  }

  /** Plain words that any software uses for these conditions, matched in any case. */
  private static final Map<Pattern, String> WORDS = new LinkedHashMap<>();

  static {
    // PostgreSQL "out of memory", MySQL "Out of memory; check if mysqld...", YARN "running beyond
    // physical memory limits", Spark "Container killed by YARN for exceeding memory limits",
    // Elasticsearch's memory circuit breaker
    words(
        "\\bout of memory\\b|running beyond (?:physical|virtual) memory limits"
            // HotSpot "There is insufficient memory for the Java Runtime Environment to
            // continue", .NET "Insufficient memory to continue the execution of the program"
            + "|insufficient memory (?:for|to continue)\\b"
            + "|exceeding memory limits|CircuitBreakingException",
        OUT_OF_MEMORY);
    // HDFS DSQuotaExceededException "The DiskSpace quota of ... is exceeded", ext4 remounting
    // read-only after an error, YARN's disk health checker "used space above threshold"
    words(
        "DSQuotaExceeded|DiskSpace quota|Remounting filesystem read-only"
            + "|used space above threshold|local-dirs (?:are bad|usable space is below)",
        DISK_FULL);
    // the kernel's hung-task detector, Prometheus' CPUThrottlingHigh, an event loop held up
    words(
        "blocked for more than \\d+ seconds|CPUThrottling|event loop (?:was )?(?:blocked|lag|delay)",
        CPU_SATURATION);
    // MySQL's client errors CR_SERVER_LOST and CR_SERVER_GONE_ERROR; the conntrack table
    words(
        "Lost connection to (?:MySQL|MariaDB) server|(?:MySQL|MariaDB) server has gone away",
        RESET);
    // the conntrack or neighbour (ARP) table full, a network card that lost its link
    words("nf_conntrack: table full|neighbou?r table overflow|\\bNIC Link is Down\\b", UNREACHABLE);
    // libpq "server closed the connection unexpectedly", OkHttp "unexpected end of stream on"
    words("closed the connection unexpectedly|unexpected end of stream on\\b", RESET);
    // nginx "host not found in upstream", "could not be resolved (3: Host not found)", Netty
    // "failed to resolve 'orders'", Kafka "DNS resolution failed", urllib3 NameResolutionError,
    // and a DNS query over UDP to port 53 timing out
    words(
        "host not found|failed to resolve\\b|DNS resolution failed|NameResolutionError"
            + "|udp \\S+->\\S+:53: i/o timeout",
        DNS);
    // nginx "1024 worker_connections are not enough"
    words("connections are not enough", POOL_EXHAUSTED);
    // Envoy "error initializing configuration", "error loading config", "error parsing config"
    words(
        "error (?:initializing|loading|parsing|reading) (?:the )?config(?:uration)?\\b",
        CONFIG_ERROR);
    // the kernel on a crashed process: "redis-server[1234]: segfault at 0 ip ..."
    words("\\bsegfault at [0-9a-f]+ ip\\b", CRASH);
    // start-up lines that name a version: PostgreSQL "starting PostgreSQL 16.2 on",
    // MySQL "(mysqld 8.0.36) starting as process 1"
    words(
        "\\bstarting \\S+ v?\\d+\\.\\d+(?:\\.\\d+)?\\b|\\(\\S+ \\d+\\.\\d+\\.\\d+\\S*\\) starting",
        RELEASE);
  }

  /** Numeric codes; each pattern's first group is the code. */
  private static final Pattern SQLSTATE =
      Pattern.compile("SQL ?State\\W{0,4}([0-9A-Z]{5})\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern ERRNO =
      Pattern.compile(
          "\\[Errno (-?\\d+)\\]|\\berrno[ =:(]{1,3}(-?\\d+)|\\(os error (\\d+)\\)",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern EXIT_CODE =
      Pattern.compile(
          "\\bexit(?:ed)?(?: with)?[ _]?(?:code|status)\\W{0,3}(\\d{3})\\b"
              + "|\\bexitCode\\W{0,3}(\\d{3})\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern HTTP_STATUS =
      Pattern.compile(
          "\\b(?:HTTP(?:/\\d(?:\\.\\d)?)?|status(?:[ _]?code)?|response code|code)\\W{0,3}(50[34])\\b"
              + "|\\b(50[34]) (?:Service Unavailable|Gateway Time-?out)",
          Pattern.CASE_INSENSITIVE);

  /**
   * Spring's and the JDK's ThreadPoolExecutor#toString: "pool size = 200, active threads = 200".
   */
  private static final Pattern THREAD_POOL =
      Pattern.compile("pool size = (\\d+), active threads = (\\d+)");

  /** HikariCP "(total=10, active=10, idle=0, waiting=3)", Tomcat "[size:100; busy:100; idle:0". */
  private static final Pattern CONNECTION_POOL =
      Pattern.compile(
          "total=(\\d+), active=(\\d+), idle=0, waiting=[1-9]|size:(\\d+); busy:(\\d+); idle:0");

  private static final String SQLSTATE_ENTRY = "code:sqlstate";
  private static final String ERRNO_ENTRY = "code:errno";
  private static final String EXIT_CODE_ENTRY = "code:exit";
  private static final String HTTP_STATUS_ENTRY = "code:http";
  private static final String THREAD_POOL_ENTRY = "code:thread-pool";
  private static final String CONNECTION_POOL_ENTRY = "code:connection-pool";

  private GenericEvidence() {}

  private static void name(String regex, String signature) {
    NAMES.put(Pattern.compile(regex), signature);
  }

  private static void words(String regex, String signature) {
    WORDS.put(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), signature);
  }

  /** The signature names the generic evidence in {@code message} supports; empty for none. */
  public static Set<String> find(String message) {
    if (message == null || message.isEmpty()) {
      return new TreeSet<>();
    }
    // the literal prefilter leaves only the few expressions whose words the line holds
    return conclude(message, Compiled.MATCHER.find(message));
  }

  /** As {@link #find}, every expression run in turn: the reference the prefilter must equal. */
  static Set<String> findEachInTurn(String message) {
    if (message == null || message.isEmpty()) {
      return new TreeSet<>();
    }
    Set<String> hits = new TreeSet<>();
    Compiled.ENTRIES.forEach(
        (key, pattern) -> {
          if (pattern.matcher(message).find()) {
            hits.add(key);
          }
        });
    return conclude(message, hits);
  }

  /** The signatures of the expressions that found a match ({@code hits}, by entry key). */
  private static Set<String> conclude(String message, Set<String> hits) {
    Set<String> found = new TreeSet<>();
    for (String hit : hits) {
      String signature = Compiled.SIGNATURES.get(hit);
      if (signature != null) {
        found.add(signature);
      }
    }
    // the numeric codes need their number read before they mean anything
    if (hits.contains(SQLSTATE_ENTRY)) {
      addSqlState(message, found);
    }
    if (hits.contains(ERRNO_ENTRY)) {
      addErrno(message, found);
    }
    if (hits.contains(EXIT_CODE_ENTRY)) {
      addExitCode(message, found);
    }
    if (hits.contains(HTTP_STATUS_ENTRY)) {
      addHttpStatus(message, found);
    }
    if (hits.contains(THREAD_POOL_ENTRY) || hits.contains(CONNECTION_POOL_ENTRY)) {
      addSaturatedPool(message, found);
    }
    return found;
  }

  /**
   * Every expression of the tables and the codes in one literal-prefiltered matcher, keyed {@code
   * name:i}, {@code words:i} or the code's entry name. Built on first use, after the static blocks
   * above have filled the tables.
   */
  private static final class Compiled {
    static final Map<String, Pattern> ENTRIES = new LinkedHashMap<>();
    static final Map<String, String> SIGNATURES = new LinkedHashMap<>();

    static {
      int i = 0;
      for (Map.Entry<Pattern, String> e : NAMES.entrySet()) {
        ENTRIES.put("name:" + i, e.getKey());
        SIGNATURES.put("name:" + i++, e.getValue());
      }
      for (Map.Entry<Pattern, String> e : WORDS.entrySet()) {
        ENTRIES.put("words:" + i, e.getKey());
        SIGNATURES.put("words:" + i++, e.getValue());
      }
      ENTRIES.put(SQLSTATE_ENTRY, SQLSTATE);
      ENTRIES.put(ERRNO_ENTRY, ERRNO);
      ENTRIES.put(EXIT_CODE_ENTRY, EXIT_CODE);
      ENTRIES.put(HTTP_STATUS_ENTRY, HTTP_STATUS);
      ENTRIES.put(THREAD_POOL_ENTRY, THREAD_POOL);
      ENTRIES.put(CONNECTION_POOL_ENTRY, CONNECTION_POOL);
    }

    static final SignatureMatcher MATCHER = new SignatureMatcher(ENTRIES);
  }

  /** PostgreSQL's SQLSTATE classes (Appendix A, errcodes.txt), which JDBC drivers repeat. */
  private static void addSqlState(String message, Set<String> found) {
    Matcher m = SQLSTATE.matcher(message);
    while (m.find()) {
      String code = m.group(1).toUpperCase(java.util.Locale.ROOT);
      switch (code) {
        case "53100" -> found.add(DISK_FULL);
        case "53200" -> found.add(OUT_OF_MEMORY);
        case "53300" -> found.add(CONNECTION_LIMIT);
        case "57P01", "57P02" -> found.add(SHUTDOWN);
        case "57P03" -> found.add(NOT_READY);
        case "57014" -> found.add(TIMEOUT);
        case "3D000", "53400", "F0000", "F0001" -> found.add(CONFIG_ERROR);
        default -> addSqlStateClass(code.substring(0, 2), found);
      }
    }
  }

  private static void addSqlStateClass(String sqlClass, Set<String> found) {
    switch (sqlClass) {
      case "08" -> found.add(REFUSED);
      case "28" -> found.add(CREDENTIALS);
      case "53" -> found.add(POOL_EXHAUSTED);
      default -> {
        // 42 (syntax, undefined table), 23 (constraints), 40 (rollbacks) are the application's
        // own errors, which the exception signature already carries
      }
    }
  }

  /** Linux errno numbers as Python ("[Errno 28]"), MySQL ("errno: 28") and Rust print them. */
  private static void addErrno(String message, Set<String> found) {
    Matcher m = ERRNO.matcher(message);
    while (m.find()) {
      String number =
          m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
      switch (number) {
        case "28", "122", "30" -> found.add(DISK_FULL);
        case "111" -> found.add(REFUSED);
        case "113", "101", "112" -> found.add(UNREACHABLE);
        case "110" -> found.add(TIMEOUT);
        case "104", "32", "103" -> found.add(RESET);
        case "24", "23" -> found.add(POOL_EXHAUSTED);
        case "12" -> found.add(OUT_OF_MEMORY);
        // getaddrinfo: EAI_NONAME (-2), EAI_AGAIN (-3), EAI_FAIL (-4), EAI_NODATA (-5)
        case "-2", "-3", "-4", "-5" -> found.add(DNS);
        default -> {
          // other errnos (EACCES, ENOENT...) are the service's own failures
        }
      }
    }
  }

  /** 137 is SIGKILL, in a container almost always the OOM killer; 143 SIGTERM; 134/139 crashes. */
  private static void addExitCode(String message, Set<String> found) {
    Matcher m = EXIT_CODE.matcher(message);
    while (m.find()) {
      String code = m.group(1) != null ? m.group(1) : m.group(2);
      switch (code) {
        case "137" -> found.add(OUT_OF_MEMORY);
        case "143" -> found.add(SHUTDOWN);
        case "134", "139" -> found.add(CRASH);
        default -> {
          // other codes are the program's own, which CRASH's "exited with code" covers
        }
      }
    }
  }

  /** 503 is a callee with nothing to serve, 504 a callee too slow; 500 is the app's own error. */
  private static void addHttpStatus(String message, Set<String> found) {
    Matcher m = HTTP_STATUS.matcher(message);
    while (m.find()) {
      String code = m.group(1) != null ? m.group(1) : m.group(2);
      found.add(code.equals("503") ? UNAVAILABLE : TIMEOUT);
    }
  }

  /** A pool whose every worker or connection is busy (and, for connections, has waiters). */
  private static void addSaturatedPool(String message, Set<String> found) {
    Matcher threads = THREAD_POOL.matcher(message);
    // an empty pool (a stopped executor's "pool size = 0, active threads = 0") is not a busy one
    if (threads.find()
        && threads.group(1).equals(threads.group(2))
        && !threads.group(1).equals("0")) {
      found.add(POOL_EXHAUSTED);
    }
    Matcher connections = CONNECTION_POOL.matcher(message);
    if (connections.find()) {
      String size = connections.group(1) != null ? connections.group(1) : connections.group(3);
      String busy = connections.group(2) != null ? connections.group(2) : connections.group(4);
      if (size.equals(busy) && !size.equals("0")) {
        found.add(POOL_EXHAUSTED);
      }
    }
  }
}
