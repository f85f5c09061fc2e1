package dev.logrca.flink.sink;

import dev.logrca.index.EventIndex;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Writes every event, and every template's current entry, into the Lucene event index under {@code
 * <data>/events}, committing at each checkpoint and at the end of the input. Documents are keyed by
 * the event's deterministic id or the template id, so a replay after a failure overwrites instead
 * of duplicating. Run it with parallelism 1: one index folder has one writer.
 */
public final class EventIndexSink implements Sink<EventIndexEntry> {
  private static final long serialVersionUID = 1L;

  private final String dataDir;

  public EventIndexSink(String dataDir) {
    this.dataDir = dataDir;
  }

  @Override
  public SinkWriter<EventIndexEntry> createWriter(WriterInitContext context) throws IOException {
    EventIndex index = EventIndex.open(Path.of(dataDir, "events"));
    return new SinkWriter<>() {
      @Override
      public void write(EventIndexEntry entry, Context ctx) throws IOException {
        if (entry.event != null) {
          index.add(entry.event);
        } else {
          index.update(entry.template);
        }
      }

      @Override
      public void flush(boolean endOfInput) throws IOException {
        index.commit();
      }

      @Override
      public void close() throws Exception {
        index.close();
      }
    };
  }
}
