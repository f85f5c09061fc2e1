package dev.logrca.cli;

import dev.logrca.index.EventShards;
import dev.logrca.index.IndexFields;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * Watches the event index the way a searcher would (every shard's reader reopened every 20 ms) and
 * notes when each sent line became searchable. A partition's lines become visible as a prefix of
 * its offsets, because the index commits at checkpoints and a checkpoint covers everything read
 * before it.
 */
final class Visibility implements AutoCloseable {
  private static final long POLL_MILLIS = 20;

  private final Path data;
  private final String topic;
  private final long[][] sentNanos;
  private final int[] visible;
  private final long[] latencies;

  /** When each measured line was sent, beside its latency, for the latency over the run. */
  private final long[] measuredSent;

  /** The latencies of the lines sent before measuring began (the warm-up), reported apart. */
  private final long[] warmUpLatencies;

  private int warmedUp;

  private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();

  /** The newest reader of each shard folder that has a commit. */
  private final Map<Path, DirectoryReader> shards = new LinkedHashMap<>();

  private final List<FSDirectory> directories = new ArrayList<>();
  private volatile long measureFrom = Long.MAX_VALUE;
  private volatile IOException failure;
  private volatile FaultIncidentWatch incident;
  private int measured;
  private long lastVisibleNanos;

  Visibility(Path data, String topic, int partitions, List<? extends List<?>> lines) {
    this.data = data;
    this.topic = topic;
    this.sentNanos = new long[partitions][];
    int total = 0;
    for (int p = 0; p < partitions; p++) {
      sentNanos[p] = new long[lines.get(p).size()];
      total += lines.get(p).size();
    }
    this.visible = new int[partitions];
    this.latencies = new long[total];
    this.measuredSent = new long[total];
    this.warmUpLatencies = new long[total];
    poller.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Also watches the incident index for the incident that names a known fault. */
  void watch(FaultIncidentWatch incident) {
    this.incident = incident;
  }

  /** Line {@code offset} of {@code partition} was handed to the producer at {@code nanos}. */
  void sent(int partition, int offset, long nanos) {
    sentNanos[partition][offset] = nanos;
    FaultIncidentWatch watching = incident;
    if (watching != null) {
      watching.sent(partition, offset, nanos);
    }
  }

  /** Lines sent from now on are measured. */
  void startMeasuring() {
    measureFrom = System.nanoTime();
  }

  private synchronized void poll() {
    try {
      if (!refresh()) {
        return;
      }
      // the shards read together; closing it gives back the references it took
      try (MultiReader all = new MultiReader(shards.values().toArray(new IndexReader[0]), false)) {
        long now = System.nanoTime();
        note(new IndexSearcher(all), now);
        FaultIncidentWatch watching = incident;
        if (watching != null) {
          watching.poll(now);
        }
      }
    } catch (IOException e) {
      failure = e; // reported by awaitAll on the bench's thread
      poller.shutdown();
    }
  }

  /** Notes the lines of each partition that {@code searcher} finds for the first time. */
  private void note(IndexSearcher searcher, long now) throws IOException {
    for (int p = 0; p < visible.length; p++) {
      int count = searcher.count(new TermQuery(new Term(IndexFields.SOURCE, topic + "/" + p)));
      for (int offset = visible[p]; offset < count && offset < sentNanos[p].length; offset++) {
        long sent = sentNanos[p][offset];
        if (sent >= measureFrom) {
          measuredSent[measured] = sent;
          latencies[measured++] = now - sent;
          lastVisibleNanos = now;
        } else {
          warmUpLatencies[warmedUp++] = now - sent;
        }
      }
      visible[p] = Math.max(visible[p], count);
    }
  }

  /**
   * Opens the shards that got their first commit and reopens those with a newer one; false while no
   * shard has a commit yet.
   */
  private boolean refresh() throws IOException {
    for (Path folder : EventShards.folders(data)) {
      DirectoryReader reader = shards.get(folder);
      if (reader == null) {
        FSDirectory directory = FSDirectory.open(folder);
        directories.add(directory);
        try {
          shards.put(folder, DirectoryReader.open(directory));
        } catch (IndexNotFoundException e) {
          directories.remove(directory);
          directory.close(); // no commit yet: nothing of this shard is searchable
        }
        continue;
      }
      DirectoryReader newer = DirectoryReader.openIfChanged(reader);
      if (newer != null) {
        reader.close();
        shards.put(folder, newer);
      }
    }
    return !shards.isEmpty();
  }

  /** Waits until the watched fault's incident is searchable, or the timeout; false without one. */
  boolean awaitIncident(Duration timeout) throws InterruptedException, IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (incident != null && System.nanoTime() < deadline) {
      if (failure != null) {
        throw new IOException("cannot read the indices", failure);
      }
      if (incident.found()) {
        return true;
      }
      Thread.sleep(POLL_MILLIS); // a tool waiting on another thread's progress, not a test
    }
    return false;
  }

  /** Waits until the first {@code count} lines of the schedule are searchable, or the timeout. */
  boolean awaitAll(int count, SendSchedule schedule, Duration timeout)
      throws InterruptedException, IOException {
    int[] needed = schedule.linesPerPartition(count, visible.length);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (failure != null) {
        throw new IOException("cannot read the event index", failure);
      }
      synchronized (this) {
        boolean all = true;
        for (int p = 0; p < needed.length; p++) {
          all &= visible[p] >= needed[p];
        }
        if (all) {
          return true;
        }
      }
      Thread.sleep(POLL_MILLIS); // a tool waiting on another thread's progress, not a test
    }
    return false;
  }

  /** Prints the latencies of the measured lines and the sustained rate. */
  synchronized void report(
      PrintWriter out, int sent, int rate, double sendSeconds, long started, boolean all) {
    long[] sorted = Arrays.copyOf(latencies, measured);
    Arrays.sort(sorted);
    out.printf(
        "sent %,d lines at %s in %.1f s (%,.0f lines/s)%n",
        sent,
        rate == 0 ? "full speed" : String.format("%,d lines/s", rate),
        sendSeconds,
        sent / sendSeconds);
    if (sorted.length == 0) {
      out.println("no measured line became searchable");
      return;
    }
    out.printf(
        "searchable: %,d of %,d%s; latency p50 %.2f s, p99 %.2f s, max %.2f s%n",
        sorted.length,
        sent,
        all ? "" : " (timed out waiting for the rest)",
        percentile(sorted, 0.50),
        percentile(sorted, 0.99),
        sorted[sorted.length - 1] / 1e9);
    out.printf(
        "sustained: %,.0f lines/s (measured lines over first send to last searchable)%n",
        sorted.length / ((lastVisibleNanos - started) / 1e9));
    reportStretches(out, started, sendSeconds);
    reportWarmUp(out);
    if (incident != null) {
      incident.report(out);
    }
    out.flush();
  }

  /**
   * The latency of the lines sent in each tenth of the sending time: whether the slow lines are the
   * start's, a stretch of the input's (a storm) or the end's (a backlog that grows).
   */
  private void reportStretches(PrintWriter out, long started, double sendSeconds) {
    int stretches = 10;
    double width = Math.max(sendSeconds, 1e-3) / stretches;
    List<List<Long>> byStretch = new ArrayList<>();
    for (int i = 0; i < stretches; i++) {
      byStretch.add(new ArrayList<>());
    }
    for (int i = 0; i < measured; i++) {
      int stretch = (int) (((measuredSent[i] - started) / 1e9) / width);
      byStretch.get(Math.min(stretches - 1, Math.max(0, stretch))).add(latencies[i]);
    }
    out.println("latency by when the line was sent (s into sending: lines, p50, p99, max):");
    for (int i = 0; i < stretches; i++) {
      long[] sorted = byStretch.get(i).stream().mapToLong(Long::longValue).sorted().toArray();
      if (sorted.length > 0) {
        out.printf(
            "  %5.1f-%5.1f s: %,7d lines, p50 %6.2f s, p99 %6.2f s, max %6.2f s%n",
            i * width,
            (i + 1) * width,
            sorted.length,
            percentile(sorted, 0.50),
            percentile(sorted, 0.99),
            sorted[sorted.length - 1] / 1e9);
      }
    }
  }

  /** The warm-up's lines, not measured: what a job just started (its code still compiling) gave. */
  private void reportWarmUp(PrintWriter out) {
    if (warmedUp == 0) {
      return;
    }
    long[] sorted = Arrays.copyOf(warmUpLatencies, warmedUp);
    Arrays.sort(sorted);
    out.printf(
        "warm-up (not measured): %,d lines, p50 %.2f s, p99 %.2f s, max %.2f s%n",
        sorted.length,
        percentile(sorted, 0.50),
        percentile(sorted, 0.99),
        sorted[sorted.length - 1] / 1e9);
  }

  private static double percentile(long[] sorted, double q) {
    int index = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1e9;
  }

  @Override
  public synchronized void close() throws IOException {
    poller.shutdownNow();
    IOUtils.close(shards.values());
    IOUtils.close(directories);
    if (incident != null) {
      incident.close();
    }
  }
}
