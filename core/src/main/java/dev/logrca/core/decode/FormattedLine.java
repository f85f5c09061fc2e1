package dev.logrca.core.decode;

import dev.logrca.core.model.Level;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the fields of a line that matched its source's {@link HeaderFormat}: the timestamp fields,
 * and the fields whose names say what they are (Level, Component, Host, ...); the rest become
 * attributes.
 */
final class FormattedLine {
  private static final String[] LEVEL = {"Level", "Severity", "LogLevel", "Priority"};
  private static final String[] LOGGER = {"Component", "Logger", "Program", "Class", "Module"};
  private static final String[] HOST = {"Host", "Hostname", "Node"};
  private static final String[] SERVICE = {"Service", "App", "Application"};
  private static final String[] TRACE = {"TraceId", "Trace", "Trace_Id"};
  private static final Set<String> TIME_FIELDS =
      Set.of("timestamp", "datetime", "date_time", "date", "time", "month", "day", "year");

  private FormattedLine() {}

  static RecordDraft read(Map<String, String> fields, String line, TimestampParser parser) {
    RecordDraft d = new RecordDraft();
    Set<String> used = new HashSet<>();
    var t = parser.fromFields(fields);
    if (t.isPresent()) {
      d.timestamp = t.getAsLong();
      for (String name : fields.keySet()) {
        if (TIME_FIELDS.contains(name.toLowerCase(Locale.ROOT))) {
          used.add(name);
        }
      }
    }
    String content = fields.get(HeaderFormat.CONTENT);
    d.message = content == null ? line : content;
    used.add(HeaderFormat.CONTENT);
    String levelField = first(fields, LEVEL);
    if (levelField != null) {
      d.level = Level.parse(fields.get(levelField));
      if (d.level != Level.UNKNOWN) {
        used.add(levelField); // an unreadable level stays visible as an attribute
      }
    }
    d.logger = take(fields, LOGGER, used);
    d.host = take(fields, HOST, used);
    d.service = take(fields, SERVICE, used);
    d.traceId = take(fields, TRACE, used);
    fields.forEach(
        (name, value) -> {
          if (!used.contains(name)) {
            d.attributes.put(name, value);
          }
        });
    return d;
  }

  private static String take(Map<String, String> fields, String[] names, Set<String> used) {
    String name = first(fields, names);
    if (name == null) {
      return null;
    }
    used.add(name);
    return fields.get(name);
  }

  /** The actual name of the first of {@code names} present (in any case) and not blank. */
  private static String first(Map<String, String> fields, String[] names) {
    for (String wanted : names) {
      for (Map.Entry<String, String> e : fields.entrySet()) {
        if (e.getKey().equalsIgnoreCase(wanted) && !e.getValue().isBlank()) {
          return e.getKey();
        }
      }
    }
    return null;
  }
}
