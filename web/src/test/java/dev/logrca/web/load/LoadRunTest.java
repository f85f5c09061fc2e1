package dev.logrca.web.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.index.search.Searcher;
import dev.logrca.web.ServeSettings;
import dev.logrca.web.WebServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadRunTest {
  @TempDir Path data;

  @Test
  void reportsEveryRequestItSentByKindAndStatus() throws Exception {
    dev.logrca.web.TestData.writeShop(data);
    try (Searcher searcher = Searcher.open(data);
        WebServer server = WebServer.start(ServeSettings.loopback(0), searcher, null)) {
      LoadReport report = new LoadRun(server.uri(), null).run(2, Duration.ofMillis(500), 7);
      StringWriter printed = new StringWriter();
      report.print(new PrintWriter(printed));
      assertThat(report.requests()).isPositive();
      assertThat(report.failures()).isZero();
      assertThat(printed.toString())
          .contains(
              "2 clients for",
              "requests/s",
              "p99",
              "status counts: {200=" + report.requests() + "}")
          .containsPattern("search\\s+\\d");
    }
  }
}
