package dev.logrca.rules.signature;

import static dev.logrca.rules.signature.Signatures.BROKER;
import static dev.logrca.rules.signature.Signatures.CRASH;
import static dev.logrca.rules.signature.Signatures.NOT_READY;
import static dev.logrca.rules.signature.Signatures.REFUSED;
import static dev.logrca.rules.signature.Signatures.RESET;
import static dev.logrca.rules.signature.Signatures.SHUTDOWN;
import static dev.logrca.rules.signature.Signatures.TIMEOUT;
import static dev.logrca.rules.signature.Signatures.UNAVAILABLE;
import static dev.logrca.rules.signature.Signatures.UNREACHABLE;

import java.util.function.BiConsumer;

/**
 * The signatures of a service going away or of a call to it failing: a shutdown or a crash, a
 * refused, reset, unreachable or timed-out connection, a server not ready or unavailable, a Kafka
 * broker that lost its partitions.
 */
final class Outages {
  private Outages() {}

  /** Hands each signature's name and regular expression to {@code add}, in the table's order. */
  static void addTo(BiConsumer<String, String> add) {
    add.accept(
        SHUTDOWN,
        "the database system is (?:shutting down|shut down)|received (?:smart|fast|immediate)"
            + " shutdown request|terminating connection due to administrator command"
            + "|\\bshutting down\\b|shutdown (?:initiated|in progress|complete)|ready to exit"
            + "|received SIGTERM|server is going down|user requested shutdown");
    add.accept(
        CRASH,
        "^panic: |segmentation fault|SIGSEGV|core dumped|was terminated by signal"
            + "|terminated unexpectedly|exited with (?:exit )?code [1-9]|process exited abnormally");
    add.accept(
        REFUSED,
        "connection refused|ECONNREFUSED|Connection to \\S+ refused|Can't connect to (?:MySQL|MariaDB)"
            + " server|actively refused|upstream connect error or disconnect/reset before headers"
            + "[^\\n]*(?:connection failure|refused)|Could not connect to Redis");
    add.accept(
        UNAVAILABLE,
        // Envoy's access log writes the response detail as no_healthy_upstream
        "no live upstreams|no[ _]healthy[ _]upstream|503 Service Unavailable|\\bUNAVAILABLE\\b"
            + "|service unavailable");
    add.accept(
        NOT_READY,
        "\\bLOADING\\b.*loading the dataset|the database system is starting up"
            + "|not yet accepting connections|the database system is in recovery mode");
    add.accept(
        BROKER,
        "NotLeaderForPartition|NOT_LEADER_(?:FOR_PARTITION|OR_FOLLOWER)|LEADER_NOT_AVAILABLE"
            + "|NotLeaderOrFollower|Broker may not be available|Disconnected from node");
    add.accept(
        TIMEOUT,
        "timed? ?out\\b|deadline exceeded|DEADLINE_EXCEEDED|ETIMEDOUT|i/o timeout"
            + "|SocketTimeoutException|TimeoutException|upstream timed out|took too long"
            // Redis "Asynchronous AOF fsync is taking too long"
            + "|taking too long|slow (?:query|request|response)"
            // "payment provider responding slowly", "upstream responds too slowly"
            + "|respond(?:ing|s)? (?:too )?slowly");
    add.accept(
        UNREACHABLE,
        "no route to host|EHOSTUNREACH|network is unreachable|ENETUNREACH|host is unreachable");
    add.accept(RESET, "connection reset|ECONNRESET|broken pipe|EPIPE|reset before headers");
  }
}
