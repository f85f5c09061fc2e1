package dev.logrca.core.template;

/**
 * The shape of a message, which decides how it is cut into tokens: free text, or a structured JSON
 * object or logfmt line whose keys are fixed and whose values are variable.
 */
enum LogShape {
  /** Free text, cut at whitespace. */
  PLAIN(" "),
  /** A JSON object. */
  JSON(""),
  /** {@code key=value} pairs separated by spaces. */
  LOGFMT("");

  private final String joiner;

  LogShape(String joiner) {
    this.joiner = joiner;
  }

  /** What goes between two tokens when a template is written out. */
  String joiner() {
    return joiner;
  }

  /** A cheap guess from the first and last characters; the tokeniser has the final word. */
  static LogShape guess(String message) {
    int start = 0;
    int end = message.length() - 1;
    while (start <= end && Character.isWhitespace(message.charAt(start))) {
      start++;
    }
    while (end >= start && Character.isWhitespace(message.charAt(end))) {
      end--;
    }
    if (start < end && message.charAt(start) == '{' && message.charAt(end) == '}') {
      return JSON;
    }
    if (message.indexOf('=') > start) {
      return LOGFMT;
    }
    return PLAIN;
  }
}
