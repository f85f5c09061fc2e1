package dev.logrca.core.template;

/**
 * Cuts a JSON object into its structure (keys, braces, spacing: fixed) and its scalar values
 * (variable). Arrays count as one value, since their length varies.
 */
final class JsonTokenizer implements Tokenizer {

  @Override
  public TokenizedMessage tokenize(String message) {
    Scanner scanner = new Scanner(message);
    StructuredTokens tokens = new StructuredTokens();
    scanner.whitespace(tokens);
    if (!scanner.peek('{') || !scanner.object(tokens)) {
      return null;
    }
    scanner.whitespace(tokens);
    return scanner.atEnd() ? tokens.build(LogShape.JSON) : null;
  }

  /** A hand-written reader: it only has to cut, not to build values. */
  private static final class Scanner {
    private final String text;
    private int pos;

    Scanner(String text) {
      this.text = text;
    }

    boolean atEnd() {
      return pos == text.length();
    }

    boolean peek(char c) {
      return pos < text.length() && text.charAt(pos) == c;
    }

    void whitespace(StructuredTokens tokens) {
      int start = pos;
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
      tokens.fixed(text.subSequence(start, pos));
    }

    boolean object(StructuredTokens tokens) {
      tokens.fixed('{');
      pos++;
      whitespace(tokens);
      if (peek('}')) {
        tokens.fixed('}');
        pos++;
        return true;
      }
      while (true) {
        int keyEnd = stringEnd(pos);
        if (!peek('"') || keyEnd < 0) {
          return false;
        }
        tokens.fixed(text.subSequence(pos, keyEnd));
        pos = keyEnd;
        whitespace(tokens);
        if (!peek(':')) {
          return false;
        }
        tokens.fixed(':');
        pos++;
        whitespace(tokens);
        if (!value(tokens)) {
          return false;
        }
        whitespace(tokens);
        if (peek('}')) {
          tokens.fixed('}');
          pos++;
          return true;
        }
        if (!peek(',')) {
          return false;
        }
        tokens.fixed(',');
        pos++;
        whitespace(tokens);
      }
    }

    boolean value(StructuredTokens tokens) {
      if (pos >= text.length()) {
        return false;
      }
      char c = text.charAt(pos);
      if (c == '{') {
        return object(tokens);
      }
      if (c == '"') {
        int end = stringEnd(pos);
        if (end < 0) {
          return false;
        }
        tokens.fixed('"');
        tokens.value(text.substring(pos + 1, end - 1));
        tokens.fixed('"');
        pos = end;
        return true;
      }
      int end = c == '[' ? arrayEnd(pos) : scalarEnd(pos);
      if (end <= pos) {
        return false;
      }
      tokens.value(text.substring(pos, end));
      pos = end;
      return true;
    }

    /** The index after the closing quote of the string opening at {@code from}, or -1. */
    int stringEnd(int from) {
      for (int i = from + 1; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          return i + 1;
        }
      }
      return -1;
    }

    int arrayEnd(int from) {
      int depth = 0;
      for (int i = from; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '"') {
          i = stringEnd(i) - 1;
          if (i < 0) {
            return -1;
          }
        } else if (c == '[' || c == '{') {
          depth++;
        } else if ((c == ']' || c == '}') && --depth == 0) {
          return i + 1;
        }
      }
      return -1;
    }

    int scalarEnd(int from) {
      int i = from;
      while (i < text.length() && ",}] \t\r\n".indexOf(text.charAt(i)) < 0) {
        i++;
      }
      return i;
    }
  }
}
