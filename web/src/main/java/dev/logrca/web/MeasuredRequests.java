package dev.logrca.web;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Counts every answered request and its latency into {@link HttpMetrics}, refusals included. */
final class MeasuredRequests extends Handler.Wrapper {
  private final HttpMetrics metrics;

  MeasuredRequests(HttpMetrics metrics, Handler next) {
    super(next);
    this.metrics = metrics;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    long started = System.nanoTime();
    String route = HttpMetrics.route(Request.getPathInContext(request));
    Callback measured =
        new Callback.Nested(callback) {
          @Override
          public void succeeded() {
            metrics.record(route, response.getStatus(), System.nanoTime() - started);
            super.succeeded();
          }

          @Override
          public void failed(Throwable x) {
            metrics.record(route, 500, System.nanoTime() - started);
            super.failed(x);
          }
        };
    boolean handled = super.handle(request, response, measured);
    if (!handled) {
      ErrorReplies.error(response, measured, 404, "nothing here");
    }
    return true;
  }
}
