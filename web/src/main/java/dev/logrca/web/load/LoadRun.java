package dev.logrca.web.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Drives a running server with concurrent clients for a while, each sending its next request as
 * soon as the last is answered, and reports what came back ({@link LoadReport}).
 */
public final class LoadRun {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final String token;
  private final HttpClient client;

  /** Load on the server at {@code base}, sending {@code token} (null for none). */
  public LoadRun(URI base, String token) {
    this.base = base;
    this.token = token;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** Runs {@code clients} clients for {@code duration}, the mix seeded by {@code seed}. */
  public LoadReport run(int clients, Duration duration, long seed) throws Exception {
    LoadMix mix =
        LoadMix.of(
            read("api/templates?size=200"), read("api/incidents?size=200"), read("api/histogram"));
    long deadline = System.nanoTime() + duration.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<LoadReport.Tally>> tallies = new ArrayList<>();
      SplittableRandom seeds = new SplittableRandom(seed);
      long started = System.nanoTime();
      for (int i = 0; i < clients; i++) {
        SplittableRandom random = seeds.split();
        tallies.add(pool.submit(() -> client(mix, random, deadline)));
      }
      LoadReport.Tally all = new LoadReport.Tally();
      for (Future<LoadReport.Tally> t : tallies) {
        all.add(t.get());
      }
      return new LoadReport(clients, Duration.ofNanos(System.nanoTime() - started), all);
    } finally {
      pool.shutdownNow();
    }
  }

  private LoadReport.Tally client(LoadMix mix, SplittableRandom random, long deadline) {
    LoadReport.Tally tally = new LoadReport.Tally();
    while (System.nanoTime() < deadline) {
      LoadMix.Call call = mix.next(random);
      long sent = System.nanoTime();
      String status;
      String reason = null;
      try {
        HttpResponse<String> answer = send(call.path());
        status = Integer.toString(answer.statusCode());
        if (answer.statusCode() >= 300) {
          reason = reasonIn(answer.body());
        }
      } catch (IOException e) {
        status = "io-error";
        reason = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      tally.record(call, status, System.nanoTime() - sent, reason);
    }
    return tally;
  }

  /** The reason an error answer gives (the API's JSON errors carry one), else its start. */
  private static String reasonIn(String body) {
    try {
      JsonNode reason = JSON.readTree(body).path("reason");
      if (reason.isTextual()) {
        return reason.asText();
      }
    } catch (IOException e) {
      // not JSON: show its start instead, as the operator would see it
    }
    return body.length() > 120 ? body.substring(0, 120) + "..." : body;
  }

  private JsonNode read(String path) throws IOException, InterruptedException {
    HttpResponse<String> r = send(path);
    if (r.statusCode() != 200) {
      throw new IOException(base.resolve(path) + " answered " + r.statusCode() + ": " + r.body());
    }
    return JSON.readTree(r.body());
  }

  private HttpResponse<String> send(String path) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
