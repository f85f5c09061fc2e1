package dev.logrca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.LogRecord;
import dev.logrca.index.EventIndex;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SearchBenchCommandTest {
  private static final long T0 = 1_796_000_000_000L;

  @TempDir Path data;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** 600 lines one a second, every tenth an error: the window holds 61 lines, 6 of them errors. */
  private void writeEvents(Path folder) throws Exception {
    try (EventIndex events = EventIndex.open(folder)) {
      for (int i = 0; i < 600; i++) {
        Level level = i % 10 == 0 ? Level.ERROR : Level.INFO;
        events.addOnce(
            new LogEvent(
                new LogRecord(
                    LogRecord.eventIdOf("payment.log", i),
                    "payment.log",
                    i,
                    T0 + i * 1000L,
                    false,
                    "payment",
                    "pod-1",
                    level,
                    null,
                    null,
                    "line " + i,
                    "line " + i,
                    Map.of(),
                    null),
                null,
                null,
                List.of(),
                false));
      }
    }
  }

  private int run(String... args) {
    CommandLine cli = new CommandLine(new SearchBenchCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void timesEachQueryAndCountsItsHitsOnADataFolderOrAnEventIndexFolder() throws Exception {
    writeEvents(EventIndex.folderIn(data));
    assertThat(run("--repeat", "3", "--warm-up", "1", data.toString())).isZero();
    String fromDataFolder = out.toString();
    assertThat(fromDataFolder)
        .containsPattern("(?m)^\\* +[0-9.]+ +[0-9.]+ +600 ")
        .containsPattern("(?m)^\\* in the window +[0-9.]+ +[0-9.]+ +61 ")
        .containsPattern("(?m)^level:error +[0-9.]+ +[0-9.]+ +60 ")
        .containsPattern("(?m)^level:error in the window +[0-9.]+ +[0-9.]+ +6 ");

    out.getBuffer().setLength(0);
    assertThat(run("--repeat", "1", EventIndex.folderIn(data).toString())).isZero();
    // the same index read as a folder gives the same pages: the fingerprints agree
    assertThat(fingerprints(out.toString())).isEqualTo(fingerprints(fromDataFolder));
  }

  @Test
  void noTimedRunIsAUsageError() throws Exception {
    writeEvents(EventIndex.folderIn(data));
    assertThat(run("--repeat", "0", data.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--repeat must be at least 1");
  }

  @Test
  void anIndexWithoutEventsIsAClearError() throws Exception {
    try (EventIndex empty = EventIndex.open(EventIndex.folderIn(data))) {
      empty.commit();
    }
    assertThat(run(data.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("no events to search in");
  }

  private static List<String> fingerprints(String output) {
    return output.lines().skip(1).map(l -> l.substring(l.lastIndexOf(' ') + 1)).toList();
  }
}
