package dev.logrca.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The console's files, served from the jar. Only plain names in the one console folder are served
 * ({@code /app.js}, never {@code /../x} or {@code /a/b}), so no request reaches any other file;
 * pages are addressed by the URL fragment ({@code /#/incident/ID}), so {@code /} is the only page.
 */
final class ConsoleFiles extends Handler.Abstract {
  private static final String FOLDER = "/dev/logrca/web/console/";
  private static final Pattern PLAIN_NAME = Pattern.compile("/[a-z0-9-]+\\.(html|js|css|svg)");
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html",
          "js", "text/javascript",
          "css", "text/css",
          "svg", "image/svg+xml");

  private final Map<String, byte[]> loaded = new ConcurrentHashMap<>();

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws IOException {
    String path = Request.getPathInContext(request);
    if (path.equals("/")) {
      path = "/index.html";
    }
    byte[] bytes = PLAIN_NAME.matcher(path).matches() ? load(path.substring(1)) : null;
    if (bytes == null) {
      ErrorReplies.error(response, callback, 404, "no such page: the console lives at /");
      return true;
    }
    String type = TYPES.get(path.substring(path.lastIndexOf('.') + 1));
    ErrorReplies.send(response, callback, 200, type, bytes);
    return true;
  }

  private byte[] load(String name) throws IOException {
    byte[] known = loaded.get(name);
    if (known != null) {
      return known;
    }
    try (InputStream in = ConsoleFiles.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        return null;
      }
      byte[] bytes = in.readAllBytes();
      loaded.put(name, bytes);
      return bytes;
    }
  }
}
