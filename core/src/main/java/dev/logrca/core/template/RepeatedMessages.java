package dev.logrca.core.template;

import java.util.Arrays;

/**
 * The results of messages a miner has just mined without changing any template, for their exact
 * repeats: a service prints many messages word for word again ({@code request completed}), and
 * while the templates stay as they are, mining one again gives the very same result. Any change to
 * the templates forgets them all. Bounded, so unique messages cannot make it grow without end.
 *
 * <p>Every message of a stream is a new string whose hash is not yet known, so the memory hashes it
 * itself, four characters at a time ({@link #hash}): a message is long, and {@link
 * String#hashCode}'s one chain of multiplications costs it several times as much.
 */
final class RepeatedMessages {
  /** Messages remembered per miner at most; the whole set is dropped when it is full. */
  static final int CAPACITY = 1024;

  /** Slots of the open-addressing table: twice the capacity, so it is at most half full. */
  private static final int SLOTS = 2 * CAPACITY;

  private final String[] messages = new String[SLOTS];
  private final int[] hashes = new int[SLOTS];
  private final Repeat[] repeats = new Repeat[SLOTS];
  private int size;
  private long templatesVersion;

  /** The message {@link #get} last hashed, and its hash, which {@link #put} then reuses. */
  private String lastMessage;

  private int lastHash;

  /** A remembered result and the template it joined, whose count a repeat raises. */
  record Repeat(Cluster cluster, MiningResult result) {}

  /** The repeat of {@code message}, if it was mined since the templates last changed. */
  Repeat get(String message, long version) {
    if (version != templatesVersion) {
      clear();
      templatesVersion = version;
      return null;
    }
    if (size == 0) {
      return null;
    }
    int hash = hashOf(message);
    for (int slot = hash & (SLOTS - 1); messages[slot] != null; slot = (slot + 1) & (SLOTS - 1)) {
      if (hashes[slot] == hash && messages[slot].equals(message)) {
        return repeats[slot];
      }
    }
    return null;
  }

  /** Remembers a result that changed nothing, mined while the templates had {@code version}. */
  void put(String message, Cluster cluster, MiningResult result, long version) {
    if (version != templatesVersion) {
      clear();
      templatesVersion = version;
    }
    if (size >= CAPACITY) {
      clear();
    }
    int hash = hashOf(message);
    int slot = hash & (SLOTS - 1);
    while (messages[slot] != null && !(hashes[slot] == hash && messages[slot].equals(message))) {
      slot = (slot + 1) & (SLOTS - 1);
    }
    if (messages[slot] == null) {
      size++;
    }
    messages[slot] = message;
    hashes[slot] = hash;
    repeats[slot] = new Repeat(cluster, result);
  }

  private void clear() {
    lastMessage = null;
    if (size > 0) {
      Arrays.fill(messages, null);
      Arrays.fill(repeats, null);
      size = 0;
    }
  }

  /** {@link #hash}, computed once for a message that is looked up and then remembered. */
  private int hashOf(String message) {
    if (message != lastMessage) {
      lastMessage = message;
      lastHash = hash(message);
    }
    return lastHash;
  }

  /**
   * A hash of the whole message in four independent chains, one per fourth character, so that the
   * processor runs them side by side; then mixed, since slots are taken from its low bits.
   */
  static int hash(String message) {
    int length = message.length();
    int a = length;
    int b = 0;
    int c = 0;
    int d = 0;
    int i = 0;
    for (; i + 3 < length; i += 4) {
      a = 31 * a + message.charAt(i);
      b = 31 * b + message.charAt(i + 1);
      c = 31 * c + message.charAt(i + 2);
      d = 31 * d + message.charAt(i + 3);
    }
    for (; i < length; i++) {
      a = 31 * a + message.charAt(i);
    }
    int h = a * 0x9E3779B1 + b * 0x85EBCA77 + c * 0xC2B2AE3D + d;
    return h ^ (h >>> 16);
  }
}
