package dev.logrca.rules.correlate;

import dev.logrca.core.topology.Topology;
import dev.logrca.rules.signature.Targets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maps the peer a line names to a service: by exact name, by a host the service logged from, by the
 * first label of a DNS name, by a pod name without its ReplicaSet suffix; a line that names no peer
 * but a known service as a word ("inventory call failed") by that word; an IP address, or a line
 * that names nobody, by the topology (the caller's one callee, or the one that is failing or
 * silent), unless it names a party outside the system by its role ("payment provider"); an address
 * nothing resolves is reported as "host 10.4.7.17", never as a service. A name that matches no
 * known service is kept as the name of an unseen dependency.
 */
final class DependencyResolver {
  private static final Pattern POD_SUFFIX =
      Pattern.compile("-(?=[a-z]*\\d)[a-z0-9]{6,10}-[a-z0-9]{5}$|-\\d+$");

  /** Words of a message, class names split at their humps: RedisCommandTimeoutException. */
  private static final Pattern WORD = Pattern.compile("[^A-Za-z0-9_-]+|(?<=[a-z0-9])(?=[A-Z])");

  private static final Set<String> LOCAL = Set.of("localhost", "127.0.0.1", "::1", "0.0.0.0");

  /** How a root cause names an address no service could be found for: "host 10.4.7.17". */
  static final String HOST_PREFIX = "host ";

  /**
   * Client libraries whose package or class names their server under another name: PgJDBC's {@code
   * org.postgresql}, the MariaDB connector, Jedis and Lettuce, the Mongo driver.
   */
  private static final java.util.Map<String, String> CLIENT_NAMES =
      java.util.Map.of(
          "postgresql", "postgres",
          "pgx", "postgres",
          "mariadb", "mysql",
          "jedis", "redis",
          "lettuce", "redis",
          "mongo", "mongodb");

  private final ServiceActivity activity;
  private final CorrelationConfig config;

  DependencyResolver(ServiceActivity activity, CorrelationConfig config) {
    this.activity = activity;
    this.config = config;
  }

  /**
   * The service {@code caller}'s line blames, or null.
   *
   * @param target the peer the line names (see {@link Targets}), or null
   * @param askTopology whether a line that names no service may be resolved through the topology
   */
  String resolve(
      String caller,
      String target,
      String message,
      boolean askTopology,
      Topology topology,
      long now) {
    String resolved = null;
    if (target != null && !LOCAL.contains(target)) {
      resolved = byName(target);
      if (resolved == null && Targets.isAddress(target)) {
        resolved = byPairedName(target);
      }
      if (resolved == null && Targets.isAddress(target)) {
        resolved = byTopology(caller, topology, now);
        if (resolved == null) {
          // an address is a host, not a service: say so rather than name a service after it
          resolved = HOST_PREFIX + target;
        }
      } else if (resolved == null) {
        resolved = unseenName(target);
      }
    } else if (askTopology) {
      resolved = namedIn(caller, message, topology);
      // "payment provider responding slowly" is about an outside party the caller talks to, not
      // about its one callee inside the system, its database say
      if (resolved == null && !Targets.namesOutsideParty(message)) {
        resolved = byTopology(caller, topology, now);
      }
    }
    return caller != null && caller.equals(resolved) ? null : resolved;
  }

  /**
   * The service some line named beside {@code address} ({@code payment/10.4.7.17:8080}): a known
   * service by that name, or a Kubernetes service DNS name's first label; else null.
   */
  private String byPairedName(String address) {
    String name = activity.nameOfAddress(address);
    if (name == null) {
      return null;
    }
    String known = byName(name);
    if (known != null) {
      return known;
    }
    return name.contains(".svc") || name.endsWith(".cluster.local") ? unseenName(name) : null;
  }

  /** True for what {@link #resolve} returns for an address no service was found for. */
  static boolean isUnresolvedHost(String dependency) {
    return dependency != null && dependency.startsWith(HOST_PREFIX);
  }

