package dev.logrca.core.template;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the tokens of a structured message: runs of fixed text (keys, punctuation, spacing)
 * alternating with values, so that concatenating them gives the message back exactly.
 */
final class StructuredTokens {
  private final List<String> words = new ArrayList<>();
  private final List<Boolean> values = new ArrayList<>();
  private final StringBuilder fixed = new StringBuilder();

  void fixed(CharSequence text) {
    fixed.append(text);
  }

  void fixed(char c) {
    fixed.append(c);
  }

  void value(String value) {
    flushFixed();
    words.add(value);
    values.add(true);
  }

  TokenizedMessage build(LogShape shape) {
    flushFixed();
    boolean[] flags = new boolean[values.size()];
    for (int i = 0; i < flags.length; i++) {
      flags[i] = values.get(i);
    }
    return new TokenizedMessage(words.toArray(new String[0]), flags, shape);
  }

  private void flushFixed() {
    if (fixed.length() > 0) {
      words.add(fixed.toString());
      values.add(false);
      fixed.setLength(0);
    }
  }
}
