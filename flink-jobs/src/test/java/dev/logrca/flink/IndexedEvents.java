package dev.logrca.flink;

import dev.logrca.index.EventShards;
import dev.logrca.index.IndexFields;
import dev.logrca.index.ShardedReader;
import dev.logrca.index.TemplateDocuments;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;

/** What a test finds in a data folder's event index: each event document by its id. */
final class IndexedEvents {
  private IndexedEvents() {}

  /** Every committed event document of every shard (template documents left out), by event id. */
  static Map<String, Document> read(Path dataDir) throws IOException {
    Map<String, Document> events = new LinkedHashMap<>();
    try (ShardedReader reader = EventShards.openReader(dataDir)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        Bits live = leaf.reader().getLiveDocs();
        StoredFields stored = leaf.reader().storedFields();
        for (int i = 0; i < leaf.reader().maxDoc(); i++) {
          if (live != null && !live.get(i)) {
            continue;
          }
          Document doc = stored.document(i);
          String id = doc.get(IndexFields.ID);
          // event documents store their id; template documents are keyed by an unstored one
          if (id != null && !id.startsWith(TemplateDocuments.KIND_TEMPLATE + "/")) {
            events.put(id, doc);
          }
        }
      }
    }
    return events;
  }
}
