package dev.logrca.core.detect;

import dev.logrca.core.model.LogEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The duration a log line reports, in milliseconds: PostgreSQL's {@code duration: 12.3 ms},
 * Spring's {@code Completed 200 OK in 45ms}, nginx's {@code rt=0.281}, a JSON {@code "duration_ms":
 * 188}. It is read from a variable part of the line's template, so only values that vary count:
 *
 * <ul>
 *   <li>a value with its own unit: {@code 45ms}, {@code 1.5s}, {@code 300us};
 *   <li>a number the template follows with a unit: {@code <*> ms}, {@code <*> seconds};
 *   <li>a number after a key that names a duration: {@code rt=<*>}, {@code took <*>}, {@code
 *       elapsed: <*>}, with the unit in the key's suffix ({@code duration_ms}, {@code elapsedMs})
 *       or in the convention of its software (nginx's {@code request_time} and {@code rt} are
 *       seconds);
 *   <li>else a field of a structured line named that way.
 * </ul>
 *
 * A bare number under a key with no unit (zap's {@code duration}, Elasticsearch's {@code took}) is
 * taken as seconds when it has a fraction and as milliseconds when it is whole: the detectors
 * compare a template's durations with its own, so only their absolute floor depends on the unit.
 */
public final class LoggedDuration {
  /** What {@link #millisOf} returns for a line that reports no duration. */
  public static final double NONE = Double.NaN;

  private static final String SLOT = "<*>";

  /** A slot's scale when the key before it names a duration but no unit: the number's shape. */
  private static final double BY_SHAPE = -1;

  /**
   * Keys that name a duration, lower case, without a unit suffix or separators, with what a plain
   * number under them is worth in milliseconds.
   */
  private static final Map<String, Double> KEYS = new TreeMap<>();

  static {
    // nginx's $request_time and $upstream_response_time are seconds with millisecond resolution
    for (String key : List.of("rt", "urt", "requesttime", "upstreamresponsetime")) {
      KEYS.put(key, 1000.0);
    }
    for (String key :
        List.of(
            "duration",
            "elapsed",
            "latency",
            "took",
            "responsetime",
            "timetaken",
            "durationtime",
            // MySQL's slow query log, "# Query_time: 2.000123  Lock_time: 0.000051"
            "querytime")) {
      KEYS.put(key, BY_SHAPE);
    }
  }

  private LoggedDuration() {}

  /** The first duration {@code event} reports, in milliseconds, or {@link #NONE}. */
  public static double millisOf(LogEvent event) {
    String template = event.template();
    List<String> parameters = event.parameters();
    if (template != null && !parameters.isEmpty()) {
      double fromTemplate = fromTemplate(template, parameters);
      if (!Double.isNaN(fromTemplate)) {
        return fromTemplate;
      }
    }
    Map<String, String> attributes = event.record().attributes();
    return attributes.isEmpty() ? NONE : fromFields(attributes);
  }

  private static double fromTemplate(String template, List<String> parameters) {
    double[] scales = scalesOf(template);
    int slots = Math.min(scales.length, parameters.size());
    for (int i = 0; i < slots; i++) {
      double millis = fromSlot(scales[i], parameters.get(i));
      if (!Double.isNaN(millis)) {
        return millis;
      }
    }
    return NONE;
  }

  /**
   * The duration a slot's value stands for, given what its template says around it ({@code scale},
   * see {@link #scalesOf}), or {@link #NONE}.
   */
  private static double fromSlot(double scale, String value) {
    if (value.isEmpty() || !startsNumeric(value)) {
      return NONE;
    }
    if (Character.isLetter(value.charAt(value.length() - 1))) {
      return withUnit(value); // 45ms, or a word that starts with a digit
    }
    if (Double.isNaN(scale)) {
      return NONE;
    }
    double number = number(value);
    if (Double.isNaN(number) || scale != BY_SHAPE) {
      return number * scale;
    }
    return value.indexOf('.') >= 0 ? number * 1000 : number;
  }

  /**
   * Template texts and field names remembered at most; past that they are forgotten all at once
   * (templates are few, their texts bounded).
   */
  private static final int MAX_REMEMBERED = 100_000;

  private static final Map<String, double[]> PLANS = new ConcurrentHashMap<>();

  private static final Map<String, Double> KEY_SCALES = new ConcurrentHashMap<>();

  /** {@code work} of {@code key}, worked out once and kept in {@code cache}. */
  private static <V> V remembered(Map<String, V> cache, String key, Function<String, V> work) {
    V known = cache.get(key);
    if (known == null) {
      if (cache.size() >= MAX_REMEMBERED) {
        cache.clear();
      }
      known = work.apply(key);
      cache.put(key, known);
    }
    return known;
  }

  /**
   * For each slot of {@code template}, what a plain number in it is worth in milliseconds: the unit
   * the template writes after it, else the duration key before it ({@link #BY_SHAPE} for a key with
   * no unit), else NaN. Worked out once per template text.
   */
  private static double[] scalesOf(String template) {
    return remembered(PLANS, template, LoggedDuration::plan);
  }

