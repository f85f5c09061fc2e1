package dev.logrca.core.template.loghub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.decode.HeaderFormat;
import org.junit.jupiter.api.Test;

class LineSplitterTest {
  // Loghub's Linux format: the PID is optional
  private static final LineSplitter LINUX =
      LineSplitter.byFormat(
          HeaderFormat.compile(
              "<Month> <Date> <Time> <Level> <Component>(\\[<PID>\\])?: <Content>"));

  @Test
  void theFormatsFieldsAreTheColumnsInOrder() {
    assertThat(LINUX.columns())
        .containsExactly("Month", "Date", "Time", "Level", "Component", "PID", "Content");
  }

  @Test
  void aMatchingLineFillsEveryColumnAndMinesItsContent() {
    SplitLine split =
        LINUX.split("Jun 14 15:16:01 combo sshd(pam_unix)[19939]: check pass; user unknown", 0);

    assertThat(split.matched()).isTrue();
    assertThat(split.columns())
        .containsExactly(
            "Jun",
            "14",
            "15:16:01",
            "combo",
            "sshd(pam_unix)",
            "19939",
            "check pass; user unknown");
    assertThat(split.content()).isEqualTo("check pass; user unknown");
  }

  @Test
  void anOptionalFieldThatIsAbsentIsEmpty() {
    SplitLine split = LINUX.split("Jun 15 04:06:18 combo su: session opened for user cyrus", 1);

    assertThat(split.matched()).isTrue();
    assertThat(split.columns()[5]).isEmpty();
    assertThat(split.content()).isEqualTo("session opened for user cyrus");
  }

  @Test
  void aLineTheFormatDoesNotMatchKeepsItsWholeTextAsContent() {
    String line = "  at java.base/java.lang.Thread.run(Thread.java:833)";

    SplitLine split = LINUX.split(line, 2);

    assertThat(split.matched()).isFalse();
    assertThat(split.columns()).containsExactly("", "", "", "", "", "", line);
    assertThat(split.content()).isEqualTo(line);
  }

  @Test
  void aFormatWithoutContentMinesTheWholeLine() {
    LineSplitter splitter = LineSplitter.byFormat(HeaderFormat.compile("<Date> <Time> <Rest>"));
    String line = "2026-11-27 10:00:00 disk full";

    SplitLine split = splitter.split(line, 0);

    assertThat(splitter.columns()).containsExactly("Date", "Time", "Rest", "Content");
    assertThat(split.columns()).containsExactly("2026-11-27", "10:00:00", "disk full", line);
    assertThat(split.content()).isEqualTo(line);
  }

  @Test
  void withoutAFormatTheDecodersMessageIsTheContent() {
    LineSplitter splitter = LineSplitter.byDefaultDecoding("app.log");

    SplitLine json =
        splitter.split(
            "{\"level\":\"error\",\"time\":\"2026-11-27T10:00:00Z\",\"msg\":\"payment refused\"}",
            0);
    SplitLine plain = splitter.split("2026-11-27 10:00:01 ERROR payment refused for order 7", 1);

    assertThat(splitter.columns()).containsExactly("Content");
    assertThat(json.content()).isEqualTo("payment refused");
    assertThat(json.matched()).isTrue();
    assertThat(plain.content()).endsWith("payment refused for order 7").doesNotContain("10:00:01");
  }
}
