package dev.logrca.cluster;

import dev.logrca.core.model.Incident;
import dev.logrca.core.model.RootCause;
import dev.logrca.index.EventShards;
import dev.logrca.index.IncidentDocuments;
import dev.logrca.index.IncidentIndex;
import dev.logrca.index.IndexFields;
import dev.logrca.index.ShardedReader;
import dev.logrca.index.TemplateDocuments;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/** What a job left committed in a data folder: event ids and times, incidents' root causes. */
final class IndexContents {
  private IndexContents() {}

  /**
   * The id of every committed event document over all shards, one entry per document (template ones
   * left out): a line indexed in two shards would appear twice.
   */
  static List<String> eventIds(Path data) throws IOException {
    List<String> ids = new ArrayList<>();
    forEachEvent(data, (id, doc) -> ids.add(id));
    return ids;
  }

  /** The event time of every committed event document (template ones left out), by id. */
  static Map<String, Long> eventTimes(Path data) throws IOException {
    Map<String, Long> times = new HashMap<>();
    forEachEvent(
        data,
        (id, doc) -> times.put(id, doc.getField(IndexFields.TIMESTAMP).numericValue().longValue()));
    return times;
  }

  private static void forEachEvent(Path data, BiConsumer<String, Document> action)
      throws IOException {
    try (ShardedReader reader = EventShards.openReader(data)) {
      forEachDocument(
          reader,
          doc -> {
            String id = doc.get(IndexFields.ID);
            if (id != null && !id.startsWith(TemplateDocuments.KIND_TEMPLATE + "/")) {
              action.accept(id, doc);
            }
          });
    }
  }

  /** Each committed incident as {@code id rootService rootCategory}. */
  static List<String> incidents(Path data) throws IOException {
    List<String> incidents = new ArrayList<>();
    try (FSDirectory dir = FSDirectory.open(IncidentIndex.folderIn(data));
        DirectoryReader reader = DirectoryReader.open(dir)) {
      forEachDocument(
          reader,
          doc -> {
            Incident incident = IncidentDocuments.toIncident(doc);
            RootCause top = incident.rootCauses().isEmpty() ? null : incident.rootCauses().get(0);
            incidents.add(
                incident.id() + " " + (top == null ? "-" : top.service() + " " + top.category()));
          });
    }
    incidents.sort(null);
    return incidents;
  }

  private static void forEachDocument(IndexReader reader, Consumer<Document> action)
      throws IOException {
    for (LeafReaderContext leaf : reader.leaves()) {
      Bits live = leaf.reader().getLiveDocs();
      StoredFields stored = leaf.reader().storedFields();
      for (int i = 0; i < leaf.reader().maxDoc(); i++) {
        if (live == null || live.get(i)) {
          action.accept(stored.document(i));
        }
      }
    }
  }
}
