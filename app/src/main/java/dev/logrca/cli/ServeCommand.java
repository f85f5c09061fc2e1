package dev.logrca.cli;

import dev.logrca.core.topology.Topology;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code logrca serve}: the JSON API and the web console over a data folder's indices. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the event, template and incident indices under --data over HTTP: the console at /,"
          + " the JSON API under /api (its OpenAPI document at /api/openapi.json), /health and"
          + " /metrics. Reads only; indices a running job writes show up as it commits. Listens on"
          + " loopback unless --bind says otherwise, which then needs --token-file."
    })
public final class ServeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "data",
      description = "The data folder that analyze writes (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(
      names = "--bind",
      paramLabel = "HOST:PORT",
      defaultValue = "127.0.0.1:8080",
      description = "Where to listen (default: ${DEFAULT-VALUE}; port 0 picks a free one).")
  String bind;

  @Option(
      names = "--topology",
      paramLabel = "FILE",
      description = "Call graph for the incident pages. Default: inferred from the logs.")
  Path topology;

  @Mixin ConsoleOptions console;

  /** Completing it stops the server; set by tests, else Ctrl-C and SIGTERM complete it. */
  CompletableFuture<Void> stopRequest;

  /** Completed with the server's address once it listens; for tests. */
  final CompletableFuture<java.net.URI> listening = new CompletableFuture<>();

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    CompletableFuture<Void> stop = stopRequest;
    if (stop == null) {
      stop = new CompletableFuture<>();
      StopSignals.install(stop, err);
    }
    try (ConsoleOptions.Console running =
        console.start(spec.commandLine(), data, bind, readTopology())) {
      err.printf(
          "serving %s at %s (Ctrl-C stops)%n", data.toAbsolutePath().normalize(), running.uri());
      err.flush();
      listening.complete(running.uri());
      stop.join();
    }
    return 0;
  }

  private Topology readTopology() {
    if (topology == null) {
      return null;
    }
    try {
      return Topology.read(topology);
    } catch (IOException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--topology " + topology + ": " + e.getMessage());
    }
  }
}
