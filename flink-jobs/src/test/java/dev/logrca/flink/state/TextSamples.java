package dev.logrca.flink.state;

import dev.logrca.core.model.Anomaly;
import dev.logrca.core.model.AnomalyKind;
import dev.logrca.core.model.Evidence;
import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.LogRecord;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values whose strings take every path of the state's string encodings: null, empty, ASCII,
 * Latin-1, CJK and an emoji (a surrogate pair). The format-1 fixtures under {@code state/format1/}
 * hold these values as 55c53cd's serializers wrote them.
 */
public final class TextSamples {
  /** Latin-1 beyond ASCII, CJK (three UTF-8 bytes a char) and an emoji (four, a pair of chars). */
  public static final String MIXED = "caf\u00e9 \u652f\u4ed8\u5931\u8d25 \ud83d\ude00 ok";

  private TextSamples() {}

  /** A decoded line with every kind of string and a null or empty one in most places. */
  public static LogRecord record() {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("region", "eu-\u897f");
    attributes.put("empty", "");
    attributes.put("\ud83d\ude00", "emoji key");
    return new LogRecord(
        "id-\u65e5\u5fd7-1",
        "logs/\u652f\u4ed8.log",
        7,
        1_700_000_000_123L,
        true,
        "payment",
        "",
        Level.ERROR,
        null,
        "trace-\u00e9",
        MIXED,
        "",
        attributes,
        null);
  }

  /** {@link #record()} mined, with a null and an empty parameter. */
  public static LogEvent event() {
    return new LogEvent(
        record(), "payment:12", "caf\u00e9 <*> \ud83d\ude00", Arrays.asList("", null, MIXED), true);
  }

  /** An anomaly whose evidence carries non-ASCII lines and null fields. */
  public static Anomaly anomaly() {
    return new Anomaly(
        "a-\u00e9",
        "\u652f\u4ed8",
        AnomalyKind.ERROR_SURGE,
        60_000,
        70_000,
        null,
        "",
        0.93,
        41,
        2.5,
        List.of(
            new Evidence(61_000, "\u652f\u4ed8", "p:4", MIXED, "e1"),
            new Evidence(62_000, "", null, "Connection refused \ud83d\ude00", null)));
  }
}
