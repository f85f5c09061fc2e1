package dev.logrca.core.detect;

import dev.logrca.core.model.Evidence;
import dev.logrca.core.model.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one service logged in one event-time window: the counts the detectors judge and the lines
 * they cite. Collections are mutable copies because Flink's Kryo cannot copy immutable ones.
 *
 * @param service the service
 * @param start window start, epoch millis
 * @param end window end (exclusive), epoch millis
 * @param total lines in the window
 * @param errors ERROR and FATAL lines
 * @param warnings WARN lines
 * @param templateCounts lines per template id
 * @param templateTexts template text per template id
 * @param firstLineByTemplate the earliest line of each template in the window
 * @param newTemplates templates born in this window
 * @param errorSamples the earliest few ERROR/FATAL lines
 * @param worstLevels the most severe level seen per template id
 * @param durations the durations each template's lines reported, for templates whose lines report
 *     one (see {@link LoggedDuration})
 */
public record ServiceWindow(
    String service,
    long start,
    long end,
    long total,
    long errors,
    long warnings,
    Map<String, Long> templateCounts,
    Map<String, String> templateTexts,
    Map<String, Evidence> firstLineByTemplate,
    Set<String> newTemplates,
    List<Evidence> errorSamples,
    Map<String, Level> worstLevels,
    Map<String, DurationSketch> durations) {

  public ServiceWindow {
    templateCounts = templateCounts == null ? new HashMap<>() : new HashMap<>(templateCounts);
    templateTexts = templateTexts == null ? new HashMap<>() : new HashMap<>(templateTexts);
    firstLineByTemplate =
        firstLineByTemplate == null ? new HashMap<>() : new HashMap<>(firstLineByTemplate);
    newTemplates = newTemplates == null ? new HashSet<>() : new HashSet<>(newTemplates);
    errorSamples = errorSamples == null ? new ArrayList<>() : new ArrayList<>(errorSamples);
    worstLevels = worstLevels == null ? new HashMap<>() : new HashMap<>(worstLevels);
    durations = durations == null ? new HashMap<>() : new HashMap<>(durations);
  }

  /** A window in which the service logged nothing. */
  public static ServiceWindow empty(String service, long start, long end) {
    return new ServiceWindow(
        service, start, end, 0, 0, 0, null, null, null, null, null, null, null);
  }

  /** Lines of {@code templateId} in this window, 0 when absent. */
  public long count(String templateId) {
    return templateCounts.getOrDefault(templateId, 0L);
  }

  /** The most severe level of {@code templateId}'s lines, UNKNOWN when absent. */
  public Level worstLevel(String templateId) {
    return worstLevels.getOrDefault(templateId, Level.UNKNOWN);
  }

  /** The first line of {@code templateId} as a one-element list, or empty. */
  public List<Evidence> evidenceFor(String templateId) {
    Evidence first = firstLineByTemplate.get(templateId);
    List<Evidence> result = new ArrayList<>();
    if (first != null) {
      result.add(first);
    }
    return result;
  }
}
