package dev.logrca.flink.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFolderTest {
  @TempDir Path dir;

  @Test
  void findsOnlyLogFilesNotKnownYet() throws Exception {
    Path known = Files.writeString(dir.resolve("api.log"), "line\n");
    Files.writeString(Files.createDirectories(dir.resolve("payment")).resolve("app.log"), "x\n");
    Files.writeString(dir.resolve("topology.json"), "{}");
    Files.writeString(dir.resolve(".api.log.swp"), "x\n");
    Files.write(dir.resolve("core.bin"), new byte[] {0, 1, 2, 0});

    LogFolder folder = new LogFolder(dir.toString(), null);

    assertThat(folder.newFiles(Set.of(known.toString())))
        .extracting(LogFile::path, LogFile::service)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                dir.resolve("payment/app.log").toString(), "payment"));
  }
}
