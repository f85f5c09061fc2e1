package dev.logrca.core.decode;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.Map;

/**
 * Turns a local date-time into an instant for a configured zone, and knows the zone abbreviations
 * that loggers print. Remembers the last offset per quarter hour, since the zone rules are the slow
 * part and consecutive lines share their quarter hour. Not thread-safe.
 */
final class LocalTimeZone {
  private static final int QUARTER_HOUR = 900;

  /** Abbreviations common in logs; ambiguous ones (IST, CST as China) are deliberately left out. */
  private static final Map<String, Integer> ABBREVIATIONS =
      Map.ofEntries(
          Map.entry("UTC", 0),
          Map.entry("GMT", 0),
          Map.entry("Z", 0),
          Map.entry("UT", 0),
          Map.entry("WET", 0),
          Map.entry("WEST", 3600),
          Map.entry("BST", 3600),
          Map.entry("CET", 3600),
          Map.entry("MET", 3600),
          Map.entry("CEST", 7200),
          Map.entry("EET", 7200),
          Map.entry("EEST", 10800),
          Map.entry("MSK", 10800),
          Map.entry("JST", 32400),
          Map.entry("KST", 32400),
          Map.entry("EST", -18000),
          Map.entry("EDT", -14400),
          Map.entry("CST", -21600),
          Map.entry("CDT", -18000),
          Map.entry("MST", -25200),
          Map.entry("MDT", -21600),
          Map.entry("PST", -28800),
          Map.entry("PDT", -25200));

  private final ZoneRules rules;
  private final Integer fixedOffset;
  private long cachedBucket = Long.MIN_VALUE;
  private int cachedOffset;

  LocalTimeZone(ZoneId zone) {
    this.rules = zone.getRules();
    this.fixedOffset =
        rules.isFixedOffset() ? rules.getOffset(Instant.EPOCH).getTotalSeconds() : null;
  }

  /** Offset in seconds of the configured zone at local time {@code localEpochSecond}. */
  int offsetAt(long localEpochSecond) {
    if (fixedOffset != null) {
      return fixedOffset;
    }
    long bucket = Math.floorDiv(localEpochSecond, QUARTER_HOUR);
    if (bucket != cachedBucket) {
      LocalDateTime local = LocalDateTime.ofEpochSecond(localEpochSecond, 0, ZoneOffset.UTC);
      // in a gap or an overlap this is the offset before the transition
      cachedOffset = rules.getOffset(local).getTotalSeconds();
      cachedBucket = bucket;
    }
    return cachedOffset;
  }

  /** Offset in seconds of the configured zone at instant {@code epochSecond}. */
  int offsetAtInstant(long epochSecond) {
    if (fixedOffset != null) {
      return fixedOffset;
    }
    return rules.getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
  }

  /** The offset in seconds of an abbreviation in capitals such as {@code UTC}, or null. */
  static Integer abbreviation(String text) {
    return ABBREVIATIONS.get(text);
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
  static long epochDay(int year, int month, int day) {
    int y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yearOfEra = y - era * 400;
    long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
  }
}
