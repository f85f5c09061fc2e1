package dev.logrca.core.template;

/**
 * Cuts a logfmt line ({@code level=info msg="user logged in" user=42}) into fixed keys and variable
 * values. A line with anything but {@code key=value} pairs is not logfmt.
 */
final class LogfmtTokenizer implements Tokenizer {
  private static final int MIN_PAIRS = 2;

  @Override
  public TokenizedMessage tokenize(String message) {
    if (!isLogfmt(message)) {
      // most lines with an '=' are free text: reject them before allocating anything
      return null;
    }
    StructuredTokens tokens = new StructuredTokens();
    int length = message.length();
    int pos = 0;
    int pairs = 0;
    while (true) {
      int start = pos;
      while (pos < length && message.charAt(pos) == ' ') {
        pos++;
      }
      if (pos == length) {
        tokens.fixed(message.substring(start));
        break;
      }
      int keyStart = pos;
      while (pos < length && isKeyChar(message.charAt(pos))) {
        pos++;
      }
      if (pos == keyStart || pos == length || message.charAt(pos) != '=') {
        return null;
      }
      pos++;
      if (pos < length && message.charAt(pos) == '"') {
        int end = closingQuote(message, pos + 1);
        if (end < 0) {
          return null;
        }
        tokens.fixed(message.substring(start, pos + 1));
        tokens.value(message.substring(pos + 1, end));
        tokens.fixed('"');
        pos = end + 1;
      } else {
        int valueStart = pos;
        while (pos < length && !Character.isWhitespace(message.charAt(pos))) {
          pos++;
        }
        tokens.fixed(message.substring(start, valueStart));
        tokens.value(message.substring(valueStart, pos));
      }
      pairs++;
      if (pos < length && message.charAt(pos) != ' ') {
        return null;
      }
    }
    return pairs >= MIN_PAIRS ? tokens.build(LogShape.LOGFMT) : null;
  }

  /** The same walk as {@link #tokenize} without building tokens: whether it would succeed. */
  private static boolean isLogfmt(String message) {
    int length = message.length();
    int pos = 0;
    int pairs = 0;
    while (true) {
      while (pos < length && message.charAt(pos) == ' ') {
        pos++;
      }
      if (pos == length) {
        return pairs >= MIN_PAIRS;
      }
      int keyStart = pos;
      while (pos < length && isKeyChar(message.charAt(pos))) {
        pos++;
      }
      if (pos == keyStart || pos == length || message.charAt(pos) != '=') {
        return false;
      }
      pos++;
      if (pos < length && message.charAt(pos) == '"') {
        int end = closingQuote(message, pos + 1);
        if (end < 0) {
          return false;
        }
        pos = end + 1;
      } else {
        while (pos < length && !Character.isWhitespace(message.charAt(pos))) {
          pos++;
        }
      }
      pairs++;
      if (pos < length && message.charAt(pos) != ' ') {
        return false;
      }
    }
  }

  private static boolean isKeyChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == '@';
  }

  private static int closingQuote(String message, int from) {
    for (int i = from; i < message.length(); i++) {
      char c = message.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i;
      }
    }
    return -1;
  }
}
