package dev.logrca.core.detect;

import java.io.Serializable;

/**
 * The knobs of the per-service detectors, immutable and validated on construction. Start from
 * {@link #defaults()} and change what you need with {@link #toBuilder()}.
 *
 * @param windowMillis length of the tumbling event-time window the counts are taken over
 * @param warmupWindows windows a service is only learned, never judged, after it first appears
 * @param baselineWindows windows of history the robust baselines (median, MAD) look back over
 * @param surgeZ robust z-score above which a count is a surge
 * @param minSurgeCount a surge also needs at least this many lines, so 0 -> 3 is no surge
 * @param surgeMaxChance a surge must also be at most this likely for a Poisson count at the
 *     baseline's rate (a MAD of small counts is coarse)
 * @param minSigma floor on the baseline's spread, so a flat baseline of 0 does not make 1 a surge
 * @param dropMinPresence share of baseline windows a template must appear in to count as steady
 * @param dropMinMedian median count a steady template needs before its silence means anything
 * @param dropMaxFraction a drop is a count at or below this fraction of the median
 * @param dropMaxChance ... and so low that a Poisson count with the median as its mean would fall
 *     that low with at most this probability (a template logging 4 a window is silent 2% of the
 *     time; one logging 15 almost never)
 * @param outlierMinTraining clean windows needed before the isolation forest is first trained
 * @param outlierRetrainEvery the forest is retrained after this many further windows
 * @param outlierHistory clean windows kept to train the forest on (the most recent ones)
 * @param outlierTrees trees in the isolation forest
 * @param outlierThreshold isolation score above which a window is an outlier
 * @param outlierMinLines the median window of the training set must hold this many lines before
 *     windows are judged as outliers: a few lines a window have no shape worth judging
 * @param outlierTopTemplates the busiest templates whose shares make part of a window's vector
 * @param seed seed of every random choice, so a replay gives the same anomalies
 * @param maxEvidence most evidence lines attached to one anomaly
 */
