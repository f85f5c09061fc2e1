package dev.logrca.flink.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.logrca.index.EventShards;
import java.nio.file.Path;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index routes a service to the shard that Flink's {@code keyBy} on the service sends it to, so
 * that the sink subtask of a service writes the shard readers and tools expect it in.
 */
class ShardRoutingTest {
  @Test
  void theIndexRoutesEachServiceWhereFlinksKeyByDoes() {
    String[] names = {"payment", "checkout", "cart", "ts-order-service", "", "Ünïcödé", "logrca"};
    for (int keyGroups : new int[] {128, 256, 4096}) {
      for (int shards = 1; shards <= 8; shards++) {
        for (int i = 0; i < 500; i++) {
          String service = i < names.length ? names[i] : "svc-" + i * 7919;
          assertThat(EventShards.shardOf(service, shards, keyGroups))
              .as("%s over %d shards, %d key groups", service, shards, keyGroups)
              .isEqualTo(
                  KeyGroupRangeAssignment.assignKeyToParallelOperator(service, keyGroups, shards));
        }
      }
    }
  }

  @Test
  void aDataFolderOfTwoShardsIsRefusedBeforeAJobAtParallelismOneStarts(@TempDir Path data)
      throws Exception {
    EventShards.openShard(data, 0, 2, KeyGroupRangeAssignment.computeDefaultMaxParallelism(2))
        .close();
    EventIndexSink.checkDataFolder(data.toString(), 2);
    assertThatThrownBy(() -> EventIndexSink.checkDataFolder(data.toString(), 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("--parallelism 2");
  }
}
