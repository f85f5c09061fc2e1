package dev.logrca.flink.sink;

import dev.logrca.core.model.Incident;
import dev.logrca.index.IncidentIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.Histogram;

/**
 * Keeps the current state of every incident in the Lucene incident index under {@code
 * <data>/incidents}: an update replaces the document with the same incident id. Commits at each
 * checkpoint and at the end of the input; run it with parallelism 1. Its metric {@code
 * openIncidents} counts the incidents whose latest update this writer wrote says open.
 */
public final class IncidentIndexSink implements Sink<Incident> {
  private static final long serialVersionUID = 1L;

  private final String dataDir;

  public IncidentIndexSink(String dataDir) {
    this.dataDir = dataDir;
  }

  @Override
  public SinkWriter<Incident> createWriter(WriterInitContext context) throws IOException {
    IncidentIndex index = IncidentIndex.open(Path.of(dataDir, "incidents"));
    Set<String> open = new HashSet<>();
    context.metricGroup().gauge("openIncidents", open::size);
    Histogram commits = EventIndexSink.commitMillis(context);
    return new SinkWriter<>() {
      @Override
      public void write(Incident incident, Context ctx) throws IOException {
        index.upsert(incident);
        if (incident.isOpen()) {
          open.add(incident.id());
        } else {
          open.remove(incident.id());
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
        WriterRelease.rollBack(index::rollback, "incident index");
      }
    };
  }
}
