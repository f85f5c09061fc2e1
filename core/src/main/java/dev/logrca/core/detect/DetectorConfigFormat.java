package dev.logrca.core.detect;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The detector settings inside {@link BehaviourStateFormat}, every component in declaration order.
 * A component added to {@link DetectorConfig} needs a new behaviour format that writes it and a
 * default for the states written before it.
 */
final class DetectorConfigFormat {
  private DetectorConfigFormat() {}

  static void write(DetectorConfig c, DataOutput out) throws IOException {
    out.writeLong(c.windowMillis());
    out.writeInt(c.warmupWindows());
    out.writeInt(c.baselineWindows());
    out.writeDouble(c.surgeZ());
    out.writeLong(c.minSurgeCount());
    out.writeDouble(c.surgeMaxChance());
    out.writeDouble(c.minSigma());
    out.writeDouble(c.dropMinPresence());
    out.writeDouble(c.dropMinMedian());
    out.writeDouble(c.dropMaxFraction());
    out.writeDouble(c.dropMaxChance());
    out.writeInt(c.outlierMinTraining());
    out.writeInt(c.outlierRetrainEvery());
    out.writeInt(c.outlierHistory());
    out.writeInt(c.outlierTrees());
    out.writeDouble(c.outlierThreshold());
    out.writeLong(c.outlierMinLines());
    out.writeInt(c.outlierTopTemplates());
    out.writeLong(c.seed());
    out.writeInt(c.maxEvidence());
  }

  /** Reads the settings; values the settings' own checks refuse fail as corrupt state. */
  static DetectorConfig read(DataInput in) throws IOException {
    try {
      return new DetectorConfig(
          in.readLong(),
          in.readInt(),
          in.readInt(),
          in.readDouble(),
          in.readLong(),
          in.readDouble(),
          in.readDouble(),
          in.readDouble(),
          in.readDouble(),
          in.readDouble(),
          in.readDouble(),
          in.readInt(),
          in.readInt(),
          in.readInt(),
          in.readInt(),
          in.readDouble(),
          in.readLong(),
          in.readInt(),
          in.readLong(),
          in.readInt());
    } catch (IllegalArgumentException e) {
      throw new IOException("detector state is corrupt: " + e.getMessage(), e);
    }
  }
}
