package dev.logrca.rules.signature;

import static dev.logrca.rules.signature.Signatures.CERTIFICATE_EXPIRING;
import static dev.logrca.rules.signature.Signatures.CLIENTS_LOST;
import static dev.logrca.rules.signature.Signatures.CONFIG_WARNING;
import static dev.logrca.rules.signature.Signatures.DISK_PRESSURE;
import static dev.logrca.rules.signature.Signatures.MEMORY_PRESSURE;
import static dev.logrca.rules.signature.Signatures.OVERLOAD;
import static dev.logrca.rules.signature.Signatures.POOL_PRESSURE;

import java.util.function.BiConsumer;

/**
 * The signatures of warnings that come before a failure: a certificate about to expire,
 * configuration a service ignores, a pool that leaks, a disk or a heap filling up, a datastore that
 * cannot keep up, a server losing its clients' connections. Not a failure yet, so rules weigh them
 * lightly, and more when a service starts saying one again and again.
 */
final class EarlyWarnings {
  private EarlyWarnings() {}

  /** Hands each early warning's name and regular expression to {@code add}. */
  static void addTo(BiConsumer<String, String> add) {
    // keytool "The certificate will expire within 90 days", "certificate expires in 3 days"
    add.accept(
        CERTIFICATE_EXPIRING,
        // a renewal that names the new expiry is good news
        "certificate(?![^\\n]{0,120}?renew)[^\\n]{0,120}?(?:will expire|expires? (?:soon|in |within )"
            + "|is about to expire|expiring soon)");
    add.accept(
        CONFIG_WARNING,
        "unknown (?:configuration |config )?(?:key|property|parameter|setting|field)"
            + "|(?:ignoring|ignored) unknown|unrecognized configuration parameter"
            + "|(?:not set|not found|missing)[;,:]? (?:falling back|using (?:the )?default"
            + "|defaulting)");
    // HikariCP "Apparent connection leak detected", a pool or queue nearly full
    add.accept(
        POOL_PRESSURE,
        "Apparent connection leak detected|Connection leak detection triggered"
            + "|(?:pool|queue) is (?:nearly|almost) (?:exhausted|full)");
    // A disk filling up, before it is full: PostgreSQL failing to archive its write-ahead log (the
    // WAL then piles up on the data volume), Elasticsearch's low and high disk watermarks, the
    // kubelet's image filesystem over its high threshold, plain "low disk space" warnings.
    add.accept(
        DISK_PRESSURE,
        "archive command failed|archiving write-ahead log file .* failed too many times"
            + "|(?:low|high) disk watermark \\[[^\\]]*\\] exceeded"
            + "|disk usage (?:on \\S+ (?:filesystem )?)?is (?:at|over|above) \\d+%"
            + "|(?:low|running out of) disk space|disk space is (?:running )?low"
            + "|(?:file ?system|disk|volume) \\S* ?is (?:almost|nearly) full");
    // Memory filling up, before it runs out: the JVM's memory pool thresholds (as a
    // MemoryPoolMXBean listener words them), Elasticsearch's JvmGcMonitorService spending
    // seconds collecting, a heap or memory usage reported above 90%, Kubernetes memory pressure.
    add.accept(
        MEMORY_PRESSURE,
        "(?:collection )?usage threshold exceeded (?:for|on) (?:the )?memory pool"
            // a second or more spent collecting; a tenth of one is routine
            + "|\\[gc\\]\\[\\d+\\] overhead, spent \\[\\d+(?:\\.\\d+)?s\\] collecting in the last"
            + "|(?:heap|memory) (?:usage|used) (?:is )?(?:at|above|over) (?:9\\d|100)(?:\\.\\d+)?%"
            + "|NodeHasInsufficientMemory|NodeHasMemoryPressure");
    // A datastore saying it cannot keep up, before its clients time out: Redis closing clients
    // that read too slowly for their output buffers, or its AOF fsync stalling on a busy disk;
    // PostgreSQL's lock waits (log_lock_waits), checkpoints forced by WAL volume, autovacuum that
    // cannot start; InnoDB's page cleaner running behind, its buffer pool out of free pages, long
    // semaphore waits; nginx out of worker connections; the kernel's SYN flood protection.
    add.accept(
        OVERLOAD,
        "for overcoming of output buffer limits|AOF fsync is taking too long"
            + "|still waiting for \\w*Lock on|checkpoints are occurring too frequently"
            + "|autovacuum worker took too long to start"
            + "|page_cleaner: \\d+ms intended loop took \\d+ms"
            + "|Difficult to find free blocks in the buffer pool|Long semaphore wait"
            + "|worker_connections are not enough|Possible SYN flooding on port");
    // A server whose clients' connections break under it: PostgreSQL logs it at LOG ("could not
    // receive data from client: Connection reset by peer", "unexpected EOF on client connection"),
    // MySQL as a note ("Aborted connection 42 to db: ... (Got an error reading communication
    // packets)"). A client that crashes or is killed leaves one such line; a run of them, new to
    // the server, means the path to it is failing.
    add.accept(
        CLIENTS_LOST,
        "could not receive data from client|unexpected EOF on client connection"
            + "|Got an error reading communication packets");
  }
}