public record DetectorConfig(
    long windowMillis,
    int warmupWindows,
    int baselineWindows,
    double surgeZ,
    long minSurgeCount,
    double surgeMaxChance,
    double minSigma,
    double dropMinPresence,
    double dropMinMedian,
    double dropMaxFraction,
    double dropMaxChance,
    int outlierMinTraining,
    int outlierRetrainEvery,
    int outlierHistory,
    int outlierTrees,
    double outlierThreshold,
    long outlierMinLines,
    int outlierTopTemplates,
    long seed,
    int maxEvidence)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public DetectorConfig {
    require(windowMillis > 0, "windowMillis must be positive");
    require(warmupWindows >= 1, "warmupWindows must be at least 1");
    require(baselineWindows >= 3, "baselineWindows must be at least 3");
    require(surgeZ > 0, "surgeZ must be positive");
    require(minSurgeCount >= 1, "minSurgeCount must be at least 1");
    require(surgeMaxChance > 0 && surgeMaxChance < 1, "surgeMaxChance must be in (0, 1)");
    require(minSigma > 0, "minSigma must be positive");
    require(dropMinPresence > 0 && dropMinPresence <= 1, "dropMinPresence must be in (0, 1]");
    require(dropMinMedian >= 1, "dropMinMedian must be at least 1");
    require(dropMaxFraction >= 0 && dropMaxFraction < 1, "dropMaxFraction must be in [0, 1)");
    require(dropMaxChance > 0 && dropMaxChance < 1, "dropMaxChance must be in (0, 1)");
    require(outlierMinTraining >= 4, "outlierMinTraining must be at least 4");
    require(outlierRetrainEvery >= 1, "outlierRetrainEvery must be at least 1");
    require(outlierHistory >= outlierMinTraining, "outlierHistory must be >= outlierMinTraining");
    require(outlierTrees >= 1, "outlierTrees must be at least 1");
    require(outlierThreshold > 0.5 && outlierThreshold < 1, "outlierThreshold must be in (0.5, 1)");
    require(outlierMinLines >= 0, "outlierMinLines must not be negative");
    require(outlierTopTemplates >= 0, "outlierTopTemplates must not be negative");
    require(maxEvidence >= 1, "maxEvidence must be at least 1");
  }

  /** The defaults, tuned for 30 s windows of a service logging a few lines a second or more. */
  public static DetectorConfig defaults() {
    return new Builder().build();
  }

  /** A builder holding this configuration's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  /** Builds a {@link DetectorConfig}; every field starts at its default. */
  public static final class Builder {
    private long windowMillis = 30_000; // 30 s: long enough to count, short enough to react
    private int warmupWindows = 4; // two minutes of startup chatter is not judged
    private int baselineWindows = 20; // ten minutes of history at 30 s
    private double surgeZ = 6.0; // far in the tail even for the heavy tails of small counts
    private long minSurgeCount = 5; // fewer lines than this are never a surge
    private double surgeMaxChance = 1e-6; // 2 in 1,000 template-hours of 30 s windows
    private double minSigma = 1.0; // a flat 0 baseline then needs 6 lines to surge
    private double dropMinPresence = 0.8; // present in 16 of 20 windows
    private double dropMinMedian = 5; // a template logging under 5 lines a window is not steady
    private double dropMaxFraction = 0.1; // 100 -> 10 or less is a drop
    private double dropMaxChance = 1e-5; // once in ~3 days of 30 s windows per steady template
    private int outlierMinTraining = 20; // ten minutes of clean windows before the first forest
    private int outlierRetrainEvery = 12; // refit every six minutes to follow slow drift
    private int outlierHistory = 120; // train on the last hour of clean windows
    private int outlierTrees = 300; // 100 leave scores noisy enough to blur the threshold
    private double outlierThreshold = 0.625; // measured: ordinary windows <= 0.62, wild >= 0.635
    private long outlierMinLines = 20; // below that, surges and new templates say it better
    private int outlierTopTemplates = 4; // shares of the 4 busiest templates (+ the rest)
    private long seed = 42; // fixed, so replays and restores agree
    private int maxEvidence = 5;

    /** Starts from the defaults. */
    public Builder() {}

    private Builder(DetectorConfig c) {
      windowMillis = c.windowMillis;
      warmupWindows = c.warmupWindows;
      baselineWindows = c.baselineWindows;
      surgeZ = c.surgeZ;
      minSurgeCount = c.minSurgeCount;
      surgeMaxChance = c.surgeMaxChance;
      minSigma = c.minSigma;
      dropMinPresence = c.dropMinPresence;
      dropMinMedian = c.dropMinMedian;
      dropMaxFraction = c.dropMaxFraction;
      dropMaxChance = c.dropMaxChance;
      outlierMinTraining = c.outlierMinTraining;
      outlierRetrainEvery = c.outlierRetrainEvery;
      outlierHistory = c.outlierHistory;
      outlierTrees = c.outlierTrees;
      outlierThreshold = c.outlierThreshold;
      outlierMinLines = c.outlierMinLines;
      outlierTopTemplates = c.outlierTopTemplates;
      seed = c.seed;
      maxEvidence = c.maxEvidence;
    }

    public Builder windowMillis(long v) {
      windowMillis = v;
      return this;
    }

    public Builder warmupWindows(int v) {
      warmupWindows = v;
      return this;
    }

    public Builder baselineWindows(int v) {
      baselineWindows = v;
      return this;
    }

    public Builder surgeZ(double v) {
      surgeZ = v;
      return this;
    }

    public Builder minSurgeCount(long v) {
      minSurgeCount = v;
      return this;
    }

    public Builder surgeMaxChance(double v) {
      surgeMaxChance = v;
      return this;
    }

    public Builder minSigma(double v) {
      minSigma = v;
      return this;
    }

    public Builder dropMinPresence(double v) {
      dropMinPresence = v;
      return this;
    }

    public Builder dropMinMedian(double v) {
      dropMinMedian = v;
      return this;
    }

    public Builder dropMaxFraction(double v) {
      dropMaxFraction = v;
      return this;
    }

    public Builder dropMaxChance(double v) {
      dropMaxChance = v;
      return this;
    }

    public Builder outlierMinTraining(int v) {
      outlierMinTraining = v;
      return this;
    }

    public Builder outlierRetrainEvery(int v) {
      outlierRetrainEvery = v;
      return this;
    }

    public Builder outlierHistory(int v) {
      outlierHistory = v;
      return this;
    }

    public Builder outlierTrees(int v) {
      outlierTrees = v;
      return this;
    }

    public Builder outlierThreshold(double v) {
      outlierThreshold = v;
      return this;
    }

    public Builder outlierMinLines(long v) {
      outlierMinLines = v;
      return this;
    }

    public Builder outlierTopTemplates(int v) {
      outlierTopTemplates = v;
      return this;
    }

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    public Builder maxEvidence(int v) {
      maxEvidence = v;
      return this;
    }

    /** The validated configuration; throws {@link IllegalArgumentException} on a bad value. */
    public DetectorConfig build() {
      return new DetectorConfig(
          windowMillis,
          warmupWindows,
          baselineWindows,
          surgeZ,
          minSurgeCount,
          surgeMaxChance,
          minSigma,
          dropMinPresence,
          dropMinMedian,
          dropMaxFraction,
          dropMaxChance,
          outlierMinTraining,
          outlierRetrainEvery,
          outlierHistory,
          outlierTrees,
          outlierThreshold,
          outlierMinLines,
          outlierTopTemplates,
          seed,
          maxEvidence);
    }
  }
}
