package dev.logrca.core.detect.registry;

import dev.logrca.core.detect.session.Session;
import dev.logrca.core.detect.session.SessionEvent;
import dev.logrca.core.detect.session.SessionModel;
import java.util.ArrayList;
import java.util.List;

/**
 * A model version as stored: its card and its training sessions as template sequences (indices into
 * the card's feature schema). The detectors are refitted from these on load, with the stored seed,
 * and come back identical, so the file holds plain numbers and never code or objects.
 */
public record StoredModel(ModelCard card, long seed, List<int[]> sequences) {
  /** The training sessions, rebuilt from the sequences (lines without times or text). */
  public List<Session> trainingSessions() {
    List<Session> sessions = new ArrayList<>();
    List<String> schema = card.featureSchema();
    for (int i = 0; i < sequences.size(); i++) {
      List<SessionEvent> events = new ArrayList<>();
      for (int column : sequences.get(i)) {
        String template = schema.get(column);
        String service = template.substring(0, Math.max(0, template.lastIndexOf(':')));
        events.add(new SessionEvent(0, service, template, template));
      }
      sessions.add(Session.of("training-" + i, events));
    }
    return sessions;
  }

  /** The fitted detectors. */
  public SessionModel fit() {
    return SessionModel.fit(trainingSessions(), seed);
  }

  /** Each template's share of all training lines, in schema order: what drift is measured from. */
  public double[] templateMix() {
    double[] mix = new double[card.featureSchema().size()];
    long total = 0;
    for (int[] seq : sequences) {
      for (int column : seq) {
        mix[column]++;
        total++;
      }
    }
    for (int i = 0; i < mix.length && total > 0; i++) {
      mix[i] /= total;
    }
    return mix;
  }
}
