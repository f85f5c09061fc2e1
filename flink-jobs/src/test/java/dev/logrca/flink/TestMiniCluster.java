package dev.logrca.flink;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;

/** The MiniCluster the job's ITCases run on: one TaskManager, with each test's configuration. */
public final class TestMiniCluster {
  private TestMiniCluster() {}

  /** One TaskManager with {@code slots} slots (2 fits the job at parallelism 2). */
  public static MiniClusterExtension withSlots(int slots, Configuration configuration) {
    return new MiniClusterExtension(
        new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(slots)
            .setConfiguration(configuration)
            .build());
  }
}
