package dev.logrca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {
  @TempDir Path dir;

  @Test
  void listeningOffLoopbackWithoutATokenIsAUsageError() {
    CliRun run = CliRun.of("serve", "--data", dir.toString(), "--bind", "0.0.0.0:0");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("lets other machines in: give --token-file");
  }

  @Test
  void aShortTokenIsRefused() throws Exception {
    Path token = Files.writeString(dir.resolve("token"), "short\n");
    CliRun run =
        CliRun.of(
            "serve",
            "--data",
            dir.toString(),
            "--bind",
            "0.0.0.0:0",
            "--token-file",
            token.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("at least 16 characters");
  }

  @Test
  void servesAnEmptyDataFolderUntilAskedToStop() throws Exception {
    StringWriter err = new StringWriter();
    CommandLine cli = Logrca.commandLine();
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(err, true));
    ServeCommand serve = cli.getSubcommands().get("serve").getCommand();
    serve.stopRequest = new CompletableFuture<>();
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () ->
                cli.execute(
                    "serve", "--data", dir.resolve("data").toString(), "--bind", "127.0.0.1:0"));
    URI uri = serve.listening.get(30, TimeUnit.SECONDS);
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<String> health =
        client.send(
            HttpRequest.newBuilder(uri.resolve("health")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"eventIndex\":false");
    HttpResponse<String> incidents =
        client.send(
            HttpRequest.newBuilder(uri.resolve("api/incidents")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(incidents.body()).contains("\"total\":0");
    serve.stopRequest.complete(null);
    assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
    assertThat(err.toString()).contains("serving ").contains(uri.toString());
  }
}
