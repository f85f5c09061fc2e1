package dev.logrca.index;

import static dev.logrca.index.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.index.search.SearchRequest;
import dev.logrca.index.search.SearchTarget;
import dev.logrca.index.search.Searcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event index's shard layout: a service always routes to the same shard, a data folder written
 * with one shard count refuses another, and the single folder of an earlier release stays readable
 * and appendable at one shard.
 */
class EventShardsTest {
  private static final int GROUPS = EventShards.DEFAULT_KEY_GROUPS;

  @TempDir Path data;

  @Test
  void aServiceAlwaysRoutesToTheSameShardAndServicesSpreadOverAll() {
    Set<Integer> used = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      String service = "svc-" + i;
      int shard = EventShards.shardOf(service, 3, GROUPS);
      assertThat(shard).isBetween(0, 2);
      // a fresh string of the same name: routing depends on the name only
      assertThat(EventShards.shardOf(new String(service.toCharArray()), 3, GROUPS))
          .isEqualTo(shard);
      assertThat(EventShards.shardOf(service, 1, GROUPS)).isZero();
      used.add(shard);
    }
    assertThat(used).containsExactlyInAnyOrder(0, 1, 2);
    for (String service : new String[] {"payment", "checkout", "cart", "auth", "ledger"}) {
      used.add(10 + EventShards.shardOf(service, 2, GROUPS));
    }
    assertThat(used).as("the test services of the search tests use both shards").contains(10, 11);
  }

  @Test
  void aFolderWrittenWithTwoShardsRefusesOtherCounts() throws Exception {
    try (EventIndex shard = EventShards.openShard(data, 1, 2, GROUPS)) {
      shard.add(event("cart", 1, "2026-11-27T10:00:00Z", Level.INFO, "added", null));
    }
    assertThat(EventIndex.folderIn(data).resolve("shard-1")).isDirectory();
    assertThat(EventShards.layout(data)).isEqualTo(new ShardLayout(2, GROUPS));
    EventShards.checkWritable(data, 2, GROUPS);
    assertThatThrownBy(() -> EventShards.checkWritable(data, 1, GROUPS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("written as 2 shard(s)")
        .hasMessageContaining("--parallelism 2");
    assertThatThrownBy(() -> EventShards.openShard(data, 0, 3, GROUPS))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> EventShards.checkWritable(data, 2, 256))
        .hasMessageContaining("over 128 key groups");
    assertThat(EventShards.count(data)).isEqualTo(1);
  }

  @Test
  void anEarlierReleasesSingleFolderIsReadAndAppendedAtOneShardOnly() throws Exception {
    LogEvent first = event("cart", 1, "2026-11-27T10:00:00Z", Level.INFO, "added", null);
    try (EventIndex old = EventIndex.open(EventIndex.folderIn(data))) { // as releases wrote it
      old.add(first);
    }
    assertThat(EventShards.folders(data)).containsExactly(EventIndex.folderIn(data));
    assertThatThrownBy(() -> EventShards.openShard(data, 0, 2, GROUPS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("earlier logrca written as one folder")
        .hasMessageContaining("--parallelism 1");

    LogEvent second = event("auth", 2, "2026-11-27T10:00:01Z", Level.ERROR, "denied", null);
    try (EventIndex appended = EventShards.openShard(data, 0, 1, GROUPS)) {
      appended.add(second);
      appended.add(first); // read again: replaces its first copy
    }
    try (var children = Files.list(EventIndex.folderIn(data))) {
      assertThat(children.map(p -> p.getFileName().toString()))
          .as("no shard folder beside the old index")
          .noneMatch(n -> n.startsWith("shard-") || n.equals(ShardLayout.FILE));
    }
    assertThat(EventReader.read(data, Long.MIN_VALUE, Long.MAX_VALUE))
        .containsExactly(first, second);
    try (Searcher searcher = Searcher.open(data)) {
      assertThat(searcher.search(SearchRequest.of(SearchTarget.EVENTS, "level:error")).totalHits())
          .isEqualTo(1);
    }
  }

  @Test
  void aToolFillingWithoutTheJobRoutesAsTheSinkDoes() throws Exception {
    try (EventIndex shard = EventShards.openShard(data, 0, 2, GROUPS)) {
      shard.commit(); // the job laid the folder out as two shards
    }
    List<String> services = List.of("payment", "checkout", "cart", "auth", "ledger");
    try (ShardedEventIndex index = ShardedEventIndex.open(data)) {
      for (int i = 0; i < services.size(); i++) {
        index.add(event(services.get(i), i, "2026-11-27T10:00:00Z", Level.INFO, "up", null));
      }
    }
    for (int shard = 0; shard < 2; shard++) {
      Path folder = EventIndex.folderIn(data).resolve("shard-" + shard);
      try (EventIndex index = EventIndex.open(folder)) {
        int expected = 0;
        for (String service : services) {
          expected += EventShards.shardOf(service, 2, GROUPS) == shard ? 1 : 0;
        }
        assertThat(index.count()).as("events in shard %d", shard).isEqualTo(expected);
      }
    }
    assertThat(EventShards.count(data)).isEqualTo(services.size());
  }
}
