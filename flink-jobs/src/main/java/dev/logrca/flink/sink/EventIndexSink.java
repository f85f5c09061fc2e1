package dev.logrca.flink.sink;

import dev.logrca.flink.source.LogFileSource;
import dev.logrca.index.EventIndex;
import dev.logrca.index.EventShards;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.flink.api.common.TaskInfo;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;

/**
 * Writes every event, and every template's current entry, into the Lucene event index under {@code
 * <data>/events}: subtask i of n writes shard i ({@code events/shard-i}), committing at each
 * checkpoint and at the end of the input. Its input must be partitioned by service (a forward edge
 * from the per-service miner, or a {@code keyBy} on {@link EventIndexEntry#service}), so that a
 * service's documents always land in the same shard and a line replayed after a failure overwrites
 * its first copy by id instead of duplicating it; an entry of another subtask's service fails the
 * job. A data folder written with another shard count is refused ({@link EventShards}).
 */
public final class EventIndexSink implements Sink<EventIndexEntry> {
  private static final long serialVersionUID = 1L;

  private final String dataDir;
  private final boolean appendToFreshShards;

  /** A sink that writes every line with a replace by id. */
  public EventIndexSink(String dataDir) {
    this(dataDir, false);
  }

  /**
   * A sink that appends lines into a shard that was empty when its writer opened it ({@link
   * EventIndex#addOnce}) when {@code appendToFreshShards}: only for a source that hands each line
   * id to the job once per run.
   */
  public EventIndexSink(String dataDir, boolean appendToFreshShards) {
    this.dataDir = dataDir;
    this.appendToFreshShards = appendToFreshShards;
  }

  /**
   * The sink for a job reading {@code source}: appending into fresh shards unless it follows files,
   * whose line numbers (and so ids) start again when a followed file is truncated or rotated.
   */
  public static EventIndexSink forSource(String dataDir, Source<?, ?, ?> source) {
    boolean followsFiles =
        source instanceof LogFileSource && source.getBoundedness() != Boundedness.BOUNDED;
    return new EventIndexSink(dataDir, !followsFiles);
  }

  /**
   * Refuses, before the job starts, a data folder whose event index was written with another shard
   * count than {@code parallelism} subtasks with Flink's default max parallelism would write (the
   * sink refuses it too, but only once running, where a restart would meet the same refusal).
   */
  public static void checkDataFolder(String dataDir, int parallelism) throws IOException {
    EventShards.checkWritable(
        Path.of(dataDir),
        parallelism,
        KeyGroupRangeAssignment.computeDefaultMaxParallelism(parallelism));
  }

  /** Whether lines are appended into shards that were empty when opened. */
  boolean appendsToFreshShards() {
    return appendToFreshShards;
  }

  /**
   * The metric {@code commitMillis}: how long each commit held the writer's task thread, the part
   * of a checkpoint that every line behind the barrier waits for (the last 500 commits).
   */
  static Histogram commitMillis(WriterInitContext context) {
    return context.metricGroup().histogram("commitMillis", new DescriptiveStatisticsHistogram(500));
  }

  @Override
  public SinkWriter<EventIndexEntry> createWriter(WriterInitContext context) throws IOException {
    TaskInfo task = context.getTaskInfo();
    int shard = task.getIndexOfThisSubtask();
    int shards = task.getNumberOfParallelSubtasks();
    int keyGroups = task.getMaxNumberOfParallelSubtasks();
    EventIndex index = EventShards.openShard(Path.of(dataDir), shard, shards, keyGroups);
    Histogram commits = commitMillis(context);
    return new SinkWriter<>() {
      @Override
      public void write(EventIndexEntry entry, Context ctx) throws IOException {
        String service = entry.service();
        if (shards > 1 && EventShards.shardOf(service, shards, keyGroups) != shard) {
          throw new IllegalStateException(
              "an entry of service "
                  + service
                  + " reached event index shard "
                  + shard
                  + " but belongs in shard "
                  + EventShards.shardOf(service, shards, keyGroups)
                  + ": the sink's input must be partitioned by service");
        }
        if (entry.event != null && appendToFreshShards && !entry.mayRepeat) {
          // each line reaches its shard's writer once per run (forSource), as addOnce asks
          index.addOnce(entry.event);
        } else if (entry.event != null) {
          index.add(entry.event);
        } else {
          index.update(entry.template);
        }
      }

      @Override
      public void flush(boolean endOfInput) throws IOException {
        long started = System.nanoTime();
        index.commit();
        commits.update((System.nanoTime() - started) / 1_000_000);
      }

      @Override
      public void close() {
        WriterRelease.rollBack(index::rollback, "event index shard " + shard);
      }
    };
  }
}
