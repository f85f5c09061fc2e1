package dev.logrca.index;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A template as the event index keeps it: one document per service and template id, replaced on
 * each change, so that searches show the current text and find a merged template's events under any
 * of its ids.
 *
 * @param service the service whose miner owns the template
 * @param templateId the template's global id ({@code service:n})
 * @param text its current text, {@code <*>} for each variable part
 * @param retiredIds the global ids merged into it, which searches resolve to it
 * @param changedAt event time of the line that gave the template this text or merge, epoch millis
 *     (for a template never changed since its birth: when it was first seen)
 */
public record TemplateEntry(
    String service, String templateId, String text, List<String> retiredIds, long changedAt)
    implements Serializable {

  public TemplateEntry {
    // a plain ArrayList, which Flink's Kryo fallback can copy (List.of cannot be rebuilt)
    retiredIds = retiredIds == null ? new ArrayList<>() : new ArrayList<>(retiredIds);
  }
}
