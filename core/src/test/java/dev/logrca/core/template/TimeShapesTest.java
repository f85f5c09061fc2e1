package dev.logrca.core.template;

import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Holds each date and time matcher to the regular expression it replaces; the range forms are read
 * inside a longer text, so that they are also held to reading nothing outside their range.
 */
class TimeShapesTest {
  private static final String ALPHABET = "0123456789012345:/-.,+ TZAJanMyEST\n";
  private static final RegexAgreement SAMPLES = new RegexAgreement(ALPHABET, 1, 200_000);

  @Test
  void timestamp() {
    SAMPLES.agree(
        "\\d{4}-\\d{2}-\\d{2}([T ]\\d{1,2}:\\d{2}(:\\d{2}([.,]\\d+)?)?)?(Z|[+-]\\d{2}:?\\d{2})?"
            + "|\\d{1,2}:\\d{2}:\\d{2}([.,]\\d+)?(Z|[+-]\\d{2}:?\\d{2})?"
            + "|\\d{4}/\\d{1,2}/\\d{1,2}(:\\d{1,2}:\\d{2}:\\d{2}([.,]\\d+)?)?|\\d{2}/\\d{2}/\\d{4}"
            + "|\\d{1,2}/[A-Z][a-z]{2}/\\d{4}(:\\d{2}:\\d{2}:\\d{2})?",
        TimeShapes::isTimestamp,
        "2024-05-01",
        "2024-05-01T10:00",
        "2024-05-01T10:00:00.123Z",
        "2024-05-01 9:00:00,5+02:00",
        "2024-05-01T10:00.5",
        "2024-05-01T10:00:00+0200",
        "2024-05-01+02:0",
        "10:00:00",
        "1:00:00.5-0100",
        "10:00",
        "2024/05/01",
        "2016/9/27:20:30:31.455",
        "2016/9/27:20:30:31",
        "2016/9/27:20:30",
        "2016/9/27:",
        "2016/09/7/1",
        "01/05/2024",
        "10/Oct/2000:13:55:36",
        "10/Oct/2000",
        "10/Oct/2000:13:55",
        "1/OCT/2000");
  }

  @Test
  void time() {
    SAMPLES.agree(
        "\\d{1,2}:\\d{2}(:\\d{2})?([.,]\\d+)?,?",
        inside(TimeShapes::isTime),
        "09:04:50",
        "9:04",
        "10:00:00,123",
        "10:00:00,",
        "10:00:00,123,",
        "10:00.",
        "10:00:0",
        "10:00,,");
  }

  @Test
  void dayOfMonth() {
    SAMPLES.agree("\\d{1,2},?", inside(TimeShapes::isDayOfMonth), "8", "12,", ",", "123");
  }

  @Test
  void year() {
    SAMPLES.agree("\\d{4}", inside(TimeShapes::isYear), "2004", "204", "20045");
  }

  @Test
  void zone() {
    SAMPLES.agree(
        "[A-Z]{2,5}|[+-]\\d{4}", inside(TimeShapes::isZone), "EDT", "+0200", "-ABCD", "ABCDEF");
  }

  /** The range matcher applied to the sample inside a longer text. */
  private static Predicate<String> inside(RangeMatcher matcher) {
    return sample -> matcher.test("1:" + sample + ":2", 2, 2 + sample.length());
  }

  private interface RangeMatcher {
    boolean test(String text, int from, int to);
  }
}
