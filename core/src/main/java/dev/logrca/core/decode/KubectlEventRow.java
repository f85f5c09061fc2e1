package dev.logrca.core.decode;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A row of {@code kubectl get events} as text, with or without the {@code NAMESPACE} column that
 * {@code -A} adds: {@code 2m10s Warning BackOff pod/checkout-7d9c7b6f5-x2x9q Back-off restarting
 * failed container}. Its age is relative to when kubectl ran, so the row is dated by the caller
 * from the file's time.
 *
 * @param ageMillis how long ago the event was last seen, or -1 when kubectl printed {@code
 *     <unknown>}
 * @param draft the row as a record: the involved object's workload, level, {@code reason: message}
 */
record KubectlEventRow(long ageMillis, RecordDraft draft) {
  private static final Pattern ROW =
      Pattern.compile(
          "^(?:([a-z0-9][a-z0-9-]*)\\s+)?(<unknown>|(?:\\d+[smhdy]){1,2})\\s+(Normal|Warning)\\s+"
              + "(\\S+)\\s+([a-zA-Z.]+)/(\\S+)\\s+(.*)$");
  private static final Pattern AGE_PART = Pattern.compile("(\\d+)([smhdy])");

  /** The row in {@code line}, or null when it is not one. */
  static KubectlEventRow parse(String line) {
    if (!line.contains("Warning") && !line.contains("Normal")) {
      return null;
    }
    Matcher m = ROW.matcher(line);
    if (!m.matches()) {
      return null;
    }
    String kind = m.group(5);
    String name = m.group(6);
    RecordDraft d = new RecordDraft();
    d.service = KubernetesEvent.serviceOf(kind, name);
    d.host = kind.equalsIgnoreCase("pod") || kind.equalsIgnoreCase("node") ? name : null;
    d.level = KubernetesEvent.levelOf(m.group(3));
    d.message = m.group(4) + ": " + m.group(7).strip();
    Map<String, String> attributes = new HashMap<>();
    attributes.put("k8s.event.reason", m.group(4));
    attributes.put("k8s.object.kind", kind);
    attributes.put("k8s.object.name", name);
    if (m.group(1) != null) {
      attributes.put("k8s.namespace.name", m.group(1));
    }
    d.attributes = attributes;
    return new KubectlEventRow(age(m.group(2)), d);
  }

  private static long age(String text) {
    if (text.startsWith("<")) {
      return -1;
    }
    long millis = 0;
    Matcher part = AGE_PART.matcher(text);
    while (part.find()) {
      long n = Long.parseLong(part.group(1));
      long unit =
          switch (part.group(2)) {
            case "s" -> 1_000L;
            case "m" -> 60_000L;
            case "h" -> 3_600_000L;
            case "d" -> 86_400_000L;
            default -> 365 * 86_400_000L;
          };
      millis += n * unit;
    }
    return millis;
  }
}
