package dev.logrca.index;

import dev.logrca.core.model.Incident;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The incident index: every incident as analyze reported it, searchable by services, causes and
 * text. An incident that grows is upserted under its stable id. Close it to commit.
 */
public final class IncidentIndex implements AutoCloseable {
  private final IndexWriting writing;

  private IncidentIndex(IndexWriting writing) {
    this.writing = writing;
  }

  /** Opens, creating if needed, the incident index in folder {@code dir}. */
  public static IncidentIndex open(Path dir) throws IOException {
    Files.createDirectories(dir);
    return new IncidentIndex(IndexWriting.open(FSDirectory.open(dir), true));
  }

  /** Opens an incident index in {@code directory}, which the caller closes after this index. */
  public static IncidentIndex open(Directory directory) throws IOException {
    return new IncidentIndex(IndexWriting.open(directory, false));
  }

  /** The incident index folder under data folder {@code dataDir}. */
  public static Path folderIn(Path dataDir) {
    return dataDir.resolve(IndexFields.INCIDENTS_FOLDER);
  }

  /** Adds {@code incident}, or replaces the stored incident with the same id. */
  public void upsert(Incident incident) throws IOException {
    writing
        .writer()
        .updateDocument(
            new Term(IndexFields.ID, incident.id()), IncidentDocuments.toDocument(incident));
  }

  /** Makes every upsert durable and visible to searchers opened on the folder. */
  public void commit() throws IOException {
    writing.commit();
  }

  /** The incident with {@code id}, including upserts not yet committed. */
  public Optional<Incident> get(String id) throws IOException {
    return writing.withFreshSearcher(
        searcher -> {
          TopDocs top = searcher.search(new TermQuery(new Term(IndexFields.ID, id)), 1);
          if (top.scoreDocs.length == 0) {
            return Optional.empty();
          }
          return Optional.of(
              IncidentDocuments.toIncident(searcher.storedFields().document(top.scoreDocs[0].doc)));
        });
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
