package dev.logrca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.LogRecord;
import dev.logrca.index.EventIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model lifecycle through the command, on an event index written as analyze writes it: checkout
 * requests with a trace id on every line.
 */
class ModelCommandTest {
  private static final Instant DAY_1 = Instant.parse("2026-12-01T10:00:00Z");
  private static final Instant DAY_2 = Instant.parse("2026-12-02T10:00:00Z");
  private static final Instant DAY_3 = Instant.parse("2026-12-03T10:00:00Z");

  @TempDir Path data;

  private long line;

  /** {@code n} requests from {@code start}, a second apart; {@code storeShare} store an order. */
  private void index(Instant start, int n, long seed, double storeShare) throws IOException {
    Random random = new Random(seed);
    try (EventIndex events = EventIndex.open(EventIndex.folderIn(data))) {
      for (int i = 0; i < n; i++) {
        String trace = String.format("%032x", seed * 1_000_000 + i);
        long t = start.toEpochMilli() + 1_000L * i;
        events.add(event(t, "cart", "cart:1", trace));
        for (int p = 0, k = 1 + random.nextInt(3); p < k; p++) {
          events.add(event(t + 1 + p, "pricing", "pricing:2", trace));
        }
        events.add(event(t + 5, "payment", "payment:3", trace));
        if (random.nextDouble() < storeShare) {
          events.add(event(t + 6, "order", "order:4", trace));
        } else {
          events.add(event(t + 6, "payment", "payment:5", trace)); // a retry, no error
        }
      }
    }
  }

  private LogEvent event(long t, String service, String template, String trace) {
    line++;
    String message = template + " line " + line;
    LogRecord record =
        new LogRecord(
            LogRecord.eventIdOf("test", line),
            "test",
            line,
            t,
            false,
            service,
            service + "-1",
            Level.INFO,
            null,
            trace,
            message,
            message,
            null,
            null);
    return new LogEvent(record, template, template, List.of(), false);
  }

  private CliRun model(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "model";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--data";
    all[args.length + 2] = data.toString();
    return CliRun.of(all);
  }

  @Test
  void trainPromoteDiffAndRollBack() throws IOException {
    index(DAY_1, 300, 1, 1.0);
    index(DAY_2, 300, 2, 1.0);

    CliRun first = model("train", "--until", DAY_2.toString());
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).startsWith("m0001 trained on 300 sessions, 4 templates");
    assertThat(model("promote", "m0001").out()).contains("m0001 is the champion");

    CliRun second = model("train", "--from", DAY_2.toString());
    assertThat(second.out()).startsWith("m0002 trained on 300 sessions");
    assertThat(model("promote", "m0002").exitCode()).isZero();

    String list = model("list").out();
    assertThat(list).containsPattern("(?m)^  m0001  created .* parent -$");
    assertThat(list)
        .containsPattern(
            "(?m)^\\* m0002  created .* trained 2026-12-02T10:00:00Z\\.\\..*"
                + " 300 sessions  parent m0001$");
    assertThat(model("show", "m0002").out())
        .contains("\"featureSchema\"", "\"dataFingerprint\"", "\"parent\" : \"m0001\"");
    String diff = model("diff", "m0001", "m0002").out();
    assertThat(diff).contains("training data    different", "templates        -0 []  +0 []");

    CliRun rollback = model("rollback");
    assertThat(rollback.out()).contains("m0001 is the champion again");
    assertThat(model("list").out()).containsPattern("(?m)^\\* m0001 ");
  }

  @Test
  void aCorruptVersionIsRefusedAndTheChampionStays() throws IOException {
    index(DAY_1, 200, 1, 1.0);
    model("train");
    model("promote", "m0001");
    model("train");
    Files.writeString(data.resolve("models/m0002.json"), "{\"format\":\"logrca-session-mod");

    CliRun promote = model("promote", "m0002");
    assertThat(promote.exitCode()).isEqualTo(1);
    assertThat(promote.err()).contains("refused:", "m0002.json: not a logrca model file");
    assertThat(model("list").out())
        .containsPattern("(?m)^\\* m0001 ")
        .containsPattern("(?m)^  m0002  unreadable: ");
  }

  @Test
  void driftFromTheTrainingMixMarksTheVersionStale() throws IOException {
    index(DAY_1, 300, 1, 1.0);
    index(DAY_3, 300, 3, 0.3); // most payments now retry instead of storing the order
    model("train", "--until", DAY_2.toString());

    CliRun same = model("eval", "m0001", "--until", DAY_2.toString());
    assertThat(same.out()).containsPattern("drift: Jensen-Shannon 0\\.0\\d\\d bits .*: ok");

    CliRun later = model("eval", "m0001", "--from", DAY_3.toString());
    assertThat(later.exitCode()).as(later.err()).isZero();
    assertThat(later.out()).contains(": DRIFT", "m0001 marked stale");
    assertThat(later.out()).containsPattern("combined +flags +\\d{3} ");
    assertThat(model("list").out()).contains("STALE: template mix drift: JS ");
  }
}
