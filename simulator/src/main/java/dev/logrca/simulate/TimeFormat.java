package dev.logrca.simulate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A log header's timestamp shape. Formatting a date is the costly part of writing a line, so the
 * part down to the second is cached and only the milliseconds are appended per line; each log owns
 * its instances, as the cache is not thread-safe.
 */
final class TimeFormat {
  static TimeFormat logback() {
    return new TimeFormat("yyyy-MM-dd HH:mm:ss", '.', "");
  }

  static TimeFormat log4j() {
    return new TimeFormat("yyyy-MM-dd HH:mm:ss", ',', "");
  }

  static TimeFormat postgres() {
    return new TimeFormat("yyyy-MM-dd HH:mm:ss", '.', " UTC");
  }

  static TimeFormat redis() {
    return new TimeFormat("dd MMM yyyy HH:mm:ss", '.', "");
  }

  static TimeFormat iso() {
    return new TimeFormat("yyyy-MM-dd'T'HH:mm:ss", '.', "Z");
  }

  static TimeFormat nginxAccess() {
    return new TimeFormat("dd/MMM/yyyy:HH:mm:ss", (char) 0, " +0000");
  }

  static TimeFormat nginxError() {
    return new TimeFormat("yyyy/MM/dd HH:mm:ss", (char) 0, "");
  }

  private final DateTimeFormatter seconds;
  private final char millisSeparator;
  private final String suffix;
  private long cachedSecond = Long.MIN_VALUE;
  private String cachedPrefix;

  private TimeFormat(String secondsPattern, char millisSeparator, String suffix) {
    this.seconds =
        DateTimeFormatter.ofPattern(secondsPattern, Locale.ROOT).withZone(ZoneOffset.UTC);
    this.millisSeparator = millisSeparator;
    this.suffix = suffix;
  }

  /** Appends event time {@code millis} (epoch milliseconds) in this shape. */
  StringBuilder append(StringBuilder out, long millis) {
    long second = Math.floorDiv(millis, 1000);
    if (second != cachedSecond) {
      cachedPrefix = seconds.format(Instant.ofEpochSecond(second));
      cachedSecond = second;
    }
    out.append(cachedPrefix);
    if (millisSeparator != 0) {
      int ms = (int) Math.floorMod(millis, 1000);
      out.append(millisSeparator).append((char) ('0' + ms / 100));
      out.append((char) ('0' + ms / 10 % 10)).append((char) ('0' + ms % 10));
    }
    return out.append(suffix);
  }

  String format(long millis) {
    return append(new StringBuilder(32), millis).toString();
  }
}
