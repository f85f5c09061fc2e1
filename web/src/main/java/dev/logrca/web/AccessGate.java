package dev.logrca.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * What every request passes before it reaches the API or the console: reading only (GET and HEAD),
 * the token when one is set, CORS only for the configured origin, and headers that keep the console
 * from being framed or fed foreign scripts.
 */
final class AccessGate extends Handler.Wrapper {
  static final String TOKEN_COOKIE = "logrca_token";

  /** A refused request's body up to this size is read before the refusal is sent. */
  private static final long SMALL_BODY = 64 * 1024;

  private static final String CONTENT_POLICY =
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
          + " connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

  private final byte[] token;
  private final String corsOrigin;

  AccessGate(String token, String corsOrigin, Handler next) {
    super(next);
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    this.corsOrigin = corsOrigin;
  }

  private static void refuseWrite(Response response, Callback callback) {
    ErrorReplies.error(response, callback, 405, "this server only reads: use GET");
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.getHeaders().put("Referrer-Policy", "no-referrer");
    response.getHeaders().put("Content-Security-Policy", CONTENT_POLICY);
    String method = request.getMethod();
    boolean allowedOrigin = allowCors(request, response);
    if (HttpMethod.OPTIONS.is(method) && allowedOrigin) {
      response.setStatus(204);
      callback.succeeded();
      return true;
    }
    if (!HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method)) {
      response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
      long length = request.getLength();
      if (length >= 0 && length <= SMALL_BODY) {
        // read a small body first: answering while the client still sends it closes the
        // connection under it, and the client may lose the 405
        Content.Source.consumeAll(
            request, Callback.from(() -> refuseWrite(response, callback), callback::failed));
      } else {
        refuseWrite(response, callback);
      }
      return true;
    }
    if (token != null && !carriesToken(request, response)) {
      response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"logrca\"");
      ErrorReplies.error(
          response,
          callback,
          401,
          "this server needs its token: send 'Authorization: Bearer <token>', or open the"
              + " console once with ?token=<token>");
      return true;
    }
    return super.handle(request, response, callback);
  }

  /** Adds the CORS headers when the request comes from the configured origin. */
  private boolean allowCors(Request request, Response response) {
    String origin = request.getHeaders().get(HttpHeader.ORIGIN);
    if (corsOrigin == null || origin == null || !corsOrigin.equals(origin)) {
      return false;
    }
    response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, corsOrigin);
    response.getHeaders().put(HttpHeader.VARY, "Origin");
    response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, "GET, HEAD");
    response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS, "Authorization");
    return true;
  }

  private boolean carriesToken(Request request, Response response) {
    String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return matches(header.substring(7).strip());
    }
    List<HttpCookie> cookies = Request.getCookies(request);
    for (HttpCookie cookie : cookies) {
      if (TOKEN_COOKIE.equals(cookie.getName()) && matches(cookie.getValue())) {
        return true;
      }
    }
    Fields query = Request.extractQueryParameters(request);
    if (matches(query.getValue("token"))) {
      // a browser opened from a link keeps the token in a cookie the page's scripts cannot read
      Response.addCookie(
          response,
          HttpCookie.build(TOKEN_COOKIE, query.getValue("token"))
              .path("/")
              .httpOnly(true)
              .sameSite(HttpCookie.SameSite.STRICT)
              .build());
      return true;
    }
    return false;
  }

  private boolean matches(String given) {
    // constant time, so the token cannot be guessed from how fast a wrong one is refused
    return given != null && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8));
  }
}
