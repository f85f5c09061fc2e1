package dev.logrca.core.decode;

import dev.logrca.core.model.Level;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The NCSA common and combined access log lines of nginx and Apache: {@code 1.2.3.4 - -
 * [27/Nov/2026:10:00:00 +0000] "GET /x HTTP/1.1" 502 ...}. The level follows the status: 5xx is an
 * error, 4xx a warning.
 */
final class AccessLogLine {
  private static final Pattern ACCESS =
      Pattern.compile("^(\\S+) \\S+ (\\S+) \\[([^\\]]+)\\] (\"[^\"]*\" (\\d{3})\\b.*)$");

  private AccessLogLine() {}

  /** The decoded line, or null when it is not an access log line. */
  static PlainLine read(String line, TimestampParser parser) {
    int bracket = line.indexOf(" [");
    // cheap test first: most lines are not access lines
    if (bracket < 0 || line.indexOf("] \"", bracket) < 0) {
      return null;
    }
    Matcher m = ACCESS.matcher(line);
    if (!m.matches()) {
      return null;
    }
    TimestampMatch t = parser.parseLeading(m.group(3), 0);
    if (t == null) {
      return null;
    }
    int status = Integer.parseInt(m.group(5));
    Level level = status >= 500 ? Level.ERROR : status >= 400 ? Level.WARN : Level.INFO;
    Map<String, String> attributes = new HashMap<>();
    attributes.put("client", m.group(1));
    attributes.put("status", m.group(5));
    if (!m.group(2).equals("-")) {
      attributes.put("user", m.group(2));
    }
    return new PlainLine(true, t.epochMillis(), level, null, null, m.group(4), attributes);
  }
}
