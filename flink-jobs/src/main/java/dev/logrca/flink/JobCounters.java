package dev.logrca.flink;

/** Names of the job's accumulators, read by the command line for its run summary. */
public final class JobCounters {
  /** Every line read. */
  public static final String LINES = "lines";

  /** Lines kept as raw text because they could not be decoded. */
  public static final String KEPT_RAW = "linesKeptRaw";

  /** Lines that arrived behind the watermark: indexed, but not counted in windows. */
  public static final String LATE = "lateEvents";

  /** The earliest event time read, epoch millis. */
  public static final String FIRST_EVENT = "firstEventTime";

  /** The latest event time read, epoch millis. */
  public static final String LAST_EVENT = "lastEventTime";

  /** When the miner took its first line, wall-clock epoch millis (where a run's start-up ends). */
  public static final String FIRST_LINE_AT = "firstLineAt";

  /** When the miner took its last line, wall-clock epoch millis (where a run's drain begins). */
  public static final String LAST_LINE_AT = "lastLineAt";

  /** Times an edited rule folder was compiled and swapped into the running job. */
  public static final String RULES_RELOADED = "rulesReloaded";

  /** Times an edited rule folder did not compile and the running rules stayed in force. */
  public static final String RULES_REJECTED = "rulesRejected";

  private JobCounters() {}
}
