package dev.logrca.cli;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/**
 * A Flink metric reporter for {@code logrca bench}: it keeps each task's accumulated busy,
 * back-pressured and idle milliseconds, read when the task's metrics are removed (the task ended)
 * or, for tasks still running, when asked. The embedded cluster lives in the bench's JVM, so the
 * figures are handed over through a static table; one bench run at a time.
 */
public final class BusyTimeReporter implements MetricReporter {
  /** The reporter's name in the Flink configuration. */
  static final String NAME = "bench";

  static final String BUSY = "accumulateBusyTimeMs";
  static final String BACK_PRESSURED = "accumulateBackPressuredTimeMs";
  static final String IDLE = "accumulateIdleTimeMs";

  private static final Map<Gauge<?>, Slot> LIVE = new ConcurrentHashMap<>();
  private static final Map<String, long[]> ENDED = new ConcurrentHashMap<>();

  /** Where a gauge's value goes: the task and the column (0 busy, 1 back-pressured, 2 idle). */
  private record Slot(String task, int column) {}

  /** Forgets every figure, before a new job starts. */
  static void reset() {
    LIVE.clear();
    ENDED.clear();
  }

  /**
   * Milliseconds per task name, summed over its subtasks: {busy, back-pressured, idle}. A chained
   * task's name lists its operators.
   */
  static Map<String, long[]> totals() {
    Map<String, long[]> totals = new TreeMap<>();
    ENDED.forEach((task, ms) -> totals.put(task, ms.clone()));
    LIVE.forEach((gauge, slot) -> addTo(totals, slot, gauge));
    return totals;
  }

  @Override
  public void open(MetricConfig config) {}

  @Override
  public void close() {}

  @Override
  public void notifyOfAddedMetric(Metric metric, String metricName, MetricGroup group) {
    int column = column(metricName);
    if (column >= 0 && metric instanceof Gauge<?> gauge) {
      String task = group.getAllVariables().getOrDefault("<task_name>", "?");
      LIVE.put(gauge, new Slot(task, column));
    }
  }

  @Override
  public void notifyOfRemovedMetric(Metric metric, String metricName, MetricGroup group) {
    Slot slot = metric instanceof Gauge<?> gauge ? LIVE.remove(gauge) : null;
    if (slot != null) {
      addTo(ENDED, slot, (Gauge<?>) metric);
    }
  }

  private static void addTo(Map<String, long[]> table, Slot slot, Gauge<?> gauge) {
    Object value = gauge.getValue();
    if (value instanceof Number n) {
      long[] row = table.computeIfAbsent(slot.task(), t -> new long[3]);
      synchronized (row) {
        row[slot.column()] += n.longValue();
      }
    }
  }

  private static int column(String metricName) {
    return switch (metricName) {
      case BUSY -> 0;
      case BACK_PRESSURED -> 1;
      case IDLE -> 2;
      default -> -1;
    };
  }

  /** Found by Flink through {@code META-INF/services}; named in the bench's configuration. */
  public static final class Factory implements MetricReporterFactory {
    @Override
    public MetricReporter createMetricReporter(Properties properties) {
      return new BusyTimeReporter();
    }
  }
}