  private String byName(String host) {
    String byHost = activity.serviceOfHost(host);
    if (byHost != null) {
      return byHost;
    }
    String firstLabel =
        host.contains(".") && !Targets.isAddress(host)
            ? host.substring(0, host.indexOf('.'))
            : host;
    // a process name as the kernel prints it: redis-server, mysqld
    String daemon = firstLabel.replaceAll("-server$|(?<=[a-z]{4})d$", "");
    for (String candidate :
        List.of(host, firstLabel, POD_SUFFIX.matcher(firstLabel).replaceAll(""), daemon)) {
      for (String service : activity.services()) {
        if (normalise(service).equals(normalise(candidate))) {
          return service;
        }
      }
    }
    return null;
  }

  /**
   * Kubernetes service DNS names ({@code payment.shop.svc.cluster.local}) stand for their first
   * label.
   */
  private static String unseenName(String host) {
    if (host.contains(".svc") || host.endsWith(".cluster.local") || host.endsWith(".internal")) {
      return host.substring(0, host.indexOf('.'));
    }
    return POD_SUFFIX.matcher(host).find() && !host.contains(".")
        ? POD_SUFFIX.matcher(host).replaceAll("")
        : host;
  }

  /**
   * The one callee of {@code caller} (else the one known service, seen in the logs or in the
   * topology) that the message names as a word: "inventory call failed", "payment service
   * unavailable", a client's exception class that names its server, Lettuce's {@code
   * RedisCommandTimeoutException}, PgJDBC's {@code org.postgresql.util.PSQLException}; else the one
   * whose name's distinctive part it spells out ({@link ServiceWords}).
   */
  private String namedIn(String caller, String message, Topology topology) {
    if (message == null) {
      return null;
    }
    Set<String> words = new java.util.HashSet<>();
    for (String word : WORD.split(message)) {
      String lower = word.toLowerCase(Locale.ROOT);
      words.add(lower);
      if (CLIENT_NAMES.containsKey(lower)) {
        words.add(CLIENT_NAMES.get(lower));
      }
    }
    Set<String> known = new java.util.TreeSet<>(activity.services());
    known.addAll(topology.services());
    List<String> named =
        known.stream()
            .filter(s -> !s.equals(caller) && words.contains(s.toLowerCase(Locale.ROOT)))
            .toList();
    List<String> callees = named.stream().filter(topology.callees(caller)::contains).toList();
    if (callees.size() == 1) {
      return callees.get(0);
    }
    if (callees.isEmpty() && named.size() == 1) {
      return named.get(0);
    }
    // "request for station service namelist denied": the distinctive part of a known name
    return named.isEmpty() ? ServiceWords.namedIn(message, caller, known) : null;
  }

  private String byTopology(String caller, Topology topology, long now) {
    Set<String> callees = direct(caller, topology);
    if (callees.size() == 1) {
      return callees.iterator().next();
    }
    List<String> failing =
        callees.stream().filter(c -> activity.troubled(c, now, config.troubleMillis())).toList();
    if (failing.size() == 1) {
      return failing.get(0);
    }
    List<String> silent =
        callees.stream().filter(c -> activity.silent(c, now, config.silenceMillis())).toList();
    return silent.size() == 1 ? silent.get(0) : null;
  }

  /**
   * The callees {@code caller} talks to itself: a callee that another of its callees reaches is
   * dropped, since a call graph inferred from traces also links a caller to its callees' callees.
   */
  private static Set<String> direct(String caller, Topology topology) {
    Set<String> callees = topology.callees(caller);
    Set<String> direct = new java.util.TreeSet<>(callees);
    for (String callee : callees) {
      direct.removeIf(other -> !other.equals(callee) && topology.dependsOn(callee, other));
    }
    return direct;
  }

  private static String normalise(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }
}
