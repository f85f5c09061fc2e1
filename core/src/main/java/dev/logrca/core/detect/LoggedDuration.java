package dev.logrca.core.detect;

import dev.logrca.core.model.LogEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

  /** Each template text's slot scales, worked out once. */
  private static final Remembered<double[]> PLANS = new Remembered<>(LoggedDuration::plan);

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
    if (value.isEmpty() || !DurationUnits.startsNumeric(value)) {
      return NONE;
    }
    if (Character.isLetter(value.charAt(value.length() - 1))) {
      return DurationUnits.withUnit(value); // 45ms, or a word that starts with a digit
    }
    if (Double.isNaN(scale)) {
      return NONE;
    }
    double number = DurationUnits.number(value);
    if (Double.isNaN(number) || scale != DurationKeys.BY_SHAPE) {
      return number * scale;
    }
    return value.indexOf('.') >= 0 ? number * 1000 : number;
  }

  /**
   * For each slot of {@code template}, what a plain number in it is worth in milliseconds: the unit
   * the template writes after it, else the duration key before it ({@link DurationKeys#BY_SHAPE}
   * for a key with no unit), else NaN. Worked out once per template text.
   */
  private static double[] scalesOf(String template) {
    return PLANS.of(template);
  }

  private static double[] plan(String template) {
    List<Double> scales = new ArrayList<>();
    for (int slot = template.indexOf(SLOT); slot >= 0; slot = template.indexOf(SLOT, slot + 3)) {
      double unit = unitAfter(template, slot + SLOT.length());
      if (Double.isNaN(unit)) {
        String key = keyBefore(template, slot);
        unit = key == null ? NONE : DurationKeys.scale(key);
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
          || !DurationUnits.startsNumeric(value)
          || (bestKey != null && key.compareTo(bestKey) >= 0)) {
        continue;
      }
      double scale = DurationKeys.scale(key);
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
    return DurationUnits.millis(template.substring(start, end).toLowerCase(Locale.ROOT));
  }
}
