package dev.logrca.core.template;

import java.util.Arrays;

/**
 * Remembered {@link LineShape}s by skeleton, for messages that differ from one mined before only in
 * their numbers and hex runs: such a message is answered from its shape in about two passes over
 * its characters, without cutting, masking or comparing it with templates. Like {@link
 * RepeatedMessages} it holds only while the templates stay as they are, and is bounded: at most
 * {@value #CAPACITY} shapes of messages of at most {@value LineSkeleton#MAX_LENGTH} characters, the
 * whole set dropped when it is full. It is a cache: a snapshot leaves it out, and a restored miner
 * answers as the original would.
 */
final class LineShapes {
  /** Shapes remembered per miner at most. */
  static final int CAPACITY = 1024;

  private static final int SLOTS = 2 * CAPACITY;

  private final LineShape[] shapes = new LineShape[SLOTS];
  private final int[] hashes = new int[SLOTS];
  private final LineSkeleton skeleton = new LineSkeleton();
  private int size;
  private long templatesVersion;

  /** The shape {@link #answer} last answered from. */
  private LineShape answered;

  /**
   * The result of {@code message} if a message of its skeleton was mined since the templates last
   * changed, else null.
   */
  MiningResult answer(String message, long version) {
    keepTo(version);
    if (!skeleton.read(message) || size == 0) {
      return null;
    }
    LineShape shape = shapes[slot()];
    if (shape == null) {
      return null;
    }
    MiningResult result = shape.answer(message);
    if (result != null) {
      answered = shape;
    }
    return result;
  }

  /** The template the last answer joined, whose count the miner raises. */
  Cluster answeredCluster() {
    return answered.cluster();
  }

  /**
   * Remembers how a message that changed nothing was mined, while the templates had {@code
   * version}; a message whose parameters are not its own characters (a value of several words apart
   * by more than one space) is not remembered.
   */
  void remember(
      String message,
      TokenizedMessage tokens,
      String[] masked,
      Cluster cluster,
      MiningResult result,
      ValueOffsets offsets,
      long version) {
    keepTo(version);
    if (skeleton.message() != message && !skeleton.read(message)) {
      return;
    }
    LineShape shape = ShapeReading.of(message, skeleton, tokens, masked, cluster, result, offsets);
    if (shape == null) {
      return;
    }
    if (size >= CAPACITY) {
      clear();
    }
    int slot = slot();
    if (shapes[slot] == null) {
      size++;
    }
    shapes[slot] = shape;
    hashes[slot] = skeleton.hash();
  }

  /** The slot of the skeleton last read: the one that holds its shape, else the free one for it. */
  private int slot() {
    int hash = skeleton.hash();
    int slot = hash & (SLOTS - 1);
    while (shapes[slot] != null
        && !(hashes[slot] == hash && skeleton.is(shapes[slot].skeleton()))) {
      slot = (slot + 1) & (SLOTS - 1);
    }
    return slot;
  }

  /** Drops every shape when the templates are no longer those of {@code version}. */
  private void keepTo(long version) {
    if (version != templatesVersion) {
      clear();
      templatesVersion = version;
    }
  }

  private void clear() {
    answered = null;
    if (size > 0) {
      Arrays.fill(shapes, null);
      size = 0;
    }
  }
}
