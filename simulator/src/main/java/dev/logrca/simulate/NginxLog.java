package dev.logrca.simulate;

/**
 * The gateway's nginx: access lines in a combined format extended with timings and the trace id (as
 * many shops configure {@code log_format}), and error-log lines, both in one file.
 */
final class NginxLog {
  private static final String[] AGENTS = {
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
        + " Chrome/131.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko)"
        + " Version/18.1 Safari/605.1.15",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like"
        + " Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0",
    "okhttp/4.12.0"
  };

  private final LogSink sink;
  private final TimeFormat accessTime = TimeFormat.nginxAccess();
  private final TimeFormat errorTime = TimeFormat.nginxError();

  NginxLog(LogSink sink) {
    this.sink = sink;
  }

  /** One access line, written when the response is complete; {@code upstreamMs < 0} is "-". */
  void access(long time, Request request, int status, int bytes, long requestMs, long upstreamMs) {
    StringBuilder b = new StringBuilder(320);
    b.append(request.clientIp()).append(" - - [");
    accessTime.append(b, time).append("] \"").append(request.method()).append(' ');
    b.append(request.path()).append(" HTTP/1.1\" ").append(status).append(' ').append(bytes);
    b.append(" \"-\" \"").append(AGENTS[request.agent() % AGENTS.length]).append("\" rt=");
    appendSeconds(b, requestMs).append(" urt=");
    if (upstreamMs < 0) {
      b.append('-');
    } else {
      appendSeconds(b, upstreamMs);
    }
    b.append(" traceId=").append(request.traceId());
    sink.add(time, b.toString());
  }

  /** One error-log line about a request's upstream; level is nginx's (warn, error, crit). */
  void error(long time, String level, Request request, String message, String upstream) {
    StringBuilder b = new StringBuilder(320);
    errorTime.append(b, time).append(" [").append(level).append("] 29#29: *");
    b.append(request.connection()).append(' ').append(message);
    b.append(", client: ").append(request.clientIp()).append(", server: shop.example.com");
    b.append(", request: \"").append(request.method()).append(' ').append(request.path());
    b.append(" HTTP/1.1\"");
    if (upstream != null) {
      b.append(", upstream: \"").append(upstream).append(request.path()).append('"');
    }
    b.append(", host: \"shop.example.com\"");
    sink.add(time, b.toString());
  }

  /** An error-log line about nginx itself, not tied to a request. */
  void notice(long time, String level, String message) {
    StringBuilder b = new StringBuilder(160);
    errorTime.append(b, time).append(" [").append(level).append("] 29#29: ").append(message);
    sink.add(time, b.toString());
  }

  private static StringBuilder appendSeconds(StringBuilder b, long millis) {
    b.append(millis / 1000).append('.');
    long ms = millis % 1000;
    return b.append(ms < 100 ? (ms < 10 ? "00" : "0") : "").append(ms);
  }
}
