package dev.logrca.web;

import static dev.logrca.web.Http.get;
import static dev.logrca.web.Http.json;
import static dev.logrca.web.Http.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.logrca.index.search.Searcher;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Known query bombs: each is refused with 400 and a reason, or answered within the time budget;
 * never a 5xx, a hang or an out-of-memory.
 */
class QueryBombsTest {
  @TempDir static Path data;
  static Searcher searcher;
  static WebServer server;
  static URI base;

  @BeforeAll
  static void serve() throws Exception {
    ShopData.write(data);
    searcher = Searcher.open(data);
    server = WebServer.start(ServeSettings.loopback(0), searcher, null);
    base = server.uri();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    searcher.close();
  }

  private static JsonNode refused(String path) throws Exception {
    HttpResponse<String> r = get(base, path);
    assertThat(r.statusCode()).as(path.substring(0, Math.min(200, path.length()))).isEqualTo(400);
    return json(r);
  }

  @Test
  void tenThousandClausesAreRefused() throws Exception {
    String clauses = IntStream.range(0, 10_000).mapToObj(i -> "w").collect(Collectors.joining(" "));
    assertThat(refused("api/search?q=" + q(clauses)).get("reason").asText())
        .contains("characters long; the limit is 4096");
    // longer than the request line may be: refused by the server itself, still in JSON
    String longer =
        IntStream.range(0, 10_000).mapToObj(i -> "w" + i).collect(Collectors.joining(" OR "));
    HttpResponse<String> tooLong = get(base, "api/search?q=" + q(longer));
    assertThat(tooLong.statusCode()).isEqualTo(414);
    assertThat(json(tooLong).get("reason").asText()).contains("queries are limited to 4096");
    String short257 =
        IntStream.range(0, 300).mapToObj(i -> "x" + i).collect(Collectors.joining(" "));
    assertThat(refused("api/search?q=" + q(short257)).get("reason").asText())
        .contains("terms; the limit is 256");
  }

  @Test
  void leadingWildcardsAreRefused() throws Exception {
    assertThat(refused("api/search?q=" + q("message:*refused")).get("reason").asText())
        .contains("starts with a wildcard");
    refused("api/search?q=" + q("?efused"));
    refused("api/histogram?q=" + q("service:*"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "message:a*b*c*d*e*f*g*h*i*j*k*l*m*n*o*p*q*r*s*t*u*v*w*x*y*z*",
        "message:a?????????????????????????????????????????????????????????",
        "message:/a(b|c|d|e)*.*(f|g)*.*(h|i)*.*x{1,1000}/",
        "message:/a{1,100000}/",
        "message:/(a|aa)*b/",
        "message:[a TO zzzzzzzzzz]",
        "timestamp:[1970-01-01 TO 2999-12-31]",
        "message:refuse~2 OR message:conection~2 OR message:databse~2",
        "message:c*",
        "(((((((((((((((((((((((((((((((((((((((((((((((((((a)))))))))))))))))))))))))))))))))))))))))))))))))))"
      })
  void bombsAreRefusedOrAnsweredWithinTheBudget(String bomb) throws Exception {
    for (String api : new String[] {"api/search", "api/histogram"}) {
      HttpResponse<String> r = get(base, api + "?q=" + q(bomb));
      assertThat(r.statusCode()).as(api + " " + bomb).isIn(200, 400);
      if (r.statusCode() == 400) {
        assertThat(json(r).get("reason").asText()).isNotBlank();
      }
    }
  }

  @Test
  void regularExpressionsThatScanEverythingAreRefused() throws Exception {
    assertThat(refused("api/search?q=" + q("message:/.*/")).get("reason").asText())
        .contains("must start with a letter or digit");
  }

  @Test
  void aQueryThatOutrunsItsBudgetIsA400NotAPartialAnswer() throws Exception {
    try (WebServer strict =
        WebServer.start(
            new ServeSettings(ServeSettings.parseBind("127.0.0.1:0"), null, null, Duration.ZERO),
            searcher,
            null)) {
      HttpResponse<String> r = get(strict.uri(), "api/search?q=" + q("message:c*"));
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(json(r).get("reason").asText()).contains("longer than its budget of 0 ms");
      assertThat(get(strict.uri(), "api/histogram?by=template").statusCode()).isEqualTo(400);
    }
  }

  @Test
  void hugePagesAndHistogramsAreRefused() throws Exception {
    refused("api/search?size=100000");
    refused("api/search?size=-1");
    refused("api/incidents?size=0");
    refused("api/histogram?interval=1&since=1970-01-01&until=2999-01-01");
    refused("api/histogram?interval=99999999999999999999d");
  }
}
