package dev.logrca.core.decode;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Derives a service name from where a line came from: a log file's name without extensions, dates
 * and rotation numbers, or its folder's name when the file name says nothing (as with Kubernetes'
 * {@code /var/log/pods/ns_pod_uid/container/0.log}); or a pod name without its controller's
 * suffixes.
 */
public final class ServiceNames {
  /** File names that say how something was logged, not who logged it. */
  private static final Set<String> GENERIC =
      Set.of(
          "app",
          "application",
          "server",
          "service",
          "output",
          "out",
          "stdout",
          "stderr",
          "err",
          "error",
          "errors",
          "current",
          "log",
          "logs",
          "main",
          "console",
          "messages",
          "syslog",
          "access",
          "debug",
          "info",
          "trace",
          "var",
          "tmp",
          "data",
          "container",
          "containers",
          "pods",
          "");

  /** One trailing part that is an extension, a rotation number or a date. */
  private static final Pattern SUFFIX =
      Pattern.compile(
          "(?i)([.\\-_](log|txt|out|err|json|jsonl|ndjson|gz|bz2|xz|zst|zip|lz4|old|bak|\\d+)"
              + "|[.\\-_]\\d{4}-?\\d{2}-?\\d{2}(T?\\d{2}(-?\\d{2}){0,2})?)$");

  /** Kubernetes builds random suffixes from this alphabet (no vowels, no 0/1/3). */
  private static final String SAFE = "[bcdfghjklmnpqrstvwxz2456789]";

  private static final Pattern REPLICA_SET_POD =
      Pattern.compile("^(.+)-[a-z0-9]{6,10}-" + SAFE + "{5}$");
  private static final Pattern STATEFUL_SET_POD = Pattern.compile("^(.+)-\\d+$");
  private static final Pattern OTHER_POD = Pattern.compile("^(.+)-" + SAFE + "{5}$");

  /** {@code /var/log/containers/<pod>_<namespace>_<container>-<container id>.log}. */
  private static final Pattern CONTAINER_LINK =
      Pattern.compile("^[^_]+_[^_]+_(.+)-[0-9a-f]{64}\\.log$");

  private ServiceNames() {}

  /**
   * {@code payment.log} -> {@code payment}, {@code payment.2026-11-27.log.gz} -> {@code payment}; a
   * generic name ({@code app.log.1}, {@code stdout}, {@code 0.log}) gives the nearest folder name
   * that is not generic, else the stripped file name.
   */
  public static String fromPath(Path path) {
    Path fileName = path.getFileName();
    if (fileName == null) {
      return "unknown";
    }
    var link = CONTAINER_LINK.matcher(fileName.toString());
    if (link.matches()) {
      return link.group(1);
    }
    String name = stripSuffixes(fileName.toString());
    if (!isGeneric(name)) {
      return name;
    }
    for (Path dir = path.getParent(); dir != null; dir = dir.getParent()) {
      Path dirName = dir.getFileName();
      if (dirName != null && !isGeneric(dirName.toString())) {
        return fromPodFolder(dirName.toString());
      }
    }
    return name.isEmpty() ? fileName.toString() : name;
  }

  /**
   * A pod name without its controller suffixes: {@code ts-order-service-5d9f8b7c6-x2x9q} (a
   * Deployment's ReplicaSet hash and pod id) and {@code postgres-0} (a StatefulSet ordinal) give
   * {@code ts-order-service} and {@code postgres}; {@code fluent-bit-x2x9q} (a DaemonSet) gives
   * {@code fluent-bit}.
   */
  public static String fromPodName(String podName) {
    String name = podName.strip();
    for (Pattern p : new Pattern[] {REPLICA_SET_POD, STATEFUL_SET_POD, OTHER_POD}) {
      var m = p.matcher(name);
      if (m.matches()) {
        return m.group(1);
      }
    }
    return name;
  }

  private static String stripSuffixes(String fileName) {
    String name = fileName;
    while (true) {
      var m = SUFFIX.matcher(name);
      if (!m.find() || m.start() == 0) {
        return name;
      }
      name = name.substring(0, m.start());
    }
  }

  /** Kubernetes' pod folders are {@code namespace_pod_uid}; the pod name is the middle part. */
  private static String fromPodFolder(String dirName) {
    String[] parts = dirName.split("_");
    return parts.length == 3 ? fromPodName(parts[1]) : dirName;
  }

  private static boolean isGeneric(String name) {
    String n = stripSuffixes(name).toLowerCase(Locale.ROOT);
    return GENERIC.contains(n) || n.chars().allMatch(Character::isDigit);
  }
}
