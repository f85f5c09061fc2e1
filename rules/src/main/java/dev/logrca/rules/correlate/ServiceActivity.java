package dev.logrca.rules.correlate;

import dev.logrca.core.model.LogEvent;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.Set;
import java.util.TreeMap;

/**
 * What every line, notable or not, teaches: which services exist, when each last logged, when each
 * last complained, and which hosts each runs on.
 */
final class ServiceActivity implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Not final: a checkpoint from before first lines were kept restores without it. */
  TreeMap<String, Long> firstSeen = new TreeMap<>();

  final TreeMap<String, Long> lastSeen = new TreeMap<>();
  final TreeMap<String, Long> lastTrouble = new TreeMap<>();
  final TreeMap<String, String> serviceOfHost = new TreeMap<>();

  /** Addresses printed beside a name, at most {@link #MAX_NAMED_ADDRESSES} of them. */
  TreeMap<String, String> nameOfAddress = new TreeMap<>();

  /** Enough for every pod of a large cluster; addresses beyond it are not learned. */
  static final int MAX_NAMED_ADDRESSES = 20_000;

  void record(LogEvent event) {
    String service = event.service();
    if (service == null) {
      return;
    }
    firstSeen.merge(service, event.timestamp(), Math::min);
    lastSeen.merge(service, event.timestamp(), Math::max);
    // a warning is too common in healthy systems (deprecations, retries) to call a service failing
    if (event.level().isError()) {
      lastTrouble.merge(service, event.timestamp(), Math::max);
    }
    String host = event.record().host();
    if (host != null && !host.isBlank()) {
      serviceOfHost.put(host.toLowerCase(java.util.Locale.ROOT), service);
      String embedded = HostAddresses.embeddedIn(host);
      if (embedded != null) {
        serviceOfHost.putIfAbsent(embedded, service);
      }
    }
    String announced = HostAddresses.announcedIn(event.message());
    if (announced != null) {
      serviceOfHost.put(announced, service);
    }
    for (String[] pair : HostAddresses.pairedIn(event.message())) {
      if (nameOfAddress.size() < MAX_NAMED_ADDRESSES || nameOfAddress.containsKey(pair[1])) {
        nameOfAddress.put(pair[1], pair[0]);
      }
    }
  }

  /** The name a line printed beside {@code address} ({@code payment/10.4.7.17}), or null. */
  String nameOfAddress(String address) {
    return nameOfAddress.get(address);
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    if (firstSeen == null) {
      // restored from an older checkpoint: services count from their first line after it
      firstSeen = new TreeMap<>();
    }
    if (nameOfAddress == null) {
      nameOfAddress = new TreeMap<>();
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

  /** How long {@code service} had been logging at {@code now}: 0 for one never seen. */
  long age(String service, long now) {
    Long first = firstSeen.get(service);
    return first == null ? 0 : Math.max(0, now - first);
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
