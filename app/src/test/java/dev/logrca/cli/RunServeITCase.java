package dev.logrca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code logrca run --serve}: the console answers with what the long-running job has indexed. */
class RunServeITCase {
  private static final int LINES = 40;

  @TempDir Path dir;

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void theConsoleSearchesWhatTheRunningJobIndexed() throws Exception {
    Path logs = Files.createDirectories(dir.resolve("logs"));
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < LINES; i++) {
      lines.add(
          String.format(
              "2026-11-27T10:00:%02dZ INFO order %d accepted for customer %d", i, 1000 + i, i % 7));
    }
    Files.write(logs.resolve("checkout.log"), lines);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Logrca.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    RunCommand run = cli.getSubcommands().get("run").getCommand();
    run.stopRequest = new CompletableFuture<>();
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () ->
                cli.execute(
                    "run",
                    "--data",
                    dir.resolve("data").toString(),
                    "--serve=127.0.0.1:0",
                    logs.toString()));
    URI uri = run.listening.get(2, TimeUnit.MINUTES);
    HttpClient client = HttpClient.newHttpClient();
    assertThat(get(client, uri.resolve("health")).get("status").asText()).isEqualTo("ok");
    // the followed job commits its index at each checkpoint: wait for the job, not for a time
    long total = 0;
    while (total < LINES && !exit.isDone()) {
      total =
          get(client, uri.resolve("api/search?q=service:checkout&size=1")).get("total").asLong();
      TimeUnit.MILLISECONDS.sleep(200);
    }
    assertThat(total).as(err.toString()).isEqualTo(LINES);
    run.stopRequest.complete(null);
    assertThat(exit.get(2, TimeUnit.MINUTES)).as(err.toString()).isZero();
    assertThat(err.toString()).contains("console at " + uri);
  }

  private static JsonNode get(HttpClient client, URI uri) throws Exception {
    HttpResponse<String> r =
        client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return new ObjectMapper().readTree(r.body());
  }
}
