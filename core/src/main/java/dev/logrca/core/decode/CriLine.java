package dev.logrca.core.decode;

/**
 * A line in the CRI logging format that containerd and CRI-O write and the kubelet keeps under
 * {@code /var/log/pods}: {@code 2026-11-27T10:00:00.123456789Z stdout F <message>}. The tag is
 * {@code F} for a full line or {@code P} for a partial one, whose message continues in the next
 * line of the same stream (the runtime splits lines longer than its buffer, 16 KiB by default).
 *
 * @param time the runtime's RFC 3339 timestamp, nanoseconds and zone included
 * @param stream {@code stdout} or {@code stderr}; null for {@code kubectl logs --timestamps}
 * @param partial true for tag {@code P}
 * @param message the container's own line, possibly empty
 */
record CriLine(String time, String stream, boolean partial, String message) {

  /** The line read as CRI, or null when it does not have the CRI shape. */
  static CriLine parse(String line) {
    // "2026-11-27T10:00:00Z stdout F": a date, a 'T', then the time up to the first blank
    if (line.length() < 29 || !isDigit(line, 0, 4) || line.charAt(4) != '-') {
      return null;
    }
    int space = line.indexOf(' ', 10);
    if (space < 20 || line.charAt(10) != 'T') {
      return null;
    }
    String stream;
    if (line.startsWith("stdout ", space + 1)) {
      stream = "stdout";
    } else if (line.startsWith("stderr ", space + 1)) {
      stream = "stderr";
    } else {
      return null;
    }
    int tag = space + 8;
    if (tag >= line.length()) {
      return null;
    }
    char t = line.charAt(tag);
    boolean tagEnds = tag + 1 == line.length() || line.charAt(tag + 1) == ' ';
    if ((t != 'F' && t != 'P') || !tagEnds) {
      return null;
    }
    String message = tagEnds && tag + 1 < line.length() ? line.substring(tag + 2) : "";
    return new CriLine(line.substring(0, space), stream, t == 'P', message);
  }

  /**
   * A line of {@code kubectl logs --timestamps}: the runtime's time, one space, then the
   * container's line; no stream, no tag. Null when the line does not start with an RFC 3339 time
   * with a zone ({@code 2026-11-27T10:00:00.123456789Z}, {@code ...+01:00}).
   */
  static CriLine parseTimestamped(String line) {
    if (line.length() < 22 || !isDigit(line, 0, 4) || line.charAt(4) != '-') {
      return null;
    }
    int space = line.indexOf(' ', 10);
    if (space < 20 || line.charAt(10) != 'T') {
      return null;
    }
    char zone = line.charAt(space - 1);
    boolean zoned =
        zone == 'Z' || line.charAt(space - 3) == ':' && "+-".indexOf(line.charAt(space - 6)) >= 0;
    return zoned
        ? new CriLine(line.substring(0, space), null, false, line.substring(space + 1))
        : null;
  }

  /** The same entry as a full line with {@code message}: how a joined partial sequence reads. */
  String asFullLine(String joinedMessage) {
    return time + ' ' + stream + " F " + joinedMessage;
  }

  private static boolean isDigit(String s, int from, int count) {
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
