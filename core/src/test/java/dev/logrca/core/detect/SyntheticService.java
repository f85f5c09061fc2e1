package dev.logrca.core.detect;

import static dev.logrca.core.model.LogRecordBuilder.record;

import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.LogRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A made-up service whose templates log Poisson-distributed counts per window, from a seed. Every
 * template logs at least once in the first window after it is added.
 */
final class SyntheticService {
  static final long WINDOW = 30_000;

  private final String service;
  private final Random random;
  private final Map<String, Template> templates = new LinkedHashMap<>();
  private final Set<String> born = new HashSet<>();
  private long line;

  private record Template(String id, String text, Level level, double rate) {}

  SyntheticService(String service, long seed) {
    this.service = service;
    this.random = new Random(seed);
  }

  /** Adds (or changes the rate of) a template logging {@code rate} lines per window on average. */
  SyntheticService template(String name, Level level, double rate) {
    String id = service + ":" + name;
    templates.put(id, new Template(id, name + " <*> happened", level, rate));
    return this;
  }

  /** The window number {@code index}, counted from its events. */
  ServiceWindow window(int index) {
    return window(index, Map.of());
  }

  /** The window {@code index} with {@code extra} lines of some templates on top. */
  ServiceWindow window(int index, Map<String, Integer> extra) {
    long start = index * WINDOW;
    WindowAccumulator acc = new WindowAccumulator();
    for (LogEvent e : events(start, extra)) {
      acc.add(e);
    }
    return acc.toWindow(service, start, start + WINDOW);
  }

  List<LogEvent> events(long start, Map<String, Integer> extra) {
    List<LogEvent> events = new ArrayList<>();
    for (Template t : templates.values()) {
      int n = poisson(t.rate) + extra.getOrDefault(t.id.substring(service.length() + 1), 0);
      if (t.rate > 0 && !born.contains(t.id)) {
        n = Math.max(n, 1); // a template is born the first window after it is added
      }
      for (int i = 0; i < n; i++) {
        long ts = start + random.nextInt((int) WINDOW);
        events.add(event(t, ts));
      }
    }
    return events;
  }

  private LogEvent event(Template t, long ts) {
    line++;
    String message = t.text.replace("<*>", Long.toString(line));
    LogRecord record =
        record()
            // the id names the service, not the file: ids stay as they were before the builder
            .eventId(LogRecord.eventIdOf(service, line))
            .source(service + ".log")
            .line(line)
            .timestamp(ts)
            .service(service)
            .host(service + "-host")
            .level(t.level)
            .message(message)
            .build();
    return new LogEvent(record, t.id, t.text, List.of(Long.toString(line)), born.add(t.id));
  }

  /**
   * Knuth's method for small rates; above 100 a normal with the same mean and variance, since
   * {@code exp(-rate)} underflows to 0 above about 745 and the method would never stop drawing.
   */
  private int poisson(double rate) {
    if (rate <= 0) {
      return 0;
    }
    if (rate > 100) {
      return (int) Math.max(0, Math.round(rate + Math.sqrt(rate) * random.nextGaussian()));
    }
    double limit = Math.exp(-rate);
    double p = random.nextDouble();
    int k = 0;
    while (p > limit) {
      p *= random.nextDouble();
      k++;
    }
    return k;
  }
}
