package dev.logrca.rules.correlate;

import dev.logrca.core.model.LogEvent;
import java.io.Serializable;
import java.util.Set;
import java.util.TreeMap;

/**
 * What every line, notable or not, teaches: which services exist, when each last logged, when each
 * last complained, and which hosts each runs on.
 */
final class ServiceActivity implements Serializable {
  private static final long serialVersionUID = 1L;

  private final TreeMap<String, Long> lastSeen = new TreeMap<>();
  private final TreeMap<String, Long> lastTrouble = new TreeMap<>();
  private final TreeMap<String, String> serviceOfHost = new TreeMap<>();

  void record(LogEvent event) {
    String service = event.service();
    if (service == null) {
      return;
    }
    lastSeen.merge(service, event.timestamp(), Math::max);
    // a warning is too common in healthy systems (deprecations, retries) to call a service failing
    if (event.level().isError()) {
      lastTrouble.merge(service, event.timestamp(), Math::max);
    }
    String host = event.record().host();
    if (host != null && !host.isBlank()) {
      serviceOfHost.put(host.toLowerCase(java.util.Locale.ROOT), service);
    }
  }

  Set<String> services() {
    return lastSeen.keySet();
  }

  boolean knows(String service) {
    return lastSeen.containsKey(service);
  }

  String serviceOfHost(String host) {
    return serviceOfHost.get(host);
  }

  /** Logged nothing in the last {@code millis} before {@code now}, or never. */
  boolean silent(String service, long now, long millis) {
    Long seen = lastSeen.get(service);
    return seen == null || now - seen > millis;
  }

  /** Logged an error in the last {@code millis} before {@code now}. */
  boolean troubled(String service, long now, long millis) {
    Long trouble = lastTrouble.get(service);
    return trouble != null && now - trouble <= millis;
  }
}
