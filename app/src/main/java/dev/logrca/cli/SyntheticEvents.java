package dev.logrca.cli;

import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.LogRecord;
import dev.logrca.index.ShardedEventIndex;
import dev.logrca.index.TemplateEntry;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded made-up log lines written straight through the event index's writer, to give {@code logrca
 * load} a big index without running the job: seven services, a few templates each, one request a
 * trace across three services, mostly INFO with some WARN and ERROR.
 */
final class SyntheticEvents {
  private static final List<String> SERVICES =
      List.of("frontend", "checkout", "payment", "cart", "inventory", "postgres", "redis");
  private static final List<String> SHAPES =
      List.of(
          "GET /api/items/%d answered 200 in %d ms",
          "order %d placed by user %d",
          "charge %d accepted after %d ms",
          "cache miss for key item:%d (%d bytes)",
          "statement took %d ms for %d rows",
          "retrying call %d after timeout of %d ms",
          "connection %d to upstream reset after %d ms",
          "request %d failed: java.net.ConnectException: Connection refused (port %d)");

  private SyntheticEvents() {}

  /** Writes {@code count} events spread evenly over {@code spanMillis} from {@code start}. */
  static void write(ShardedEventIndex index, int count, long start, long spanMillis, long seed)
      throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < count; i++) {
      index.add(event(i, start + (long) i * spanMillis / count, random));
    }
    // the template documents, as the job keeps them: a load mix draws services and words from them
    for (String service : SERVICES) {
      for (int shape = 0; shape < SHAPES.size(); shape++) {
        index.update(
            new TemplateEntry(
                service, service + ":" + shape, templateText(shape), List.of(), start));
      }
    }
    index.commit();
  }

  private static LogEvent event(int i, long time, SplittableRandom random) {
    String service = SERVICES.get(random.nextInt(SERVICES.size()));
    int roll = random.nextInt(100);
    int shape = roll < 85 ? random.nextInt(5) : 5 + random.nextInt(3);
    Level level = roll < 85 ? Level.INFO : roll < 95 ? Level.WARN : Level.ERROR;
    String message =
        String.format(SHAPES.get(shape), random.nextInt(100_000), random.nextInt(5_000));
    String source = "synthetic/" + service + ".log";
    LogRecord record =
        new LogRecord(
            LogRecord.eventIdOf(source, i),
            source,
            i,
            time,
            false,
            service,
            service + "-" + random.nextInt(3),
            level,
            null,
            "trace-" + (i / 3),
            message,
            message,
            Map.of(),
            null);
    return new LogEvent(record, service + ":" + shape, templateText(shape), List.of(), false);
  }

  private static String templateText(int shape) {
    return SHAPES.get(shape).replace("%d", "<*>");
  }
}
