package dev.logrca.rules.scenario;

import dev.logrca.core.model.Anomaly;
import dev.logrca.core.model.AnomalyKind;
import dev.logrca.core.model.Evidence;
import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.LogRecord;
import dev.logrca.core.template.MinerConfig;
import dev.logrca.core.template.MiningResult;
import dev.logrca.core.template.TemplateMiner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario's lines and anomalies as the correlation receives them in the job: each line a decoded
 * record whose template was mined per service (a stack trace's further lines are records without a
 * timestamp of their own), each anomaly with the sample lines of its window; all of it in the order
 * the job releases it (events by time, an anomaly when its window ends).
 */
final class ScenarioInputs {
  /** Sample lines a detector attaches to an anomaly. */
  private static final int SAMPLES = 5;

  private final Map<String, TemplateMiner> miners = new HashMap<>();
  private final Map<String, Integer> lineNumbers = new HashMap<>();
  private final Map<String, String> templateIds = new HashMap<>();
  private final Map<String, Integer> givenTemplates = new HashMap<>();
  final List<LogEvent> events = new ArrayList<>();
  final List<Anomaly> anomalies = new ArrayList<>();

  ScenarioInputs(Scenario scenario) {
    long start = scenario.startMillis();
    List<ScenarioLine> lines = new ArrayList<>(scenario.lines());
    // a stable sort: lines of one time keep the file's order, as a log file's do
    lines.sort(Comparator.comparingLong(l -> l.time().at(start)));
    for (ScenarioLine line : lines) {
      addLine(line, line.time().at(start));
    }
    for (ScenarioAnomaly a : scenario.anomalies()) {
      anomalies.add(anomaly(a, a.time().at(start)));
    }
  }

  private void addLine(ScenarioLine line, long time) {
    String[] parts = line.message().split("\\R");
    for (int i = 0; i < parts.length; i++) {
      boolean head = i == 0;
      String source = line.service() + ".log";
      int number = lineNumbers.merge(source, 1, Integer::sum);
      LogRecord record =
          new LogRecord(
              LogRecord.eventIdOf(source, number),
              source,
              number,
              time,
              !head,
              line.service(),
              line.host(),
              head ? line.parsedLevel() : Level.UNKNOWN,
              null,
              line.trace(),
              parts[i],
              parts[i],
              Map.of(),
              null);
      events.add(mine(record, head ? line.template() : null));
    }
  }

  /** The event of {@code record}: its given template, else the one the service's miner finds. */
  private LogEvent mine(LogRecord record, String template) {
    String service = record.service();
    String id;
    String text;
    boolean created;
    if (template != null) {
      int before = givenTemplates.size();
      int n = givenTemplates.computeIfAbsent(service + "\u0000" + template, k -> before + 1);
      id = service + ":t" + n;
      text = template;
      created = givenTemplates.size() > before;
    } else {
      TemplateMiner miner =
          miners.computeIfAbsent(service, s -> new TemplateMiner(MinerConfig.defaults()));
      MiningResult result = miner.mine(record.message());
      id = service + ":" + result.templateId();
      text = result.template();
      created = result.created();
      templateIds.put(service + "\u0000" + text, id);
    }
    templateIds.put(service + "\u0000" + record.message(), id);
    return new LogEvent(record, id, text, List.of(), created);
  }

  private Anomaly anomaly(ScenarioAnomaly a, long windowStart) {
    long windowEnd = windowStart + a.windowMillis();
    String templateId =
        a.template() == null ? null : templateIds.get(a.service() + "\u0000" + a.template());
    if (a.template() != null && templateId == null) {
      throw new IllegalArgumentException(
          "the anomaly's template \"" + a.template() + "\" is no line of " + a.service());
    }
    List<Evidence> samples =
        events.stream()
            .filter(e -> e.service().equals(a.service()))
            .filter(e -> e.timestamp() >= windowStart && e.timestamp() < windowEnd)
            .filter(e -> !e.record().timestampInferred())
            .filter(e -> templateId == null || templateId.equals(e.templateId()))
            // an error surge cites errors, as the detector does
            .filter(e -> a.kind() != AnomalyKind.ERROR_SURGE || e.level().isError())
            .limit(SAMPLES)
            .map(LogEvent::toEvidence)
            .toList();
    return new Anomaly(
        Anomaly.idOf(a.service(), a.kind(), windowStart, templateId),
        a.service(),
        a.kind(),
        windowStart,
        windowEnd,
        templateId,
        a.template(),
        a.score(),
        0,
        0,
        samples);
  }
}
