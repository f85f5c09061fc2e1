package dev.logrca.cli;

import dev.logrca.core.topology.Topology;
import dev.logrca.index.search.Searcher;
import dev.logrca.web.ServeSettings;
import dev.logrca.web.WebServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options of the HTTP console shared by {@code serve} and {@code analyze --serve}: the token
 * file, the one CORS origin and the time budget of a query; and starting the console with them.
 */
final class ConsoleOptions {
  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description =
          "A file holding the secret every request must carry (Authorization: Bearer <token>, or"
              + " ?token= once in the browser). Required to listen off loopback.")
  Path tokenFile;

  @Option(
      names = "--cors-origin",
      paramLabel = "URL",
      description =
          "The one origin allowed to call the API from its pages, e.g."
              + " https://grafana.example:3000. Default: none (CORS off).")
  String corsOrigin;

  @Option(
      names = "--query-budget",
      paramLabel = "DURATION",
      defaultValue = "2s",
      description =
          "How long one search or histogram may run before it is answered 400 (default:"
              + " ${DEFAULT-VALUE}).")
  String queryBudget;

  /** A running console: the server and the searcher under it, closed together. */
  record Console(WebServer server, Searcher searcher) implements AutoCloseable {
    URI uri() {
      return server.uri();
    }

    @Override
    public void close() throws Exception {
      try (Searcher s = searcher) {
        server.close();
      }
    }
  }

  /** Where {@code --serve} listens when it is given without an address. */
  static final String DEFAULT_BIND = "127.0.0.1:8080";

  /**
   * The address an optional {@code --serve[=ADDR]} asks for, or null without it. In {@code --serve
   * logs/} picocli gives the option the first path: that path goes back to the front of {@code
   * paths} (which must be modifiable) and the console takes the default address.
   */
  static String serveAddress(String serve, List<Path> paths) {
    if (serve != null && !serve.contains(":") && Files.exists(Path.of(serve))) {
      paths.add(0, Path.of(serve));
      return DEFAULT_BIND;
    }
    return serve;
  }

  /**
   * Starts the console at {@code bind} (none when null), says where on {@code err} and completes
   * {@code listening} with its address.
   */
  Console startIfAsked(
      CommandLine cmd,
      Path data,
      String bind,
      Topology topology,
      PrintWriter err,
      CompletableFuture<URI> listening)
      throws Exception {
    if (bind == null) {
      return null;
    }
    Console running = start(cmd, data, bind, topology);
    err.printf("console at %s%n", running.uri());
    err.flush();
    listening.complete(running.uri());
    return running;
  }

  /** Serves {@code data} at {@code bind}; usage errors are picocli parameter errors. */
  Console start(CommandLine cmd, Path data, String bind, Topology topology) throws Exception {
    ServeSettings settings;
    try {
      settings =
          new ServeSettings(ServeSettings.parseBind(bind), token(cmd), corsOrigin, budget(cmd));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cmd, e.getMessage());
    }
    Files.createDirectories(data);
    Searcher searcher = Searcher.open(data);
    try {
      return new Console(WebServer.start(settings, searcher, topology), searcher);
    } catch (IOException e) {
      searcher.close();
      throw new CommandLine.ParameterException(
          cmd, "cannot listen on " + bind + ": " + e.getMessage());
    }
  }

  private String token(CommandLine cmd) {
    if (tokenFile == null) {
      return null;
    }
    try {
      String token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
      if (token.length() < 16) {
        throw new CommandLine.ParameterException(
            cmd, "--token-file " + tokenFile + ": the token must be at least 16 characters");
      }
      return token;
    } catch (IOException e) {
      throw new CommandLine.ParameterException(
          cmd, "--token-file " + tokenFile + ": cannot read it (" + e.getMessage() + ")");
    }
  }

  private Duration budget(CommandLine cmd) {
    String t = queryBudget.strip().toUpperCase(Locale.ROOT);
    try {
      Duration d = Duration.parse(t.startsWith("P") ? t : "PT" + t);
      if (d.isNegative() || d.isZero() || d.toSeconds() > 60) {
        throw new CommandLine.ParameterException(
            cmd, "--query-budget must be between 1ms and 60s, not " + queryBudget);
      }
      return d;
    } catch (DateTimeParseException e) {
      throw new CommandLine.ParameterException(
          cmd, "--query-budget: '" + queryBudget + "' is not a duration such as 2s or 500ms");
    }
  }
}
