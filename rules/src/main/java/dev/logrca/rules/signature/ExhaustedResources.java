package dev.logrca.rules.signature;

import static dev.logrca.rules.signature.Signatures.CONNECTION_LIMIT;
import static dev.logrca.rules.signature.Signatures.CPU_SATURATION;
import static dev.logrca.rules.signature.Signatures.DISK_FULL;
import static dev.logrca.rules.signature.Signatures.OUT_OF_MEMORY;
import static dev.logrca.rules.signature.Signatures.POOL_EXHAUSTED;

import java.util.function.BiConsumer;

/**
 * The signatures of a resource running out: a full disk, memory, CPU time, a thread or connection
 * pool, a datastore's connection limit.
 */
final class ExhaustedResources {
  private ExhaustedResources() {}

  /** Hands each signature's name and regular expression to {@code add}, in the table's order. */
  static void addTo(BiConsumer<String, String> add) {
    add.accept(
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
    add.accept(
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
    add.accept(
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
    add.accept(
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
    add.accept(
        CONNECTION_LIMIT,
        "Too many connections|too many clients already|remaining connection slots are reserved"
            + "|max number of clients reached|max_connections"
            // PgBouncer "no more connections allowed (max_client_conn)", MongoDB "connection
            // refused because too many open connections"
            + "|no more connections allowed|too many open connections");
  }
}
