package dev.logrca.flink.source;

import java.io.Serializable;

/**
 * How far one file has been read: the part of a split that a checkpoint stores.
 *
 * @param file the file
 * @param nextOffset byte offset of the first line not yet emitted
 * @param nextLine 1-based number of that line
 * @param lastTimestamp event time of the last emitted line, inherited by lines without a timestamp
 *     of their own; {@link Long#MIN_VALUE} before the first line
 */
public record FileCursor(LogFile file, long nextOffset, long nextLine, long lastTimestamp)
    implements Serializable {

  /** A cursor at the start of {@code file}. */
  public static FileCursor atStart(LogFile file) {
    return atStart(file, Long.MIN_VALUE);
  }

  /**
   * A cursor at the start of {@code file} that remembers {@code lastTimestamp}, for a file read
   * again after it was truncated or replaced.
   */
  public static FileCursor atStart(LogFile file, long lastTimestamp) {
    return new FileCursor(file, 0, 1, lastTimestamp);
  }
}
