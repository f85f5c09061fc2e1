package dev.logrca.core.template;

/**
 * A message cut into tokens by a {@link Tokenizer}. Joining the words with the shape's joiner gives
 * the message back (whitespace runs of plain text become single spaces).
 *
 * @param words the tokens, in order
 * @param values for structured shapes, which tokens are values (always variable); null for plain
 *     text, where the miner decides
 * @param shape the shape that produced the tokens
 */
record TokenizedMessage(String[] words, boolean[] values, LogShape shape) {

  boolean isValue(int index) {
    return values != null && values[index];
  }
}
