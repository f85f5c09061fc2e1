package dev.logrca.rules.resource;

import static dev.logrca.rules.testing.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Level;
import dev.logrca.rules.fact.EvidenceLine;
import dev.logrca.rules.fact.Hypothesis;
import dev.logrca.rules.testing.RuleSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceRulesTest {
  private final RuleSession rules = new RuleSession();

  @AfterEach
  void close() {
    rules.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space",
        "java.lang.OutOfMemoryError: GC overhead limit exceeded",
        "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory",
        "Last State: Terminated, Reason: OOMKilled, Exit Code: 137"
      })
  void memoryExhaustionIsOutOfMemory(String message) {
    rules.log(line("payment", 0, Level.ERROR, message), null);
    Hypothesis h = rules.concluded("Service runs out of memory");
    assertThat(h.getService()).isEqualTo("payment");
    assertThat(h.getCategory()).isEqualTo("resource.out_of_memory");
    assertThat(h.getEvidence()).extracting(EvidenceLine::message).containsExactly(message);
  }

  @Test
  void theKernelsOomKillBlamesTheKilledProcess() {
    rules.log(
        line(
            "kernel",
            0,
            Level.ERROR,
            "Out of memory: Killed process 4242 (postgres) total-vm:2048000kB"),
        "postgres");
    assertThat(rules.concluded("Service runs out of memory").getService()).isEqualTo("postgres");
  }

  @Test
  void redisRefusingWritesOverMaxmemoryBlamesRedis() {
    rules.log(
        line("cart", 0, Level.ERROR, "OOM command not allowed when used memory > 'maxmemory'."),
        "redis");
    assertThat(rules.concluded("Service runs out of memory").getService()).isEqualTo("redis");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "could not write to file \"pg_wal/xlogtemp.123\": No space left on device",
        "ERROR: could not extend file \"base/16384/16385\": No space left on device",
        "write /var/lib/app/data.db: no space left on device",
        "open /data/x: read-only file system"
      })
  void aFullDiskIsDiskFull(String message) {
    rules.log(line("postgres", 0, Level.ERROR, message), null);
    Hypothesis h = rules.concluded("Service runs out of disk space");
    assertThat(h.getService()).isEqualTo("postgres");
    assertThat(h.getCategory()).isEqualTo("resource.disk_full");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "HikariPool-1 - Connection is not available, request timed out after 30000ms.",
        "java.util.concurrent.RejectedExecutionException: Task rejected from"
            + " ThreadPoolExecutor[Running, pool size = 200, queue full]",
        "accept4: too many open files"
      })
  void exhaustedPoolsArePoolExhausted(String message) {
    rules.log(line("payment", 0, Level.ERROR, message), null);
    Hypothesis h = rules.concluded("Service exhausts its connection or thread pool");
    assertThat(h.getService()).isEqualTo("payment");
    assertThat(h.getCategory()).isEqualTo("resource.pool_exhausted");
  }

  @Test
  void tooManyConnectionsBlamesTheDatastore() {
    rules.log(
        line("orders", 0, Level.ERROR, "SQLSTATE[HY000] [1040] Too many connections"), "mysql");
    rules.log(line("postgres", 1, Level.FATAL, "sorry, too many clients already"), null);
    assertThat(rules.hypotheses())
        .filteredOn(h -> h.getRule().equals("Datastore runs out of connection slots"))
        .extracting(Hypothesis::getService)
        .containsExactlyInAnyOrder("mysql", "postgres");
  }

  @Test
  void jvmPausesAreCpuSaturation() {
    rules.log(
        line(
            "hbase",
            0,
            Level.WARN,
            "Detected pause in JVM or host machine (eg GC): pause of approximately 12004ms"),
        null);
    Hypothesis h = rules.concluded("Service is starved of CPU");
    assertThat(h.getCategory()).isEqualTo("resource.cpu_saturation");
  }

  @Test
  void oneJvmPauseIsWeakRepeatedPausesAreSure() {
    String pause = "Detected pause in JVM or host machine (eg GC): pause of approximately 1923ms";
    rules.log(line("checkout", 0, Level.WARN, pause), null);
    assertThat(rules.concluded("Service is starved of CPU").getConfidence()).isLessThan(0.5);
    assertThat(rules.hypotheses())
        .noneMatch(h -> h.getRule().equals("Service keeps being starved of CPU"));
    rules.log(line("checkout", 20, Level.WARN, pause), null);
    rules.log(line("checkout", 40, Level.WARN, pause), null);
    Hypothesis sure = rules.concluded("Service keeps being starved of CPU");
    assertThat(sure.getService()).isEqualTo("checkout");
    assertThat(sure.getConfidence()).isGreaterThanOrEqualTo(0.5);
  }

  @Test
  void pausesBeforeAnOutOfMemoryErrorAreMemoryPressure() {
    String pause = "Detected pause in JVM or host machine (eg GC): pause of approximately 4447ms";
    rules.log(line("inventory", 0, Level.WARN, pause), null);
    rules.log(
        line("inventory", 90, Level.ERROR, "java.lang.OutOfMemoryError: Java heap space"), null);
    Hypothesis h = rules.concluded("Memory runs out after the JVM pauses again and again");
    assertThat(h.getCategory()).isEqualTo("resource.out_of_memory");
    assertThat(h.getFirstSeen()).isEqualTo(dev.logrca.rules.testing.Lines.at(0));
    assertThat(h.getEvidence()).extracting(EvidenceLine::message).contains(pause);
  }
}
