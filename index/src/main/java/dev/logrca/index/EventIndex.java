package dev.logrca.index;

import dev.logrca.core.model.LogEvent;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The event index: every log line, searchable by its fields and words, and one document per
 * template with its current text. Adding the same event again replaces it, so a replay never
 * duplicates lines; {@link #addOnce} skips the delete by id where no copy can exist. Segments keep
 * events newest first ({@link IndexSorting}). Close it to commit and release the write lock.
 */
public final class EventIndex implements Closeable {
  private final IndexWriting writing;
  private final EventDocuments documents = new EventDocuments();

  /**
   * True when the index held no document, committed or deleted, when this writer opened it: then
   * every document in it was added through this instance, which holds the write lock.
   */
  private final boolean emptyWhenOpened;

  private EventIndex(IndexWriting writing) {
    this.writing = writing;
    this.emptyWhenOpened = writing.writer().getDocStats().maxDoc == 0;
  }

  /** Opens, creating if needed, the event index in folder {@code dir}. */
  public static EventIndex open(Path dir) throws IOException {
    Files.createDirectories(dir);
    return new EventIndex(
        IndexWriting.open(FSDirectory.open(dir), true, IndexSorting.NEWEST_FIRST));
  }

  /** Opens an event index in {@code directory}, which the caller closes after this index. */
  public static EventIndex open(Directory directory) throws IOException {
    return new EventIndex(IndexWriting.open(directory, false, IndexSorting.NEWEST_FIRST));
  }

  /** The event index folder under data folder {@code dataDir}. */
  public static Path folderIn(Path dataDir) {
    return dataDir.resolve(IndexFields.EVENTS_FOLDER);
  }

  /** Adds {@code event}, replacing any event with the same id; visible to searchers on commit. */
  public synchronized void add(LogEvent event) throws IOException {
    // synchronized because the document reuses its field objects
    writing
        .writer()
        .updateDocument(new Term(IndexFields.ID, event.eventId()), documents.toDocument(event));
  }

  /**
   * Adds {@code event}, whose id the caller adds at most once while this index is open (a source
   * reads each line once per run). When the index was empty on opening, no copy can be in it, so
   * the event is appended without the delete by id that {@link #add} buffers and applies at each
   * flush; otherwise (a re-run on the same folder, a restore replaying lines a later commit may
   * already hold) it replaces a copy by id as {@link #add} does. See the index README for the
   * proof.
   */
  public synchronized void addOnce(LogEvent event) throws IOException {
    if (emptyWhenOpened) {
      writing.writer().addDocument(documents.toDocument(event));
    } else {
      add(event);
    }
  }

  /** True when this index held no document when opened, so {@link #addOnce} only appends. */
  public boolean emptyWhenOpened() {
    return emptyWhenOpened;
  }

  /**
   * Keeps {@code template} as its id's template document, replacing the previous one, and drops the
   * documents of the ids merged into it: a search by any of them now finds this one.
   */
  public synchronized void update(TemplateEntry template) throws IOException {
    IndexWriter writer = writing.writer();
    for (String retired : template.retiredIds()) {
      writer.deleteDocuments(TemplateDocuments.idTerm(retired));
    }
    writer.updateDocument(
        TemplateDocuments.idTerm(template.templateId()), TemplateDocuments.toDocument(template));
  }

  /** Makes every added event durable and visible to searchers opened on the folder. */
  public void commit() throws IOException {
    writing.commit();
  }

  /** The number of distinct events, committed or not; template documents are not counted. */
  public long count() throws IOException {
    return writing.withFreshSearcher(
        s -> s.getIndexReader().numDocs() - (long) s.count(TemplateDocuments.all()));
  }

  /**
   * Closes without committing: what was added since the last {@link #commit} is dropped. A sink
   * closes this way, so that only what a checkpoint committed is ever durable.
   */
  public void rollback() throws IOException {
    writing.rollback();
  }

  /** Commits and closes. */
  @Override
  public void close() throws IOException {
    writing.close();
  }
}
