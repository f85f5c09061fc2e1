package dev.logrca.web.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What a load client asks, drawn at random: half searches (by service, level, words, time windows,
 * a second page), a quarter histograms (split by service or level), a quarter incident reads (the
 * open list, one incident).
 *
 * @param services the services to name in queries
 * @param words words to search for in messages
 * @param incidentIds incidents to read
 * @param first the first event's time, epoch millis
 * @param last the last event's time, epoch millis
 */
public record LoadMix(
    List<String> services, List<String> words, List<String> incidentIds, long first, long last) {

  /** The kinds of request, for the per-kind report. */
  public enum Kind {
    SEARCH,
    HISTOGRAM,
    INCIDENT
  }

  /** One request: its kind and its path and query. */
  public record Call(Kind kind, String path) {}

  /** The mix for a server, from its templates, incidents and histogram. */
  static LoadMix of(JsonNode templates, JsonNode incidents, JsonNode histogram) {
    List<String> services =
        distinct(templates.path("templates").findValuesAsText("service"), List.of("payment"));
    List<String> words =
        distinct(
            templates.path("templates").findValuesAsText("text").stream()
                .flatMap(t -> List.of(t.split("[^A-Za-z]+")).stream())
                .filter(w -> w.length() >= 4)
                .map(String::toLowerCase)
                .toList(),
            List.of("error"));
    List<String> ids = incidents.path("incidents").findValuesAsText("id");
    long from = histogram.path("fromMillis").asLong();
    long to = from + histogram.path("buckets").asLong() * histogram.path("interval").asLong();
    return new LoadMix(services, words.subList(0, Math.min(50, words.size())), ids, from, to);
  }

  private static List<String> distinct(List<String> values, List<String> fallback) {
    List<String> d = values.stream().distinct().toList();
    return d.isEmpty() ? fallback : d;
  }

  /** The next request of a client. */
  Call next(SplittableRandom random) {
    int dice = random.nextInt(100);
    if (dice < 50) {
      return new Call(Kind.SEARCH, "api/search?" + search(random));
    }
    if (dice < 75) {
      String by = random.nextBoolean() ? "service" : "level";
      String q = random.nextInt(3) == 0 ? "&q=" + enc("level:error OR level:fatal") : "";
      return new Call(Kind.HISTOGRAM, "api/histogram?by=" + by + q + window(random, 0.5));
    }
    if (incidentIds.isEmpty() || random.nextInt(3) == 0) {
      return new Call(Kind.INCIDENT, "api/incidents?status=open&size=50");
    }
    return new Call(
        Kind.INCIDENT, "api/incidents/" + incidentIds.get(random.nextInt(incidentIds.size())));
  }

  private String search(SplittableRandom random) {
    String service = services.get(random.nextInt(services.size()));
    String word = words.get(random.nextInt(words.size()));
    String q =
        switch (random.nextInt(5)) {
          case 0 -> "*";
          case 1 -> "service:" + service;
          case 2 -> "level:error";
          case 3 -> "service:" + service + " AND level:warn";
          default -> word;
        };
    return "q=" + enc(q) + "&size=50" + window(random, 0.1);
  }

  /** A time window about {@code share} of the data's span long, half the time; else none. */
  private String window(SplittableRandom random, double share) {
    if (random.nextBoolean() || last <= first) {
      return "";
    }
    long span = Math.max(1, (long) ((last - first) * share));
    long since = first + (long) (random.nextDouble() * Math.max(1, last - first - span));
    return "&since="
        + enc(Instant.ofEpochMilli(since).toString())
        + "&until="
        + enc(Instant.ofEpochMilli(since + span).toString());
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
