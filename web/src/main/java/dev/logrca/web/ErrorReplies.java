package dev.logrca.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Writes JSON answers: every error as {@code {"status": 400, "error": "Bad Request", "reason":
 * "..."}} so that tools and the console read one shape.
 */
final class ErrorReplies {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private ErrorReplies() {}

  static void json(Response response, Callback callback, int status, Object body) {
    try {
      byte[] bytes = MAPPER.writeValueAsBytes(body);
      send(response, callback, status, "application/json", bytes);
    } catch (Exception e) {
      callback.failed(e);
    }
  }

  static void error(Response response, Callback callback, int status, String reason) {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("status", status);
    body.put("error", HttpStatus.getMessage(status));
    body.put("reason", reason);
    json(response, callback, status, body);
  }

  static void text(Response response, Callback callback, String contentType, String text) {
    send(response, callback, 200, contentType, text.getBytes(StandardCharsets.UTF_8));
  }

  static void send(
      Response response, Callback callback, int status, String contentType, byte[] bytes) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType + "; charset=utf-8");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(true, ByteBuffer.wrap(bytes), callback);
  }
}
