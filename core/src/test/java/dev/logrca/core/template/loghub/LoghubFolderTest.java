package dev.logrca.core.template.loghub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoghubFolderTest {
  @TempDir Path root;
  private Path system;

  @BeforeEach
  void aSystemFolder() throws IOException {
    system = Files.createDirectories(root.resolve("Shop"));
    Files.writeString(system.resolve("Shop_2k.log"), "INFO started\n");
    Files.writeString(
        system.resolve("Shop_2k.log_structured.csv"),
        "LineId,Level,Content,EventId,EventTemplate\n1,INFO,started,E1,started\n");
  }

  @Test
  void findsTheLogItsTruthAndTheFormatNamedAfterTheFolderInTheParent() throws IOException {
    Files.writeString(
        root.resolve("formats.json"),
        "{\"Other\": \"<A> <Content>\", \"Shop\": \"<Level> <Content>\"}");

    LoghubFolder folder = LoghubFolder.of(system, null);

    assertThat(folder.system()).isEqualTo("Shop");
    assertThat(folder.log()).isEqualTo(system.resolve("Shop_2k.log"));
    assertThat(folder.truth()).isEqualTo(system.resolve("Shop_2k.log_structured.csv"));
    assertThat(folder.format()).isEqualTo("<Level> <Content>");
  }

  @Test
  void aFormatsFileInTheFolderComesBeforeTheParentsAndAGivenFormatBeforeBoth() throws IOException {
    Files.writeString(root.resolve("formats.json"), "{\"Shop\": \"<Level> <Content>\"}");
    Files.writeString(system.resolve("formats.json"), "{\"Shop\": \"<Level>: <Content>\"}");

    assertThat(LoghubFolder.of(system, null).format()).isEqualTo("<Level>: <Content>");
    assertThat(LoghubFolder.of(system, "<Content>").format()).isEqualTo("<Content>");
  }

  @Test
  void withoutAFormatEntryTheErrorSaysWhereItLooked() throws IOException {
    Files.writeString(root.resolve("formats.json"), "{\"Other\": \"<A> <Content>\"}");

    assertThatThrownBy(() -> LoghubFolder.of(system, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no header format")
        .hasMessageContaining("\"Shop\"")
        .hasMessageContaining("formats.json");
  }

  @Test
  void aBrokenFormatsFileIsNamed() throws IOException {
    Files.writeString(root.resolve("formats.json"), "{\"Shop\": ");

    assertThatThrownBy(() -> LoghubFolder.of(system, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(root.resolve("formats.json").toString())
        .hasMessageContaining("not readable as JSON")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aMissingTruthIsNamed() throws IOException {
    Files.delete(system.resolve("Shop_2k.log_structured.csv"));

    assertThatThrownBy(() -> LoghubFolder.of(system, "<Content>"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no Shop_2k.log_structured.csv");
  }

  @Test
  void aMissingLogIsNamed() throws IOException {
    Files.delete(system.resolve("Shop_2k.log"));

    assertThatThrownBy(() -> LoghubFolder.of(system, "<Content>"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no *.log file");
  }

  @Test
  void aPathThatIsNoFolderIsNamed() {
    assertThatThrownBy(() -> LoghubFolder.of(root.resolve("nope"), "<Content>"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope: not a folder");
  }
}
