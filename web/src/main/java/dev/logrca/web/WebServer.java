package dev.logrca.web;

import dev.logrca.core.topology.Topology;
import dev.logrca.index.search.Searcher;
import java.net.URI;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP server of {@code logrca serve}: the JSON API and the console over one data folder's
 * indices, which it reads as the job writes them. Start it with {@link #start}, stop it by closing.
 */
public final class WebServer implements AutoCloseable {
  /**
   * Threads: Jetty's acceptor and selector, plus two request threads per core; further requests
   * wait in Jetty's queue. Searches are CPU-bound, so more threads would only share the cores finer
   * and hold more requests' memory at once.
   */
  static final int MAX_THREADS = 4 + 2 * Runtime.getRuntime().availableProcessors();

  /** Request line and headers up to 64 KB, so an oversized query reaches the API's own limit. */
  static final int MAX_HEADER_BYTES = 64 * 1024;

  private final Server server;
  private final ServerConnector connector;

  private WebServer(Server server, ServerConnector connector) {
    this.server = server;
    this.connector = connector;
  }

  /**
   * Serves {@code searcher} (which the caller closes after this server) under {@code settings};
   * {@code topology} gives the call graph, or null to infer it from the logs.
   */
  public static WebServer start(ServeSettings settings, Searcher searcher, Topology topology)
      throws Exception {
    QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, Math.min(4, MAX_THREADS));
    threads.setName("logrca-http");
    Server server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setRequestHeaderSize(MAX_HEADER_BYTES);
    // %2F and /../ in a path are refused before any handler sees them
    http.setUriCompliance(UriCompliance.DEFAULT);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(settings.bind().getHostString());
    connector.setPort(settings.bind().getPort());
    server.addConnector(connector);
    server.setErrorHandler(new JsonErrors());
    HttpMetrics metrics = new HttpMetrics();
    Handler.Sequence routes =
        new Handler.Sequence(
            new ApiHandler(searcher, settings.queryBudget(), metrics, new CallGraphs(topology)),
            new ConsoleFiles());
    server.setHandler(
        new MeasuredRequests(
            metrics, new AccessGate(settings.token(), settings.corsOrigin(), routes)));
    server.start();
    return new WebServer(server, connector);
  }

  /** Where the server listens, e.g. {@code http://127.0.0.1:8080/}. */
  public URI uri() {
    String host = connector.getHost();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + connector.getLocalPort() + "/");
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    server.join();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
