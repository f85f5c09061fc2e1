package dev.logrca.core.decode;

import java.time.ZoneId;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Recognises the timestamp shapes real logs carry (ISO-8601 and its relatives, syslog, Apache,
 * PostgreSQL, Spark's {@code yy/MM/dd}, HealthApp's {@code yyyyMMdd-HH:mm:ss:SSS}, HDFS's {@code
 * yyMMdd HHmmss}, epoch numbers) and returns epoch milliseconds. Local times are read in the
 * configured zone; a timestamp without a year takes the reference year. One parser per source: it
 * is not thread-safe.
 */
public final class TimestampParser {
  private final TimestampScanner scanner;
  private final FieldTimestamp fields;

  /**
   * A parser reading zone-less times in {@code zone} and year-less dates in {@code referenceYear}.
   */
  public TimestampParser(ZoneId zone, int referenceYear) {
    this.scanner = new TimestampScanner(new LocalTimeZone(zone), referenceYear);
    this.fields = new FieldTimestamp(this);
  }

  /**
   * Sets the instant that dates a time of day given alone ({@code 10:00:03.123}): its date, or the
   * next day when the time lies more than twelve hours before it. {@link LineDecoder} sets it to
   * the previous line's timestamp; it starts at January 1 of the reference year.
   */
  public void setReferenceTime(long epochMillis) {
    scanner.setReference(epochMillis);
  }

  /** The instant of a text that is a timestamp and nothing else (surrounding blanks allowed). */
  public OptionalLong parse(String text) {
    if (text == null) {
      return OptionalLong.empty();
    }
    String t = text.strip();
    TimestampMatch m = scanner.scan(t, 0, true);
    return m != null && m.end() == t.length()
        ? OptionalLong.of(m.epochMillis())
        : OptionalLong.empty();
  }

  /**
   * The timestamp that starts at {@code from} in a line, or null. Epoch numbers must have 10, 13,
   * 16 or 19 digits here, and a date must be followed by a time.
   */
  public TimestampMatch parseLeading(String line, int from) {
    return scanner.scan(line, from, false);
  }

  /**
   * The timestamp of a line's header fields (as {@link HeaderFormat#match} returns them): a {@code
   * Timestamp} or {@code DateTime} field, else {@code Month Day|Date Time [Year]}, {@code
   * Year-Month-Day Time}, {@code Date Time}, {@code Time} or {@code Date} alone, whichever reads;
   * field names in any case; the first that reads wins.
   */
  public OptionalLong fromFields(Map<String, String> headerFields) {
    return fields.read(headerFields);
  }

  /**
   * An integral epoch value in seconds, milliseconds, microseconds or nanoseconds, told apart by
   * magnitude, as milliseconds.
   */
  public static long epochToMillis(long value) {
    long magnitude = Math.abs(value);
    if (magnitude < 100_000_000_000L) {
      return value * 1000; // seconds until the year 5138
    }
    if (magnitude < 100_000_000_000_000L) {
      return value;
    }
    if (magnitude < 100_000_000_000_000_000L) {
      return value / 1000;
    }
    return value / 1_000_000;
  }

  /** True for instants from 1990 to 2099: what a number must decode to, to count as a time. */
  public static boolean isPlausible(long epochMillis) {
    return epochMillis >= TimestampScanner.MIN_EPOCH_MILLIS
        && epochMillis < TimestampScanner.MAX_EPOCH_MILLIS;
  }
}
