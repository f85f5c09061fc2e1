package dev.logrca.cluster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The few calls of Flink's REST API that running logrca on a session cluster needs: upload and run
 * the job jar, a job's state, checkpoints and restarts, the registered TaskManagers. Uses Flink's
 * own shaded Jackson, which is on the cluster's classpath anyway. A call the cluster answers with
 * an error status throws an {@link IOException} carrying the answer's body.
 */
public final class FlinkRest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** A client of the REST API at {@code base} (e.g. {@code http://localhost:8081}). */
  public FlinkRest(String base) {
    this.base = base;
  }

  /** Uploads {@code jar}; returns the id {@link #run} takes. */
  public String uploadJar(Path jar) throws IOException, InterruptedException {
    String boundary = "logrca-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                + jar.getFileName()
                + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(Files.readAllBytes(jar));
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/jars/upload"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build();
    String file = call(request).path("filename").asText();
    return Path.of(file).getFileName().toString();
  }

  /** Runs uploaded jar {@code jarId}'s main with {@code args}; returns the job id. */
  public String run(String jarId, List<String> args) throws IOException, InterruptedException {
    ObjectNode body = JSON.createObjectNode();
    args.forEach(body.putArray("programArgsList")::add);
    return call(post("/jars/" + jarId + "/run", body.toString())).path("jobid").asText();
  }

  /** The job's state: RUNNING, RESTARTING, FINISHED, FAILED, ... */
  public String jobState(String jobId) throws IOException, InterruptedException {
    return job(jobId).path("state").asText();
  }

  /** The job's details ({@code GET /jobs/:id}). */
  public JsonNode job(String jobId) throws IOException, InterruptedException {
    return call(get("/jobs/" + jobId));
  }

  /** How many of the job's checkpoints completed so far. */
  public long completedCheckpoints(String jobId) throws IOException, InterruptedException {
    return call(get("/jobs/" + jobId + "/checkpoints")).path("counts").path("completed").asLong();
  }

  /** Whether the job went through RESTARTING at least once (a failover happened). */
  public boolean restarted(String jobId) throws IOException, InterruptedException {
    return job(jobId).path("timestamps").path("RESTARTING").asLong() > 0;
  }

  /** The ids of the TaskManagers registered with the JobManager. */
  public List<String> taskManagers() throws IOException, InterruptedException {
    List<String> ids = new ArrayList<>();
    call(get("/taskmanagers")).path("taskmanagers").forEach(tm -> ids.add(tm.path("id").asText()));
    return ids;
  }

  /** Each job's id and state, one {@code ID STATE NAME} line per job. */
  public List<String> jobs() throws IOException, InterruptedException {
    List<String> lines = new ArrayList<>();
    for (JsonNode job : call(get("/jobs/overview")).path("jobs")) {
      lines.add(
          job.path("jid").asText() + " " + job.path("state").asText() + " " + job.path("name"));
    }
    return lines;
  }

  /** Cancels the job. */
  public void cancel(String jobId) throws IOException, InterruptedException {
    call(
        HttpRequest.newBuilder(URI.create(base + "/jobs/" + jobId + "?mode=cancel"))
            .method("PATCH", HttpRequest.BodyPublishers.noBody())
            .build());
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build();
  }

  private HttpRequest post(String path, String json) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  private JsonNode call(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException(
          request.method()
              + " "
              + request.uri()
              + ": HTTP "
              + response.statusCode()
              + " "
              + response.body());
    }
    return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
  }
}
