package dev.logrca.web;

import static dev.logrca.web.Http.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.logrca.index.search.Searcher;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Safe by default: loopback, token off loopback, read-only, no file escapes, CORS off. */
class AccessTest {
  static final String TOKEN = "s3cret-token-for-tests";
  @TempDir static Path data;
  static Searcher searcher;
  static WebServer open;
  static WebServer guarded;

  @BeforeAll
  static void serve() throws Exception {
    ShopData.write(data);
    searcher = Searcher.open(data);
    open = WebServer.start(ServeSettings.loopback(0), searcher, null);
    guarded =
        WebServer.start(
            new ServeSettings(
                new InetSocketAddress("0.0.0.0", 0), TOKEN, "https://grafana.example", null),
            searcher,
            null);
  }

  @AfterAll
  static void stop() throws Exception {
    open.close();
    guarded.close();
    searcher.close();
  }

  /** The guarded server, reached over loopback: the token is still required. */
  private static URI guardedUri() {
    return URI.create("http://127.0.0.1:" + guarded.uri().getPort() + "/");
  }

  @Test
  void bindingOffLoopbackNeedsAToken() {
    assertThatThrownBy(
            () -> new ServeSettings(new InetSocketAddress("0.0.0.0", 8080), null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("give --token-file");
    assertThat(ServeSettings.loopback(0).bind().getAddress().isLoopbackAddress()).isTrue();
    assertThat(ServeSettings.parseBind("8081").getHostString()).isEqualTo("127.0.0.1");
    assertThat(ServeSettings.parseBind(":8082").getPort()).isEqualTo(8082);
  }

  @Test
  void everyRequestWithoutTheTokenGets401() throws Exception {
    for (String path :
        new String[] {
          "",
          "health",
          "metrics",
          "api/search",
          "api/incidents",
          "api/incidents/" + ShopData.INCIDENT_ID,
          "app.js",
          "api/openapi.json"
        }) {
      HttpResponse<String> r = get(guardedUri(), path);
      assertThat(r.statusCode()).as(path).isEqualTo(401);
      assertThat(r.body()).contains("\"status\":401");
    }
    assertThat(get(guardedUri(), "health", "Authorization", "Bearer wrong").statusCode())
        .isEqualTo(401);
    assertThat(get(guardedUri(), "health", "Authorization", "Bearer " + TOKEN).statusCode())
        .isEqualTo(200);
  }

  @Test
  void aTokenInTheLinkBecomesAnHttpOnlyCookie() throws Exception {
    HttpResponse<String> r = get(guardedUri(), "?token=" + TOKEN);
    assertThat(r.statusCode()).isEqualTo(200);
    String cookie = r.headers().firstValue("set-cookie").orElseThrow();
    assertThat(cookie)
        .contains("logrca_token=" + TOKEN)
        .contains("HttpOnly")
        .contains("SameSite=Strict");
    assertThat(get(guardedUri(), "health", "Cookie", "logrca_token=" + TOKEN).statusCode())
        .isEqualTo(200);
  }

  @Test
  void itOnlyReads() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH"}) {
      HttpRequest request =
          HttpRequest.newBuilder(open.uri().resolve("api/incidents"))
              .method(method, HttpRequest.BodyPublishers.ofString("{}"))
              .build();
      HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(method).isEqualTo(405);
      assertThat(r.body()).contains("only reads");
    }
  }

  @Test
  void staticFilesCannotEscapeTheirFolder() throws Exception {
    URI base = open.uri();
    assertThat(get(base, "").body()).contains("<title>logrca</title>");
    for (String line :
        new String[] {
          "GET /../pom.xml HTTP/1.1",
          "GET /..%2f..%2fpom.xml HTTP/1.1",
          "GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1",
          "GET /dev/logrca/web/WebServer.class HTTP/1.1",
          "GET /console/../openapi.json HTTP/1.1",
          "GET /index.html%00.js HTTP/1.1",
          "GET //etc/passwd HTTP/1.1"
        }) {
      String status = Http.raw(base, line);
      assertThat(status).as(line).matches("HTTP/1.1 4\\d\\d .*");
    }
    assertThat(get(base, "WebServer.class").statusCode()).isEqualTo(404);
  }

  @Test
  void corsIsOffUnlessConfigured() throws Exception {
    HttpResponse<String> plain = get(open.uri(), "health", "Origin", "https://evil.example");
    assertThat(plain.headers().firstValue("access-control-allow-origin")).isEmpty();
    HttpResponse<String> other =
        get(
            guardedUri(),
            "health",
            "Origin",
            "https://evil.example",
            "Authorization",
            "Bearer " + TOKEN);
    assertThat(other.headers().firstValue("access-control-allow-origin")).isEmpty();
    HttpResponse<String> allowed =
        get(
            guardedUri(),
            "health",
            "Origin",
            "https://grafana.example",
            "Authorization",
            "Bearer " + TOKEN);
    assertThat(allowed.headers().firstValue("access-control-allow-origin"))
        .hasValue("https://grafana.example");
  }
}
