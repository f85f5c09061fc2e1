package dev.logrca.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty itself answers (a request line too long, a path it refuses) in the API's JSON
 * shape, without stack traces or version numbers.
 */
final class JsonErrors extends ErrorHandler {
  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    ErrorReplies.error(response, callback, code, reason(code, message));
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
    ObjectNode body = ErrorReplies.MAPPER.createObjectNode();
    body.put("status", status);
    body.put("error", HttpStatus.getMessage(status));
    body.put("reason", reason(status, reason));
    try {
      return ByteBuffer.wrap(ErrorReplies.MAPPER.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an error body always serialises", e);
    }
  }

  private static String reason(int status, String message) {
    if (status == HttpStatus.URI_TOO_LONG_414) {
      return "the request line is longer than "
          + WebServer.MAX_HEADER_BYTES / 1024
          + " KB; queries are limited to 4096 characters";
    }
    return message == null || message.isBlank() ? HttpStatus.getMessage(status) : message;
  }
}
