package dev.logrca.flink.correlate;

import dev.logrca.core.model.LogEvent;
import dev.logrca.rules.correlate.LineEssentials;
import dev.logrca.rules.signature.Signatures;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A line on its way to the correlation with the failure signatures of its message, found once in
 * the per-service stage ({@link CorrelationInputFilter}) so that the single-threaded correlation
 * does not match them again.
 *
 * @param event the line
 * @param signals the names of the {@link Signatures} its message matches, sorted
 */
public record ClassifiedEvent(LogEvent event, List<String> signals) {

  public ClassifiedEvent {
    signals = signals == null ? new ArrayList<>() : new ArrayList<>(signals);
  }

  /**
   * {@code event} with the signatures of its message, cut to what the correlation reads ({@link
   * LineEssentials}): every line crosses to the correlation's thread and waits in its buffer, and
   * the raw line and most attributes were over half of what it carried.
   */
  public static ClassifiedEvent of(LogEvent event) {
    return new ClassifiedEvent(
        LineEssentials.of(event), new ArrayList<>(Signatures.find(event.message())));
  }

  /** The signatures as the engine takes them. */
  TreeSet<String> signalSet() {
    return new TreeSet<>(signals);
  }
}
