package dev.logrca.core.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Level;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlainLineDecoderTest {
  private final PlainLineDecoder decoder =
      new PlainLineDecoder(new TimestampParser(ZoneOffset.UTC, 2026));

  private static long at(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1.2.3.4 - - [27/Nov/2026:10:00:00 +0000] \"GET /x HTTP/1.1\" 502 157 \"-\" \"curl/8\" | ERROR",
        "1.2.3.4 - bob [27/Nov/2026:10:00:00 +0000] \"POST /login HTTP/1.1\" 401 0           | WARN",
        "::1 - - [27/Nov/2026:10:00:00 +0000] \"GET / HTTP/2.0\" 200 612                   | INFO",
      })
  void readsAccessLogLines(String line, Level level) {
    PlainLine p = decoder.decode(line);

    assertThat(p.hasTimestamp()).isTrue();
    assertThat(p.timestamp()).isEqualTo(at("2026-11-27T10:00:00Z"));
    assertThat(p.level()).isEqualTo(level);
    assertThat(p.message()).startsWith("\"").contains(" HTTP/");
    assertThat(p.attributes()).containsKeys("client", "status");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "LOG:  database system is ready to accept connections     | INFO",
        "FATAL:  the database system is shutting down             | FATAL",
        "ERROR:  relation \"users\" does not exist                  | ERROR",
        "PANIC:  could not write to file \"pg_wal/xlogtemp.123\"    | FATAL",
        "WARNING:  there is no transaction in progress            | WARN",
      })
  void readsPostgresqlLines(String rest, Level level) {
    PlainLine p = decoder.decode("2026-11-27 10:00:03.123 UTC [123] " + rest);

    assertThat(p.timestamp()).isEqualTo(at("2026-11-27T10:00:03.123Z"));
    assertThat(p.level()).isEqualTo(level);
    assertThat(p.message()).isEqualTo(rest.substring(rest.indexOf(':') + 1).strip());
    assertThat(p.attributes()).containsEntry("pid", "123");
  }

  @Test
  void readsLog4jAndLogbackLines() {
    PlainLine log4j =
        decoder.decode(
            "2026-11-27 10:00:03,123 ERROR [http-nio-8080-exec-1] com.x.PaymentService - charge failed");
    PlainLine logback = decoder.decode("2026-11-27 10:00:03.123 [main] WARN  c.e.Foo - slow call");
    PlainLine colon =
        decoder.decode("2015-10-18 18:01:47,978 INFO [main] org.apache.hadoop.X: Created thing");

    assertThat(log4j.level()).isEqualTo(Level.ERROR);
    assertThat(log4j.logger()).isEqualTo("com.x.PaymentService");
    assertThat(log4j.message()).isEqualTo("charge failed");
    assertThat(log4j.attributes()).containsEntry("thread", "http-nio-8080-exec-1");
    assertThat(logback.level()).isEqualTo(Level.WARN);
    assertThat(logback.logger()).isEqualTo("c.e.Foo");
    assertThat(logback.message()).isEqualTo("slow call");
    assertThat(colon.logger()).isEqualTo("org.apache.hadoop.X");
    assertThat(colon.message()).isEqualTo("Created thing");
  }

  @Test
  void readsPythonAndBracketedTimestampLines() {
    PlainLine python =
        decoder.decode("2026-11-27 10:00:03,123 - myapp.db - ERROR - pool exhausted");
    PlainLine bracketed = decoder.decode("[2026-11-27T10:00:03.123Z] [error] upstream timed out");

    assertThat(python.level()).isEqualTo(Level.ERROR);
    assertThat(python.logger()).isEqualTo("myapp.db");
    assertThat(python.message()).isEqualTo("pool exhausted");
    assertThat(bracketed.timestamp()).isEqualTo(at("2026-11-27T10:00:03.123Z"));
    assertThat(bracketed.level()).isEqualTo(Level.ERROR);
    assertThat(bracketed.message()).isEqualTo("upstream timed out");
  }

  @Test
  void readsRedisLines() {
    PlainLine p =
        decoder.decode(
            "1:M 27 Nov 2026 10:08:02.837 # Asynchronous AOF fsync is taking too long (disk is"
                + " busy?).");
    assertThat(p.timestamp()).isEqualTo(at("2026-11-27T10:08:02.837Z"));
    assertThat(p.level()).isEqualTo(Level.WARN);
    assertThat(p.message()).startsWith("Asynchronous AOF fsync");
    assertThat(p.attributes()).containsEntry("pid", "1").containsEntry("role", "M");

    PlainLine child = decoder.decode("8325:C 27 Nov 2026 10:00:41.376 * DB saved on disk");
    assertThat(child.level()).isEqualTo(Level.INFO);
    assertThat(child.message()).isEqualTo("DB saved on disk");
  }

  @Test
  void readsKlogLines() {
    PlainLine p =
        decoder.decode("E1127 10:00:03.123456   12345 reflector.go:138] failed to list pods");

    assertThat(p.level()).isEqualTo(Level.ERROR);
    assertThat(p.timestamp()).isEqualTo(at("2026-11-27T10:00:03.123Z"));
    assertThat(p.logger()).isEqualTo("reflector.go:138");
    assertThat(p.message()).isEqualTo("failed to list pods");
  }

  @Test
  void aSingleLetterCountsAsALevelOnlyInKlogShape() {
    PlainLine p = decoder.decode("2026-11-27 10:00:03 E something happened");

    assertThat(p.level()).isEqualTo(Level.UNKNOWN);
    assertThat(p.message()).isEqualTo("E something happened");
  }

  @Test
  void readsSyslogLines() {
    PlainLine p =
        decoder.decode("<27>Nov 27 10:00:03 web-1 sshd[4242]: Connection closed by 10.0.0.1");

    assertThat(p.timestamp()).isEqualTo(at("2026-11-27T10:00:03Z"));
    assertThat(p.host()).isEqualTo("web-1");
    assertThat(p.logger()).isEqualTo("sshd");
    assertThat(p.level()).as("priority 27 is severity 3").isEqualTo(Level.ERROR);
    assertThat(p.attributes()).containsEntry("pid", "4242");
    assertThat(p.message()).isEqualTo("Connection closed by 10.0.0.1");
  }

  @Test
  void readsApacheErrorLines() {
    PlainLine p =
        decoder.decode(
            "[Fri Nov 27 10:00:03.123456 2026] [proxy:error] [pid 123:tid 456] AH00959: failed");

    assertThat(p.timestamp()).isEqualTo(at("2026-11-27T10:00:03.123Z"));
    assertThat(p.level()).isEqualTo(Level.ERROR);
    assertThat(p.message()).isEqualTo("AH00959: failed");
  }

  @Test
  void aLineWithoutHeaderIsItsOwnMessage() {
    PlainLine trace = decoder.decode("\tat com.x.Foo.bar(Foo.java:42)");
    PlainLine cause = decoder.decode("Caused by: java.net.ConnectException: Connection refused");
    PlainLine words = decoder.decode("Error handling request");

    assertThat(trace.hasTimestamp()).isFalse();
    assertThat(trace.message()).isEqualTo("\tat com.x.Foo.bar(Foo.java:42)");
    assertThat(cause.level()).isEqualTo(Level.UNKNOWN);
    assertThat(cause.message())
        .isEqualTo("Caused by: java.net.ConnectException: Connection refused");
    assertThat(words.level()).isEqualTo(Level.UNKNOWN);
    assertThat(words.message()).isEqualTo("Error handling request");
  }

  @Test
  void aLevelFirstLineWithoutTimestampKeepsItsLevel() {
    PlainLine p = decoder.decode("WARNING: low disk space");

    assertThat(p.hasTimestamp()).isFalse();
    assertThat(p.level()).isEqualTo(Level.WARN);
    assertThat(p.message()).isEqualTo("low disk space");
  }

  @Test
  void readsLogfmtLines() {
    PlainLine p =
        decoder.decode(
            "ts=2026-11-27T10:00:03.123Z caller=db.go:42 level=error msg=\"dial tcp: connection"
                + " refused\" target=postgres:5432");

    assertThat(p.timestamp()).isEqualTo(at("2026-11-27T10:00:03.123Z"));
    assertThat(p.level()).isEqualTo(Level.ERROR);
    assertThat(p.logger()).isEqualTo("db.go:42");
    assertThat(p.message()).isEqualTo("dial tcp: connection refused");
    assertThat(p.attributes())
        .containsOnly(org.assertj.core.api.Assertions.entry("target", "postgres:5432"));
  }

  @Test
  void freeTextWithAnEqualsSignIsNotLogfmt() {
    PlainLine p = decoder.decode("retries=3 exceeded while calling payment");

    assertThat(p.message()).isEqualTo("retries=3 exceeded while calling payment");
    assertThat(p.attributes()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1:M 27 Nov 2026 10:06:23.162 # Redis is now ready to exit, bye bye... | WARN  | Redis is now ready to exit, bye bye...",
        "1:M 27 Nov 2026 10:06:23.162 * Background saving started by pid 44  | INFO  | Background saving started by pid 44",
        "7:C 27 Nov 2026 10:06:23.162 . Client closed connection             | DEBUG | Client closed connection",
      })
  void readsRedisServerLines(String line, Level level, String message) {
    PlainLine p = decoder.decode(line);

    assertThat(p.hasTimestamp()).isTrue();
    assertThat(p.timestamp()).isEqualTo(at("2026-11-27T10:06:23.162Z"));
    assertThat(p.level()).isEqualTo(level);
    assertThat(p.message()).isEqualTo(message);
    assertThat(p.attributes()).containsKeys("pid", "role");
  }
}
