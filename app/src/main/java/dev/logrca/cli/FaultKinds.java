package dev.logrca.cli;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The root-cause category of a real fault's kind, where one fits. Chaos tools name what they inject
 * (CPU contention, memory stress, network delay), which maps onto our categories; benchmark fault
 * ids such as Train-Ticket's F05 or F23 are application bugs of several shapes and map to none, so
 * they are scored on the service alone.
 */
final class FaultKinds {
  private static final Map<String, String> CATEGORIES =
      Map.ofEntries(
          Map.entry("cpu_contention", "resource.cpu_saturation"),
          Map.entry("cpu_stress", "resource.cpu_saturation"),
          Map.entry("cpu_consumed", "resource.cpu_saturation"),
          Map.entry("memory_stress", "resource.out_of_memory"),
          Map.entry("memory_consumed", "resource.out_of_memory"),
          Map.entry("network_delay", "network.latency"),
          Map.entry("network_loss", "network.unreachable"),
          Map.entry("network_partition", "network.unreachable"),
          Map.entry("pod_failure", "dependency.down"),
          Map.entry("pod_kill", "dependency.down"),
          Map.entry("disk_full", "resource.disk_full"));

  /** The category ids of docs/categories.md; a simulated fault's kind is one of them. */
  private static final Set<String> CATEGORY_IDS =
      Set.of(
          "dependency.down",
          "network.unreachable",
          "network.latency",
          "resource.disk_full",
          "resource.out_of_memory",
          "resource.cpu_saturation",
          "resource.pool_exhausted",
          "deploy.bad_release",
          "config.error",
          "security.certificate",
          "dns.resolution",
          "app.exception",
          "unknown");

  private FaultKinds() {}

  /** The category for {@code kind}, or null when no category fits it. */
  static String category(String kind) {
    String key = kind.toLowerCase(Locale.ROOT).replace('-', '_');
    if (CATEGORY_IDS.contains(kind)) {
      return kind;
    }
    return CATEGORIES.get(key);
  }
}
