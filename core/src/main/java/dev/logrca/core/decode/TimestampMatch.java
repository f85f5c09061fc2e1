package dev.logrca.core.decode;

/**
 * A timestamp found at the start of a text.
 *
 * @param epochMillis the instant in epoch milliseconds
 * @param end the index just after the timestamp's last character
 * @param shape which family of timestamp it was
 */
public record TimestampMatch(long epochMillis, int end, Shape shape) {

  /** The timestamp families the parser recognises. */
  public enum Shape {
    /** ISO-8601 and its relatives: {@code yyyy-MM-dd HH:mm:ss,SSS}, DB2, PostgreSQL. */
    ISO,
    /** Numeric dates with slashes, dots or no separator: {@code yy/MM/dd}, {@code MM.dd}, ... */
    NUMERIC,
    /** BSD syslog {@code MMM d HH:mm:ss}, also ctime and RFC 1123 with a weekday. */
    SYSLOG,
    /** Apache and nginx access logs {@code dd/MMM/yyyy:HH:mm:ss Z}. */
    APACHE,
    /** Seconds, milliseconds, microseconds or nanoseconds since the epoch. */
    EPOCH,
    /**
     * A time of day alone ({@code HH:mm:ss.SSS}, logback's console default), dated by the parser's
     * reference time.
     */
    TIME_OF_DAY
  }
}
