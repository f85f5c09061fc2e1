package dev.logrca.rules.correlate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds a known service that a message names in prose by the distinctive part of its name: "request
 * for station service namelist denied" names {@code ts-station-service}, "ticket info service"
 * names {@code ts-ticketinfo-service}, "getting all prices" names {@code ts-price-service}. Only
 * services the caller passes (seen in the logs or in the topology) are ever returned.
 */
final class ServiceWords {
  /** Words in service names that say what it is, not which one: payment-api, ts-station-service. */
  private static final Set<String> GENERIC =
      Set.of(
          "service",
          "services",
          "svc",
          "server",
          "srv",
          "api",
          "app",
          "ms",
          "microservice",
          "backend",
          "deployment");

  /**
   * Qualified names (org.springframework.web.client.HttpClientErrorException, a logger's
   * order.controller.OrderController) and URLs: their parts are packages and classes, not prose.
   */
  private static final Pattern QUALIFIED =
      Pattern.compile("[\\w$-]+(?:\\.[\\w$-]+){2,}|[a-z]+://\\S+|/[\\w/.-]+");

  private static final Pattern SPLIT = Pattern.compile("[^A-Za-z0-9]+");

  /** Below this many letters a name's core is too likely an ordinary word ("ad", "web"). */
  private static final int MIN_CORE = 4;

  private ServiceWords() {}

  /**
   * The one service of {@code services} other than {@code caller} whose name's core the message
   * spells out (its words joined, a plural allowed), the longest core winning; null when none or
   * two equally long ones match.
   */
  static String namedIn(String message, String caller, Collection<String> services) {
    Map<String, String> cores = cores(services);
    String text = QUALIFIED.matcher(message).replaceAll(" ").toLowerCase(Locale.ROOT);
    List<String> words = new ArrayList<>();
    for (String word : SPLIT.split(text)) {
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    String best = null;
    int bestLength = 0;
    boolean tie = false;
    for (Map.Entry<String, String> entry : cores.entrySet()) {
      String core = entry.getValue();
      if (entry.getKey().equals(caller) || core.length() < MIN_CORE || !spelled(words, core)) {
        continue;
      }
      if (core.length() > bestLength) {
        best = entry.getKey();
        bestLength = core.length();
        tie = false;
      } else if (core.length() == bestLength) {
        tie = true;
      }
    }
    return tie ? null : best;
  }

  /**
   * Each service's core: its name's words without generic ones ("service", "api") and without a
   * first word that at least three services share (a system's prefix, "ts-"), joined.
   */
  static Map<String, String> cores(Collection<String> services) {
    Map<String, Integer> firstWords = new HashMap<>();
    for (String service : services) {
      String[] parts = SPLIT.split(service.toLowerCase(Locale.ROOT));
      if (parts.length > 1) {
        firstWords.merge(parts[0], 1, Integer::sum);
      }
    }
    Map<String, String> cores = new HashMap<>();
    for (String service : services) {
      String[] parts = SPLIT.split(service.toLowerCase(Locale.ROOT));
      StringBuilder core = new StringBuilder();
      for (int i = 0; i < parts.length; i++) {
        boolean prefix = i == 0 && parts.length > 1 && firstWords.getOrDefault(parts[0], 0) >= 3;
        if (!prefix && !GENERIC.contains(parts[i])) {
          core.append(parts[i]);
        }
      }
      cores.put(service, core.toString());
    }
    return cores;
  }

  /** Whether up to three consecutive words join into {@code core}, the last one maybe plural. */
  private static boolean spelled(List<String> words, String core) {
    for (int i = 0; i < words.size(); i++) {
      StringBuilder joined = new StringBuilder();
      for (int j = i; j < Math.min(words.size(), i + 3); j++) {
        joined.append(words.get(j));
        String text = joined.toString();
        if (text.equals(core) || text.equals(core + "s") || text.equals(core + "es")) {
          return true;
        }
        if (text.length() >= core.length() + 2) {
          break;
        }
      }
    }
    return false;
  }
}
