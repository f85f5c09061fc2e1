package dev.logrca.cli;

import dev.logrca.index.EventIndex;
import dev.logrca.index.ShardedEventIndex;
import dev.logrca.web.load.LoadReport;
import dev.logrca.web.load.LoadRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code logrca load}: concurrent clients against a running {@code logrca serve}. */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description = {
      "Load a running server: --clients clients each send a search (half), a histogram (a"
          + " quarter) or an incident read (a quarter) as soon as the last is answered, for"
          + " --duration; then print throughput, p50/p90/p99 latency overall and per kind, and"
          + " the count of each status. With --fill-events N instead, write N seeded made-up"
          + " events into --data's event index (to load a big index) and exit."
    })
public final class LoadCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      paramLabel = "URL",
      arity = "0..1",
      description = "The server, e.g. http://127.0.0.1:8080/ (loopback only).")
  URI url;

  @Option(names = "--clients", defaultValue = "50", description = "Default: ${DEFAULT-VALUE}.")
  int clients;

  @Option(
      names = "--duration",
      defaultValue = "60s",
      description = "How long, e.g. 60s or 5m (default: ${DEFAULT-VALUE}).")
  String duration;

  @Option(names = "--seed", defaultValue = "1", description = "Seeds the request mix.")
  long seed;

  @Option(names = "--token-file", paramLabel = "FILE", description = "The server's token.")
  Path tokenFile;

  @Option(names = "--fill-events", paramLabel = "N", description = "Write N events and exit.")
  Integer fillEvents;

  @Option(names = "--data", paramLabel = "DIR", defaultValue = "data", description = "For fill.")
  Path data;

  @Option(
      names = "--fill-from",
      paramLabel = "TIME",
      defaultValue = "2026-11-27T00:00:00Z",
      description =
          "The filled events spread over the day from this ISO-8601 time, e.g. the day of the"
              + " events already indexed (default: ${DEFAULT-VALUE}).")
  String fillFrom;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (fillEvents != null) {
      return fill(out);
    }
    if (url == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "give the server's URL");
    }
    String host = url.getHost() == null ? "" : url.getHost();
    if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("[::1]")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "load only a server on loopback (127.0.0.1 or localhost)");
    }
    if (clients < 1 || clients > 1000) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--clients must be 1..1000");
    }
    String token =
        tokenFile == null ? null : Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
    URI base = URI.create(url.toString().endsWith("/") ? url.toString() : url + "/");
    LoadReport report = new LoadRun(base, token).run(clients, parseDuration(), seed);
    report.print(out);
    return report.failures() == 0 ? 0 : 1;
  }

  private int fill(PrintWriter out) throws IOException {
    if (fillEvents < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--fill-events must be > 0");
    }
    long start;
    try {
      start = Instant.parse(fillFrom).toEpochMilli();
    } catch (java.time.format.DateTimeParseException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--fill-from: '" + fillFrom + "' is not an ISO-8601 time");
    }
    long took = System.nanoTime();
    try (ShardedEventIndex index = ShardedEventIndex.open(data)) {
      SyntheticEvents.write(index, fillEvents, start, Duration.ofDays(1).toMillis(), seed);
    }
    out.printf(
        "wrote %d events over the day from %s into %s in %.1f s%n",
        fillEvents, fillFrom, EventIndex.folderIn(data), (System.nanoTime() - took) / 1e9);
    out.flush();
    return 0;
  }

  private Duration parseDuration() {
    try {
      String d = duration.strip().toUpperCase(java.util.Locale.ROOT);
      return Duration.parse(d.startsWith("P") ? d : "PT" + d);
    } catch (java.time.format.DateTimeParseException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--duration: '" + duration + "' is not a duration such as 60s");
    }
  }
}
