package dev.logrca.core.template;

/** Cuts one message into tokens; one implementation per {@link LogShape}. */
interface Tokenizer {

  /** The message's tokens, or null when the message does not have this tokeniser's shape. */
  TokenizedMessage tokenize(String message);
}
