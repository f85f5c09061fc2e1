package dev.logrca.core.template;

import org.junit.jupiter.api.Test;

/**
 * Holds each matcher of a value of several words to the regular expression it replaces, on runs of
 * up to six Loghub words and on random and mutated ones.
 */
class SpanShapesTest {
  private static final String ALPHABET = "0123456789 .:,()<>KMGiBkbytesmsJanMoFriDec_\n\r";
  private static final RegexAgreement SAMPLES = new RegexAgreement(ALPHABET, 6, 200_000);

  @Test
  void size() {
    SAMPLES.agree(
        "\\d+(\\.\\d+)? ([KMGTP]i?B|kB|B|bytes)( \\(\\d+(\\.\\d+)? \\w+\\))?",
        SpanShapes::isSize,
        "3923 bytes",
        "1190 bytes (1.16 KB)",
        "5.2 KB",
        "5 PiB",
        "5 kiB",
        "5 KB(",
        "5. KB",
        "1 B (2 x_y)",
        "1 B (2 )",
        "1 B (2 x) ");
  }

  @Test
  void boundedDuration() {
    SAMPLES.agree(
        "[<>]\\d+(\\.\\d+)? [a-z]+",
        SpanShapes::isBoundedDuration,
        "<1 ms",
        ">500 seconds",
        "<1.5 s",
        "<1. s",
        "<1 ",
        "<1 Ms");
  }

  @Test
  void date() {
    SAMPLES.agree(
        "((Mon|Tue|Wed|Thu|Fri|Sat|Sun),? )?(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
            + " \\d{1,2},? .*\\d:\\d{2}.*|\\d{4}-\\d{2}-\\d{2} \\d{1,2}:\\d{2}.*",
        SpanShapes::isDate,
        "Sat May 8 09:04:50 EDT 2004",
        "Sat, May 8, 2004 09:04:50",
        "May 8 9:04",
        "May 8 9:4",
        "Mon-Jan 8 9:04",
        "Jun 12 x\n10:00",
        "2024-05-01 10:00:00,123",
        "2024-05-01 10:005 x",
        "2024-05-01 10:0",
        "2024-05-01 10:00\r",
        "Mon Feb 29 1:00\u2028");
  }
}
