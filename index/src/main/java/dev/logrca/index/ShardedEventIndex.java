package dev.logrca.index;

import dev.logrca.core.model.LogEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.util.IOUtils;

/**
 * Every shard of a data folder's event index open for writing from one process, each event and
 * template routed to its service's shard as the job's sink would: what a tool that fills an index
 * without the job writes through ({@code logrca load --fill-events}). A new data folder gets one
 * shard.
 */
public final class ShardedEventIndex implements AutoCloseable {
  private final List<EventIndex> shards;
  private final ShardLayout layout;

  private ShardedEventIndex(List<EventIndex> shards, ShardLayout layout) {
    this.shards = shards;
    this.layout = layout;
  }

  /** Opens every shard of {@code dataDir}'s event index as it was laid out (one when new). */
  public static ShardedEventIndex open(Path dataDir) throws IOException {
    ShardLayout layout = EventShards.layout(dataDir);
    List<EventIndex> opened = new ArrayList<>();
    try {
      for (int shard = 0; shard < layout.shards(); shard++) {
        opened.add(EventShards.openShard(dataDir, shard, layout.shards(), layout.keyGroups()));
      }
    } catch (IOException | RuntimeException e) {
      IOUtils.closeWhileHandlingException(opened);
      throw e;
    }
    return new ShardedEventIndex(opened, layout);
  }

  /** Adds {@code event} to its service's shard, replacing any event with the same id there. */
  public void add(LogEvent event) throws IOException {
    shardOf(event.service()).add(event);
  }

  /** Keeps {@code template} in its service's shard, as {@link EventIndex#update} does. */
  public void update(TemplateEntry template) throws IOException {
    shardOf(template.service()).update(template);
  }

  /** Commits every shard. */
  public void commit() throws IOException {
    for (EventIndex shard : shards) {
      shard.commit();
    }
  }

  private EventIndex shardOf(String service) {
    return shards.get(EventShards.shardOf(service, layout.shards(), layout.keyGroups()));
  }

  /** Commits and closes every shard. */
  @Override
  public void close() throws IOException {
    IOUtils.close(shards);
  }
}
