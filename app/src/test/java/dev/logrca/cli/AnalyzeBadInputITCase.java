package dev.logrca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.index.search.SearchRequest;
import dev.logrca.index.search.SearchTarget;
import dev.logrca.index.search.Searcher;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One {@code analyze} run over every kind of bad input at once: the run completes, each bad path
 * gets a clear message, and each odd line is kept, counted and searchable.
 */
class AnalyzeBadInputITCase {
  @TempDir static Path dir;
  private static Path logs;
  private static Path data;
  private static Path unreadable;
  private static CliRun run;
  private static long goodLines;

  @BeforeAll
  static void analyseABadFolder() throws Exception {
    logs = Files.createDirectories(dir.resolve("logs"));
    data = dir.resolve("data");
    write(
        "app.log",
        "2026-11-27T10:00:00Z INFO service started",
        "2026-11-27T10:00:01Z ERROR request failed",
        "java.lang.IllegalStateException: boom",
        "    at com.example.App.run(App.java:12)",
        "2026-11-27T10:00:02Z INFO request ok");
    write(
        "json.log",
        "{\"@timestamp\":\"2026-11-27T10:00:00Z\",\"service.name\":\"api\",\"level\":\"info\",\"message\":\"fine\"}",
        "{\"@timestamp\":\"2026-11-27T10:00:01Z\",\"message\":\"cut off",
        "{\"@timestamp\":\"2026-11-27T10:00:02Z\",\"service.name\":\"api\",\"level\":\"warn\",\"message\":\"after\"}");
    write(
        "disorder.log",
        "2026-11-27T10:10:00Z INFO much later",
        "2026-11-27T10:00:00Z INFO ten minutes earlier",
        "2026-11-27T10:10:01Z INFO later again");
    write("notime.log", "no timestamp here", "nor here");
    ByteArrayOutputStream utf8 = new ByteArrayOutputStream();
    utf8.write("2026-11-27T10:00:00Z WARN bad bytes: ".getBytes(StandardCharsets.UTF_8));
    utf8.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
    utf8.write("\n2026-11-27T10:00:01Z INFO good again\n".getBytes(StandardCharsets.UTF_8));
    Files.write(logs.resolve("latin.log"), utf8.toByteArray());
    String huge = "2026-11-27T10:00:00Z INFO " + "x".repeat(1 << 20);
    Files.writeString(
        logs.resolve("huge.log"), huge + "\n2026-11-27T10:00:01Z INFO after the huge line\n");
    Files.write(logs.resolve("core.bin"), new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 0, 1, 2, 0, 0});
    unreadable = unreadableFile();
    goodLines = 5 + 3 + 3 + 2 + 2 + 2;

    run =
        CliRun.of(
            "analyze",
            "--data",
            data.toString(),
            logs.toString(),
            dir.resolve("missing.log").toString(),
            unreadable.toString());
  }

  private static void write(String name, String... lines) throws Exception {
    Files.write(logs.resolve(name), List.of(lines), StandardCharsets.UTF_8);
  }

  /** A file this process cannot read: mode 000, or for root (who reads anyway) /proc/self/mem. */
  private static Path unreadableFile() throws Exception {
    Path file = dir.resolve("secret.log");
    Files.writeString(file, "2026-11-27T10:00:00Z INFO secret\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    return Files.isReadable(file) ? Path.of("/proc/self/mem") : file;
  }

  @Test
  void theRunCompletesAndSaysWhatItDid() {
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("analysed " + goodLines + " lines from 6 files");
  }

  @Test
  void aMissingPathIsNamed() {
    assertThat(run.err()).contains("missing.log: no such file or directory");
  }

  @Test
  void anUnreadableFileIsNamed() {
    assertThat(run.err()).contains(unreadable + ": cannot be read");
  }

  @Test
  void aBinaryFileIsSkippedWithAMessage() {
    assertThat(run.err()).contains("core.bin: skipped, binary file");
  }

  @Test
  void everyLineOfTheReadableFilesIsIndexed() throws Exception {
    assertThat(search("*")).isEqualTo(goodLines);
  }

  @Test
  void malformedJsonIsKeptAsRawTextAndCounted() throws Exception {
    assertThat(search("decodeFailed:true AND message:\"cut off\"")).isEqualTo(1);
    assertThat(run.err()).containsPattern("[1-9]\\d* kept as raw text");
  }

  @Test
  void invalidUtf8IsKeptAndTheNextLineIsFine() throws Exception {
    assertThat(search("service:latin")).isEqualTo(2);
    assertThat(search("message:\"good again\"")).isEqualTo(1);
  }

  @Test
  void aOneMegabyteLineIsKeptTruncatedAndTheNextLineIsRead() throws Exception {
    assertThat(search("message:\"after the huge line\"")).isEqualTo(1);
    assertThat(search("service:huge")).isEqualTo(2);
  }

  @Test
  void linesWithoutTimestampsAreKept() throws Exception {
    assertThat(search("message:\"no timestamp here\" OR message:\"nor here\"")).isEqualTo(2);
  }

  @Test
  void linesOutOfOrderAreKeptAndTheLateOnesCounted() throws Exception {
    assertThat(search("message:\"ten minutes earlier\"")).isEqualTo(1);
    assertThat(run.err()).containsPattern("[1-9]\\d* arrived too late to count");
  }

  private static long search(String query) throws Exception {
    try (Searcher searcher = Searcher.open(data)) {
      return searcher
          .search(new SearchRequest(SearchTarget.EVENTS, query, null, null, 10))
          .totalHits();
    }
  }
}
