package dev.logrca.core.decode;

/**
 * What the reader noticed about a line's bytes.
 *
 * @param invalidUtf8 the bytes were not valid UTF-8 and were decoded with replacement characters
 * @param truncated the line was longer than the reader keeps; only its start was kept
 * @param originalLength the line's length in bytes, without its line break
 */
public record LineFlags(boolean invalidUtf8, boolean truncated, long originalLength) {
  /** Flags of a line with nothing to report (its length unknown). */
  public static final LineFlags NONE = new LineFlags(false, false, -1);

  /** True when there is something to record. */
  public boolean any() {
    return invalidUtf8 || truncated;
  }
}
