package dev.logrca.core.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.decode.TimestampMatch.Shape;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimestampParserTest {
  private final TimestampParser utc = new TimestampParser(ZoneOffset.UTC, 2026);

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2026-11-27T10:00:03Z                 | 2026-11-27T10:00:03Z",
        "2026-11-27T10:00:03.123456789Z       | 2026-11-27T10:00:03.123Z",
        "2026-11-27T10:00:03.5+01:00          | 2026-11-27T09:00:03.500Z",
        "2026-11-27T10:00:03-0530             | 2026-11-27T15:30:03Z",
        "2026-11-27T10:00:03+02               | 2026-11-27T08:00:03Z",
        "2026-11-27 10:00:03                  | 2026-11-27T10:00:03Z",
        "2026-11-27T10:00                     | 2026-11-27T10:00:00Z",
        "2026-11-27 10:00:03,456              | 2026-11-27T10:00:03.456Z",
        "2026-11-27 10:00:03.123 UTC          | 2026-11-27T10:00:03.123Z",
        "2026-11-27 10:00:03.123 CET          | 2026-11-27T09:00:03.123Z",
        "2026-11-27 10:00:03 +0100            | 2026-11-27T09:00:03Z",
        "2026/11/27 10:00:03                  | 2026-11-27T10:00:03Z",
        "2005-06-03-15.42.50.675872           | 2005-06-03T15:42:50.675Z",
        "17/06/09 20:10:40                    | 2017-06-09T20:10:40Z",
        "11/27/2026 10:00:03                  | 2026-11-27T10:00:03Z",
        "20171223-22:15:29:606                | 2017-12-23T22:15:29.606Z",
        "20261127T100003Z                     | 2026-11-27T10:00:03Z",
        "081109 203615                        | 2008-11-09T20:36:15Z",
        "Nov 27 10:00:03                      | 2026-11-27T10:00:03Z",
        "Jul  1 09:00:55                      | 2026-07-01T09:00:55Z",
        "Nov 27 10:00:03 2025                 | 2025-11-27T10:00:03Z",
        "Fri Nov 27 10:00:03.250 2026         | 2026-11-27T10:00:03.250Z",
        "'Fri, 27 Nov 2026 10:00:03 GMT'      | 2026-11-27T10:00:03Z",
        "27/Nov/2026:10:00:03 +0000           | 2026-11-27T10:00:03Z",
        "27/Nov/2026:10:00:03 -0800           | 2026-11-27T18:00:03Z",
        "11-27 10:00:03.123                   | 2026-11-27T10:00:03.123Z",
        "10.30 16:49:06                       | 2026-10-30T16:49:06Z",
        "1795773603                           | 2026-11-27T10:00:03Z",
        "1795773603.25                        | 2026-11-27T10:00:03.250Z",
        "1795773603123                        | 2026-11-27T10:00:03.123Z",
        "1795773603123456                     | 2026-11-27T10:00:03.123Z",
        "1795773603123456789                  | 2026-11-27T10:00:03.123Z",
      })
  void readsEachShape(String text, String expected) {
    assertThat(utc.parse(text)).hasValue(Instant.parse(expected).toEpochMilli());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "hello",
        "2026-13-27 10:00:03",
        "2026-11-27 25:00:03",
        "42",
        "Nov 27",
        "10:00",
        "2026-11-27 10:00:03 and more",
        "1.2.3.4",
        "Foo 27 10:00:03"
      })
  void rejectsWhatIsNotATimestamp(String text) {
    assertThat(utc.parse(text)).isEmpty();
  }

  @Test
  void datesATimeOfDayAloneByTheReferenceTime() {
    TimestampParser parser = new TimestampParser(ZoneOffset.UTC, 2026);
    parser.setReferenceTime(Instant.parse("2026-11-27T09:59:00Z").toEpochMilli());

    assertThat(parser.parse("10:00:03.123"))
        .hasValue(Instant.parse("2026-11-27T10:00:03.123Z").toEpochMilli());
    assertThat(parser.parse("9:00:03"))
        .hasValue(Instant.parse("2026-11-27T09:00:03Z").toEpochMilli());
    parser.setReferenceTime(Instant.parse("2026-11-27T23:59:58Z").toEpochMilli());
    assertThat(parser.parse("00:00:01"))
        .as("past midnight")
        .hasValue(Instant.parse("2026-11-28T00:00:01Z").toEpochMilli());
    assertThat(parser.parseLeading("12:30 elapsed", 0)).isNull();
  }

  @Test
  void readsZonelessTimesInTheConfiguredZone() {
    TimestampParser paris = new TimestampParser(ZoneId.of("Europe/Paris"), 2026);

    assertThat(paris.parse("2026-11-27 10:00:03"))
        .hasValue(Instant.parse("2026-11-27T09:00:03Z").toEpochMilli());
    assertThat(paris.parse("2026-07-27 10:00:03"))
        .hasValue(Instant.parse("2026-07-27T08:00:03Z").toEpochMilli());
    assertThat(paris.parse("2026-07-27T10:00:03Z"))
        .hasValue(Instant.parse("2026-07-27T10:00:03Z").toEpochMilli());
  }

  @Test
  void findsATimestampAtTheStartOfALineAndWhereItEnds() {
    String line = "2026-11-27 10:00:03.123 UTC [123] FATAL:  shutting down";

    TimestampMatch m = utc.parseLeading(line, 0);

    assertThat(m.epochMillis()).isEqualTo(Instant.parse("2026-11-27T10:00:03.123Z").toEpochMilli());
    assertThat(line.substring(m.end())).isEqualTo(" [123] FATAL:  shutting down");
    assertThat(m.shape()).isEqualTo(Shape.ISO);
    assertThat(utc.parseLeading("Nov 27 10:00:03 host app: x", 0).shape()).isEqualTo(Shape.SYSLOG);
  }

  @Test
  void aLineHeadNeedsMoreThanAFieldValue() {
    assertThat(utc.parseLeading("2026-11-27 is the day", 0)).isNull();
    assertThat(utc.parseLeading("123456789 bytes copied", 0)).isNull();
    assertThat(utc.parseLeading("12345678901 bytes", 0)).isNull();
    assertThat(utc.parseLeading("1795773603 event", 0).epochMillis()).isEqualTo(1795773603000L);
    assertThat(utc.parseLeading("10.0.0.1 - - [27/Nov/2026:10:00:03 +0000]", 0)).isNull();
    assertThat(utc.parseLeading("0099999999 is too early", 0)).isNull();
  }

  @Test
  void epochValuesAreToldApartByMagnitude() {
    assertThat(TimestampParser.epochToMillis(1_795_773_603L)).isEqualTo(1_795_773_603_000L);
    assertThat(TimestampParser.epochToMillis(1_795_773_603_123L)).isEqualTo(1_795_773_603_123L);
    assertThat(TimestampParser.epochToMillis(1_795_773_603_123_456L)).isEqualTo(1_795_773_603_123L);
    assertThat(TimestampParser.epochToMillis(1_795_773_603_123_456_789L))
        .isEqualTo(1_795_773_603_123L);
    assertThat(TimestampParser.isPlausible(123_000L)).isFalse();
  }
}
