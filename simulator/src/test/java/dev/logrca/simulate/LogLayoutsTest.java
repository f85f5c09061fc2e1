package dev.logrca.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogLayoutsTest {
  private static final long T = Instant.parse("2026-11-27T10:00:00.123Z").toEpochMilli();

  @TempDir Path dir;

  @Test
  void javaLayoutsPrintHeaderThenStackTrace() throws IOException {
    LogSink spring = new LogSink(dir.resolve("checkout.log"));
    LogSink log4j = new LogSink(dir.resolve("inventory.log"));
    JavaLog.springBoot(spring)
        .line(T, "INFO", "http-nio-8080-exec-1", "c.e.checkout.OrderController", "hello");
    JavaLog.log4j(log4j)
        .line(
            T + 1000,
            "ERROR",
            "pool-1-thread-3",
            "com.example.inventory.StockService",
            "failed",
            new JavaTrace("java.lang.IllegalStateException: boom", "a.B.c(B.java:1)")
                .causedBy("java.io.IOException: io", 3, "d.E.f(E.java:2)")
                .toString());
    spring.close();
    log4j.close();

    assertThat(Files.readAllLines(dir.resolve("checkout.log")))
        .containsExactly(
            "2026-11-27 10:00:00.123  INFO 1 --- [nio-8080-exec-1] c.e.checkout.OrderController"
                + "             : hello");
    assertThat(Files.readAllLines(dir.resolve("inventory.log")))
        .containsExactly(
            "2026-11-27 10:00:01,123 ERROR [pool-1-thread-3] com.example.inventory.StockService -"
                + " failed",
            "java.lang.IllegalStateException: boom",
            "\tat a.B.c(B.java:1)",
            "Caused by: java.io.IOException: io",
            "\tat d.E.f(E.java:2)",
            "\t... 3 common frames omitted");
    assertThat(log4j.lines()).isEqualTo(6);
  }

  @Test
  void datastoreAndNginxLayouts() throws IOException {
    LogSink postgres = new LogSink(dir.resolve("postgres.log"));
    LogSink redis = new LogSink(dir.resolve("redis.log"));
    LogSink gateway = new LogSink(dir.resolve("gateway.log"));
    new DatastoreLogs(postgres, redis).postgres(T, 1234, "LOG", "checkpoint starting: time");
    new DatastoreLogs(postgres, redis).redis(T, 1, 'M', '*', "DB saved on disk");
    new NginxLog(gateway).notice(T, "warn", "something");
    postgres.close();
    redis.close();
    gateway.close();

    assertThat(Files.readString(dir.resolve("postgres.log")))
        .isEqualTo("2026-11-27 10:00:00.123 UTC [1234] LOG:  checkpoint starting: time\n");
    assertThat(Files.readString(dir.resolve("redis.log")))
        .isEqualTo("1:M 27 Nov 2026 10:00:00.123 * DB saved on disk\n");
    assertThat(Files.readString(dir.resolve("gateway.log")))
        .isEqualTo("2026/11/27 10:00:00 [warn] 29#29: something\n");
    assertThat(DatastoreLogs.millis(0.4125)).isEqualTo("0.413");
    assertThat(DatastoreLogs.millis(1043.05)).isEqualTo("1043.050");
  }

  @Test
  void jsonLinesEscapeWhatTheyCarry() throws IOException {
    LogSink frontend = new LogSink(dir.resolve("frontend.log"));
    LogSink payment = new LogSink(dir.resolve("payment.log"));
    new PinoLog(frontend, "frontend-1").line(T, PinoLog.ERROR, "ab", "say \"hi\"\n", "n", 3);
    new ZapLog(payment).line(T, "error", "x.go:1", "m", null, "stacktrace", "a\n\tb\\c");
    frontend.close();
    payment.close();

    ObjectMapper json = new ObjectMapper();
    JsonNode pino = json.readTree(Files.readAllLines(dir.resolve("frontend.log")).get(0));
    assertThat(pino.path("level").asInt()).isEqualTo(50);
    assertThat(pino.path("time").asLong()).isEqualTo(T);
    assertThat(pino.path("trace_id").asText()).isEqualTo("ab");
    assertThat(pino.path("n").isInt()).isTrue();
    assertThat(pino.path("msg").asText()).isEqualTo("say \"hi\"\n");
    List<String> zapLines = Files.readAllLines(dir.resolve("payment.log"));
    assertThat(zapLines).hasSize(1);
    JsonNode zap = json.readTree(zapLines.get(0));
    assertThat(zap.path("ts").asText()).isEqualTo("2026-11-27T10:00:00.123Z");
    assertThat(zap.path("stacktrace").asText()).isEqualTo("a\n\tb\\c");
    assertThat(zap.has("trace_id")).isFalse();
  }

  @Test
  void aSinkWritesInEventTimeOrderAndOnlyWhatIsDue() throws IOException {
    LogSink sink = new LogSink(dir.resolve("x.log"));
    sink.add(T + 30, "third");
    sink.add(T + 10, "first");
    sink.add(T + 10, "second");
    sink.add(T + 2000, "later");
    sink.flushBefore(T + 1000);
    assertThat(sink.lines()).isEqualTo(3);
    sink.close();
    assertThat(Files.readAllLines(dir.resolve("x.log")))
        .containsExactly("first", "second", "third", "later");
  }
}
