package dev.logrca.simulate;

/** Writes the JSON objects that pino and zap print: flat fields, strings escaped. */
final class Json {
  private Json() {}

  /** Appends {@code "key":value} pairs; numbers stay bare, everything else becomes a string. */
  static void appendFields(StringBuilder out, Object... keysAndValues) {
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      out.append(",\"").append(keysAndValues[i]).append("\":");
      appendValue(out, keysAndValues[i + 1]);
    }
  }

  static void appendValue(StringBuilder out, Object value) {
    if (value instanceof Number) {
      out.append(value);
    } else {
      appendString(out, String.valueOf(value));
    }
  }

  static void appendString(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
