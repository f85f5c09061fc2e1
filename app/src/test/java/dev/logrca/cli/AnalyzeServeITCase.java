package dev.logrca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.logrca.simulate.Scenario;
import dev.logrca.simulate.SimulationConfig;
import dev.logrca.simulate.SimulationResult;
import dev.logrca.simulate.Simulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** One command runs the job and the console: analyze --serve answers while and after it runs. */
class AnalyzeServeITCase {
  @TempDir Path dir;

  @Test
  @Timeout(value = 6, unit = TimeUnit.MINUTES)
  void theConsoleServesWhatTheJobWrites() throws Exception {
    SimulationResult sim =
        new Simulator(SimulationConfig.of(Scenario.fromId("dependency.down"), 11))
            .run(dir.resolve("sim"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Logrca.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    AnalyzeCommand analyze = cli.getSubcommands().get("analyze").getCommand();
    analyze.stopRequest = new CompletableFuture<>();
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () ->
                cli.execute(
                    "analyze",
                    "--data",
                    dir.resolve("data").toString(),
                    "--json",
                    dir.resolve("sim").toString(),
                    "--serve=127.0.0.1:0"));
    URI uri = analyze.listening.get(2, TimeUnit.MINUTES);
    HttpClient client = HttpClient.newHttpClient();
    assertThat(get(client, uri.resolve("health")).get("status").asText()).isEqualTo("ok");
    // after the run the console stays up until stopped: ask it once the incidents are printed
    String firstIncident = awaitFirstIncidentLine(out, exit);
    String id = new ObjectMapper().readTree(firstIncident).get("id").asText();
    JsonNode incident = get(client, uri.resolve("api/incidents/" + id));
    assertThat(incident.get("id").asText()).isEqualTo(id);
    // a page counts matches only up to 1,000 (a lower bound); the histogram counts them all
    JsonNode events = get(client, uri.resolve("api/search?size=1"));
    assertThat(events.get("total").asLong()).isGreaterThanOrEqualTo(Math.min(1000, sim.lines()));
    assertThat(events.get("hits")).hasSize(1);
    assertThat(get(client, uri.resolve("api/histogram")).get("total").asLong())
        .isEqualTo(sim.lines());
    analyze.stopRequest.complete(null);
    assertThat(exit.get(1, TimeUnit.MINUTES)).as(err.toString()).isZero();
    assertThat(err.toString()).contains("console at " + uri, "console still at " + uri);
  }

  private static JsonNode get(HttpClient client, URI uri) throws Exception {
    HttpResponse<String> r =
        client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return new ObjectMapper().readTree(r.body());
  }

  /** The job prints its incidents when it ends; until then the console already answers. */
  private static String awaitFirstIncidentLine(StringWriter out, CompletableFuture<Integer> exit)
      throws Exception {
    while (!exit.isDone()) {
      String printed = out.toString();
      int end = printed.indexOf('\n');
      if (end > 0) {
        return printed.substring(0, end);
      }
      // waiting for another thread's output, not for time to pass in the code under test
      TimeUnit.MILLISECONDS.sleep(100);
    }
    throw new AssertionError("analyze ended without printing an incident: exit " + exit.get());
  }
}
