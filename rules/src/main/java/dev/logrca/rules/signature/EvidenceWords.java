package dev.logrca.rules.signature;

import static dev.logrca.rules.signature.Signatures.CONFIG_ERROR;
import static dev.logrca.rules.signature.Signatures.CPU_SATURATION;
import static dev.logrca.rules.signature.Signatures.CRASH;
import static dev.logrca.rules.signature.Signatures.DISK_FULL;
import static dev.logrca.rules.signature.Signatures.DNS;
import static dev.logrca.rules.signature.Signatures.OUT_OF_MEMORY;
import static dev.logrca.rules.signature.Signatures.POOL_EXHAUSTED;
import static dev.logrca.rules.signature.Signatures.RELEASE;
import static dev.logrca.rules.signature.Signatures.RESET;
import static dev.logrca.rules.signature.Signatures.UNREACHABLE;

/** Plain words that any software uses for these conditions, matched in any case. */
final class EvidenceWords {
  static final EvidenceTable TABLE = new EvidenceTable();

  static {
    // PostgreSQL "out of memory", MySQL "Out of memory; check if mysqld...", YARN "running beyond
    // physical memory limits", Spark "Container killed by YARN for exceeding memory limits",
    // Elasticsearch's memory circuit breaker
    TABLE.words(
        "\\bout of memory\\b|running beyond (?:physical|virtual) memory limits"
            // HotSpot "There is insufficient memory for the Java Runtime Environment to
            // continue", .NET "Insufficient memory to continue the execution of the program"
            + "|insufficient memory (?:for|to continue)\\b"
            + "|exceeding memory limits|CircuitBreakingException",
        OUT_OF_MEMORY);
    // HDFS DSQuotaExceededException "The DiskSpace quota of ... is exceeded", ext4 remounting
    // read-only after an error, YARN's disk health checker "used space above threshold"
    TABLE.words(
        "DSQuotaExceeded|DiskSpace quota|Remounting filesystem read-only"
            + "|used space above threshold|local-dirs (?:are bad|usable space is below)",
        DISK_FULL);
    // the kernel's hung-task detector, Prometheus' CPUThrottlingHigh, an event loop held up
    TABLE.words(
        "blocked for more than \\d+ seconds|CPUThrottling|event loop (?:was )?(?:blocked|lag|delay)",
        CPU_SATURATION);
    // MySQL's client errors CR_SERVER_LOST and CR_SERVER_GONE_ERROR; the conntrack table
    TABLE.words(
        "Lost connection to (?:MySQL|MariaDB) server|(?:MySQL|MariaDB) server has gone away",
        RESET);
    // the conntrack or neighbour (ARP) table full, a network card that lost its link
    TABLE.words(
        "nf_conntrack: table full|neighbou?r table overflow|\\bNIC Link is Down\\b", UNREACHABLE);
    // libpq "server closed the connection unexpectedly", OkHttp "unexpected end of stream on"
    TABLE.words("closed the connection unexpectedly|unexpected end of stream on\\b", RESET);
    // nginx "host not found in upstream", "could not be resolved (3: Host not found)", Netty
    // "failed to resolve 'orders'", Kafka "DNS resolution failed", urllib3 NameResolutionError,
    // and a DNS query over UDP to port 53 timing out
    TABLE.words(
        "host not found|failed to resolve\\b|DNS resolution failed|NameResolutionError"
            + "|udp \\S+->\\S+:53: i/o timeout",
        DNS);
    // nginx "1024 worker_connections are not enough"
    TABLE.words("connections are not enough", POOL_EXHAUSTED);
    // Envoy "error initializing configuration", "error loading config", "error parsing config"
    TABLE.words(
        "error (?:initializing|loading|parsing|reading) (?:the )?config(?:uration)?\\b",
        CONFIG_ERROR);
    // the kernel on a crashed process: "redis-server[1234]: segfault at 0 ip ..."
    TABLE.words("\\bsegfault at [0-9a-f]+ ip\\b", CRASH);
    // start-up lines that name a version: PostgreSQL "starting PostgreSQL 16.2 on",
    // MySQL "(mysqld 8.0.36) starting as process 1"
    TABLE.words(
        "\\bstarting \\S+ v?\\d+\\.\\d+(?:\\.\\d+)?\\b|\\(\\S+ \\d+\\.\\d+\\.\\d+\\S*\\) starting",
        RELEASE);
  }

  private EvidenceWords() {}
}
