package dev.logrca.flink.source;

import dev.logrca.core.model.LogRecord;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.apache.flink.api.common.eventtime.BoundedOutOfOrdernessWatermarks;
import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.apache.flink.api.common.eventtime.TimestampAssignerSupplier;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * The job's event time on an endless source: each split's watermark trails its newest line by the
 * bounded disorder, and a quiet split stops holding event time back ({@link QuietSplit}). Quiet for
 * {@code idleness}, a split is idle; quiet for {@link #CAUGHT_UP_QUIET} is enough when its last
 * line had been read within {@link #CAUGHT_UP_LAG} of being written to Kafka (the record's
 * timestamp, as the connector hands it to the timestamp assigner): the reader was caught up, so the
 * quiet means nothing was written, not that the reader is behind. A dead service's partition
 * otherwise held the correlation, and so the incident, for the whole idleness. Lines without a
 * Kafka timestamp (files) take the idleness alone.
 */
public final class LineWatermarks implements WatermarkStrategy<LogRecord> {
  private static final long serialVersionUID = 1L;

  /** How soon after being written to Kafka a line must have been read to count as caught up. */
  public static final Duration CAUGHT_UP_LAG = Duration.ofSeconds(1);

  /** How long a caught-up split stays quiet before it is idle. */
  public static final Duration CAUGHT_UP_QUIET = Duration.ofSeconds(1);

  private final Duration outOfOrderness;
  private final Duration idleness;

  /**
   * The Kafka timestamp of the record last assigned, shared by this subtask's timestamp assigner
   * and split generators: Flink creates both from this one instance, and the assigner runs just
   * before the record's split generator sees the line, in the same thread.
   */
  private transient LastWritten lastWritten;

  /**
   * @param outOfOrderness how far a line may come after a later one of its split and still be in
   *     time
   * @param idleness how long any split may stay quiet before event time moves on without it
   */
  public LineWatermarks(Duration outOfOrderness, Duration idleness) {
    this.outOfOrderness = Objects.requireNonNull(outOfOrderness, "outOfOrderness");
    this.idleness = Objects.requireNonNull(idleness, "idleness");
  }

  private LastWritten lastWritten() {
    if (lastWritten == null) {
      lastWritten = new LastWritten();
    }
    return lastWritten;
  }

  @Override
  public TimestampAssigner<LogRecord> createTimestampAssigner(
      TimestampAssignerSupplier.Context context) {
    LastWritten written = lastWritten();
    return (record, kafkaTimestamp) -> {
      written.millis = kafkaTimestamp;
      return record.timestamp();
    };
  }

  @Override
  public WatermarkGenerator<LogRecord> createWatermarkGenerator(
      WatermarkGeneratorSupplier.Context context) {
    return generator(
        context.getInputActivityClock()::relativeTimeMillis, System::currentTimeMillis);
  }

  /** A split's generator on the given clocks, sharing this instance's assigner's slot. */
  QuietSplit generator(LongSupplier activityClock, LongSupplier wallClock) {
    return new QuietSplit(
        new BoundedOutOfOrdernessWatermarks<>(outOfOrderness),
        activityClock,
        wallClock,
        lastWritten(),
        idleness);
  }

  /** The Kafka timestamp of the record being assigned ({@code Long.MIN_VALUE}: none). */
  static final class LastWritten {
    long millis = TimestampAssigner.NO_TIMESTAMP;
  }

  /**
   * One split's watermarks, marked idle after a quiet spell as Flink's {@code
   * WatermarksWithIdleness} does, with the shorter spell for a caught-up reader.
   */
  static final class QuietSplit implements WatermarkGenerator<LogRecord> {
    private static final long CAUGHT_UP_LAG_MILLIS = CAUGHT_UP_LAG.toMillis();
    private static final long CAUGHT_UP_QUIET_MILLIS = CAUGHT_UP_QUIET.toMillis();

    private final WatermarkGenerator<LogRecord> watermarks;
    private final LongSupplier activityClock;
    private final LongSupplier wallClock;
    private final LastWritten lastWritten;
    private final long idleMillis;
    private long events;
    private long eventsAtLastCheck = -1;
    private long quietSince;
    private boolean caughtUp;
    private boolean idle;

    /**
     * @param activityClock milliseconds that stand still while the source may not emit
     *     (backpressure, alignment), as Flink's idleness counts them
     * @param wallClock epoch milliseconds, to compare with the Kafka timestamps
     */
    QuietSplit(
        WatermarkGenerator<LogRecord> watermarks,
        LongSupplier activityClock,
        LongSupplier wallClock,
        LastWritten lastWritten,
        Duration idleness) {
      this.watermarks = watermarks;
      this.activityClock = activityClock;
      this.wallClock = wallClock;
      this.lastWritten = lastWritten;
      this.idleMillis = idleness.toMillis();
    }

    @Override
    public void onEvent(LogRecord line, long eventTimestamp, WatermarkOutput output) {
      watermarks.onEvent(line, eventTimestamp, output);
      long written = lastWritten.millis;
      caughtUp =
          written != TimestampAssigner.NO_TIMESTAMP
              && wallClock.getAsLong() - written <= CAUGHT_UP_LAG_MILLIS;
      events++;
      idle = false;
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
      long now = activityClock.getAsLong();
      if (events != eventsAtLastCheck) {
        eventsAtLastCheck = events;
        quietSince = now;
      }
      long quiet = now - quietSince;
      boolean quietEnough = quiet >= idleMillis || (caughtUp && quiet >= CAUGHT_UP_QUIET_MILLIS);
      if (!quietEnough) {
        watermarks.onPeriodicEmit(output);
      } else if (!idle) {
        output.markIdle();
        idle = true;
      }
    }
  }
}