  private static double[] plan(String template) {
    List<Double> scales = new ArrayList<>();
    for (int slot = template.indexOf(SLOT); slot >= 0; slot = template.indexOf(SLOT, slot + 3)) {
      double unit = unitAfter(template, slot + SLOT.length());
      if (Double.isNaN(unit)) {
        String key = keyBefore(template, slot);
        unit = key == null ? NONE : keyScale(key);
      }
      scales.add(unit);
    }
    return scales.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * The duration field with the least name, so that a line with two such fields reads the same
   * whatever order its map iterates in.
   */
  private static double fromFields(Map<String, String> attributes) {
    String bestKey = null;
    double best = NONE;
    for (Map.Entry<String, String> field : attributes.entrySet()) {
      String key = field.getKey();
      String value = field.getValue();
      if (value == null
          || value.isEmpty()
          || !startsNumeric(value)
          || (bestKey != null && key.compareTo(bestKey) >= 0)) {
        continue;
      }
      double scale = keyScale(key);
      if (Double.isNaN(scale)) {
        continue;
      }
      double millis = fromSlot(scale, value);
      if (!Double.isNaN(millis)) {
        bestKey = key;
        best = millis;
      }
    }
    return best;
  }

  /**
   * What a plain number under {@code key} is worth in milliseconds: the unit its suffix names, the
   * convention of its software, {@link #BY_SHAPE}, or NaN when the key names no duration.
   */
  private static double keyScale(String key) {
    return remembered(KEY_SCALES, key, LoggedDuration::scaleOfKey);
  }

  private static double scaleOfKey(String key) {
    Stem stem = stem(key);
    Double convention = KEYS.get(stem.name);
    if (convention == null) {
      return NONE;
    }
    return Double.isNaN(stem.unit) ? convention : stem.unit;
  }

  private record Stem(String name, double unit) {}

  /** The key lower-cased without separators, and the unit its suffix names (NaN if none). */
  private static Stem stem(String key) {
    // a nested field ("attr.durationMillis") is named by its last part
    String last = key.substring(key.lastIndexOf('.') + 1);
    String k = last.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    for (String suffix : List.of("millis", "msec", "ms", "us", "ns", "seconds", "secs", "sec")) {
      if (k.endsWith(suffix) && k.length() > suffix.length()) {
        String name = k.substring(0, k.length() - suffix.length());
        if (KEYS.containsKey(name)) {
          return new Stem(name, unitMillis(suffix));
        }
      }
    }
    // "durations" or "durationS": a plain s suffix only when what is left is a known key
    if (k.endsWith("s") && KEYS.containsKey(k.substring(0, k.length() - 1))) {
      return new Stem(k.substring(0, k.length() - 1), 1000);
    }
    return new Stem(k, Double.NaN);
  }

  /**
   * The key written just before the slot ({@code rt=}, {@code duration: }, {@code took }), or null.
   */
  private static String keyBefore(String template, int slot) {
    int end = slot;
    if (end > 0 && (template.charAt(end - 1) == '"' || template.charAt(end - 1) == '[')) {
      end--; // rt="<*>", took[<*>]
    }
    if (end > 0 && template.charAt(end - 1) == ' ') {
      end--;
    }
    if (end > 0 && (template.charAt(end - 1) == '=' || template.charAt(end - 1) == ':')) {
      end--;
    }
    if (end > 0 && template.charAt(end - 1) == '"') {
      end--; // "took": <*>
    }
    int start = end;
    while (start > 0 && isKeyChar(template.charAt(start - 1))) {
      start--;
    }
    return start == end ? null : template.substring(start, end);
  }

  private static boolean isKeyChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
  }

  /** The unit the template writes right after a slot ({@code " ms"}), as milliseconds, or NaN. */
  private static double unitAfter(String template, int from) {
    int start = from;
    if (start < template.length() && template.charAt(start) == ' ') {
      start++;
    }
    int end = start;
    while (end < template.length() && Character.isLetter(template.charAt(end))) {
      end++;
    }
    if (end == start || end < template.length() && isKeyChar(template.charAt(end))) {
      return NONE;
    }
    return unitMillis(template.substring(start, end).toLowerCase(Locale.ROOT));
  }

  /** A value like {@code 45ms} or {@code 1.5s}, as milliseconds, or {@link #NONE}. */
  private static double withUnit(String value) {
    int end = value.length();
    int unitStart = end;
    while (unitStart > 0 && Character.isLetter(value.charAt(unitStart - 1))) {
      unitStart--;
    }
    if (unitStart == end || unitStart == 0) {
      return NONE;
    }
    double unit = unitMillis(value.substring(unitStart).toLowerCase(Locale.ROOT));
    double number = Double.isNaN(unit) ? NONE : number(value.substring(0, unitStart));
    return Double.isNaN(number) ? NONE : number * unit;
  }

  /** How many milliseconds {@code unit} is, or NaN for anything that is not a unit of time. */
  static double unitMillis(String unit) {
    switch (unit) {
      case "ns":
      case "nanoseconds":
        return 1e-6;
      case "us":
      case "µs":
      case "micros":
      case "microseconds":
        return 1e-3;
      case "ms":
      case "msec":
      case "msecs":
      case "millis":
      case "milliseconds":
        return 1;
      case "s":
      case "sec":
      case "secs":
      case "second":
      case "seconds":
        return 1000;
      default:
        return NONE;
    }
  }

  private static boolean startsNumeric(String value) {
    char c = value.charAt(0);
    return c >= '0' && c <= '9';
  }

  /** A plain non-negative decimal ({@code 12}, {@code 0.281}), else {@link #NONE}. */
  private static double number(String value) {
    int dots = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '.') {
        dots++;
      } else if (c < '0' || c > '9') {
        return NONE;
      }
    }
    if (dots > 1 || value.isEmpty() || value.charAt(value.length() - 1) == '.') {
      return NONE;
    }
    return Double.parseDouble(value);
  }
}
