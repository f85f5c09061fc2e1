package dev.logrca.flink.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.LogRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.io.InputStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFileReaderTest {
  @TempDir Path dir;

  private LogFile write(String name, String... lines) throws Exception {
    Path file = dir.resolve(name);
    Files.write(file, List.of(lines), StandardCharsets.UTF_8);
    return new LogFile(file.toString(), name.replace(".log", ""), null);
  }

  private List<LogFile> twoServices() throws Exception {
    return List.of(
        write(
            "api.log",
            "2026-11-27T10:00:01Z INFO request one",
            "2026-11-27T10:00:03Z INFO request two",
            "2026-11-27T10:00:05Z ERROR request three failed",
            "    at com.example.Api.handle(Api.java:42)"),
        write(
            "db.log",
            "2026-11-27T10:00:00Z INFO checkpoint starting",
            "2026-11-27T10:00:04Z WARN slow query",
            "2026-11-27T10:00:06Z INFO checkpoint complete"));
  }

  private static List<LogRecord> drain(LogFileReader reader, int max) throws Exception {
    CapturingReaderOutput<LogRecord> out = new CapturingReaderOutput<>();
    while (out.records.size() < max && reader.pollNext(out) == InputStatus.MORE_AVAILABLE) {}
    return out.records;
  }

  @Test
  void mergesFilesInTimestampOrderAndKeepsEveryLine() throws Exception {
    LogFileReader reader = new LogFileReader(new TestReaderContext());
    reader.addSplits(List.of(new LogFileSplit("s", cursors(twoServices()))));
    reader.notifyNoMoreSplits();

    List<LogRecord> records = drain(reader, Integer.MAX_VALUE);

    assertThat(records)
        .extracting(LogRecord::message)
        .containsExactly(
            "checkpoint starting",
            "request one",
            "request two",
            "slow query",
            "request three failed",
            "    at com.example.Api.handle(Api.java:42)",
            "checkpoint complete");
    // the stack trace line has no time of its own: it takes its predecessor's
    assertThat(records.get(5).timestampInferred()).isTrue();
    assertThat(records.get(5).timestamp()).isEqualTo(records.get(4).timestamp());
    assertThat(records)
        .extracting(LogRecord::service)
        .containsExactly("db", "api", "api", "db", "api", "api", "db");
  }

  @Test
  void aReaderRestoredFromASnapshotContinuesWithTheSameLines() throws Exception {
    List<FileCursor> start = cursors(twoServices());
    LogFileReader uninterrupted = new LogFileReader(new TestReaderContext());
    uninterrupted.addSplits(List.of(new LogFileSplit("s", start)));
    uninterrupted.notifyNoMoreSplits();
    List<LogRecord> all = drain(uninterrupted, Integer.MAX_VALUE);

    LogFileReader first = new LogFileReader(new TestReaderContext());
    first.addSplits(List.of(new LogFileSplit("s", start)));
    List<LogRecord> before = drain(first, 4);
    LogFileSplit snapshot = first.snapshotState(1).get(0);
    first.close();
    LogFileSplitSerializer serializer = LogFileSplitSerializer.INSTANCE;
    LogFileSplit restored =
        serializer.deserialize(serializer.getVersion(), serializer.serialize(snapshot));

    LogFileReader second = new LogFileReader(new TestReaderContext());
    second.addSplits(List.of(restored));
    second.notifyNoMoreSplits();
    List<LogRecord> after = drain(second, Integer.MAX_VALUE);

    List<LogRecord> resumed = new ArrayList<>(before);
    resumed.addAll(after);
    assertThat(resumed).isEqualTo(all);
  }

  @Test
  void aCheckpointInsideSplitCriLinesResumesWithoutLossOrDuplication() throws Exception {
    List<LogFile> files =
        List.of(
            write(
                "checkout.log",
                "2026-11-27T10:00:01.000000001Z stderr F {\"level\":\"info\",\"msg\":\"one\"}",
                "2026-11-27T10:00:02.000000001Z stderr P {\"level\":\"error\",\"msg\":\"a long",
                "2026-11-27T10:00:02.000000002Z stderr P  line split",
                "2026-11-27T10:00:02.000000003Z stderr F  three ways\"}",
                "2026-11-27T10:00:03.000000001Z stdout P interrupted ",
                "2026-11-27T10:00:03.000000002Z stderr F {\"level\":\"warn\",\"msg\":\"between\"}",
                "2026-11-27T10:00:03.000000003Z stdout F rest",
                "2026-11-27T10:00:04.000000001Z stderr F {\"level\":\"info\",\"msg\":\"last\"}"),
            write("db.log", "2026-11-27T10:00:02.5Z LOG checkpoint starting"));
    List<FileCursor> start = cursors(files);
    LogFileReader uninterrupted = new LogFileReader(new TestReaderContext());
    uninterrupted.addSplits(List.of(new LogFileSplit("s", start)));
    uninterrupted.notifyNoMoreSplits();
    List<LogRecord> all = drain(uninterrupted, Integer.MAX_VALUE);

    assertThat(all)
        .extracting(LogRecord::message)
        .containsExactly(
            "one",
            "a long line split three ways",
            "checkpoint starting",
            "interrupted ",
            "between",
            "rest",
            "last");
    // a joined line is numbered by its first piece; the next line by its own place in the file
    assertThat(all).extracting(LogRecord::line).containsExactly(1L, 2L, 1L, 5L, 6L, 7L, 8L);
    for (int taken = 1; taken < all.size(); taken++) {
      LogFileReader first = new LogFileReader(new TestReaderContext());
      first.addSplits(List.of(new LogFileSplit("s", start)));
      List<LogRecord> resumed = new ArrayList<>(drain(first, taken));
      LogFileSplit snapshot = first.snapshotState(taken).get(0);
      first.close();
      LogFileReader second = new LogFileReader(new TestReaderContext());
      second.addSplits(List.of(snapshot));
      second.notifyNoMoreSplits();
      resumed.addAll(drain(second, Integer.MAX_VALUE));

      assertThat(resumed).as("resumed after %d lines", taken).isEqualTo(all);
    }
  }

  @Test
  void endsOnlyWhenNoMoreSplitsWillCome() throws Exception {
    TestReaderContext context = new TestReaderContext();
    LogFileReader reader = new LogFileReader(context);
    reader.start();
    CapturingReaderOutput<LogRecord> out = new CapturingReaderOutput<>();

    assertThat(reader.pollNext(out)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
    assertThat(reader.isAvailable()).isNotDone();
    reader.notifyNoMoreSplits();
    assertThat(reader.isAvailable()).isDone();
    assertThat(reader.pollNext(out)).isEqualTo(InputStatus.END_OF_INPUT);
    assertThat(context.splitRequests).isEqualTo(1);
  }

  private static List<FileCursor> cursors(List<LogFile> files) {
    return files.stream().map(FileCursor::atStart).toList();
  }
}
