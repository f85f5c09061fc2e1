package dev.logrca.flink.source;

import java.io.Serializable;
import java.time.Duration;

/**
 * How a followed source waits for files to grow.
 *
 * @param pollInterval how often files at their end are looked at again, and folders scanned for new
 *     files
 * @param partialLineTimeout how long a last line without its line break is held back, waiting for
 *     the writer to finish it, before it is read as it is
 * @param outOfOrderness the disorder the job's watermarks allow: while every file is idle, event
 *     time is advanced with the wall clock, this far behind
 */
public record FollowSettings(
    Duration pollInterval, Duration partialLineTimeout, Duration outOfOrderness)
    implements Serializable {

  public FollowSettings {
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("pollInterval must be positive");
    }
    if (partialLineTimeout.isNegative() || outOfOrderness.isNegative()) {
      throw new IllegalArgumentException("timeouts must not be negative");
    }
  }

  /**
   * Half a second between looks (a line shows up within about a second, without spinning), 5 s for
   * a half-written line (writers finish a line in far less), and the job's 5 s of disorder.
   */
  public static FollowSettings defaults(Duration outOfOrderness) {
    return new FollowSettings(Duration.ofMillis(500), Duration.ofSeconds(5), outOfOrderness);
  }
}
