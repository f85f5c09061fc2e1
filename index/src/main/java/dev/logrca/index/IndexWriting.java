package dev.logrca.index;

import java.io.Closeable;
import java.io.IOException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.IOUtils;

/**
 * A writer on one directory and near-real-time searchers over what it has written, so that counts
 * and look-ups see documents before they are committed.
 */
final class IndexWriting implements Closeable {
  /** Large enough that 1M short lines flush a handful of segments, small for a shared machine. */
  static final double RAM_BUFFER_MB = 64;

  private final Directory directory;
  private final boolean ownsDirectory;
  private final IndexWriter writer;
  private final SearcherManager searchers;

  private IndexWriting(
      Directory directory, boolean ownsDirectory, IndexWriter writer, SearcherManager searchers) {
    this.directory = directory;
    this.ownsDirectory = ownsDirectory;
    this.writer = writer;
    this.searchers = searchers;
  }

  /** Opens (creating if needed) the index in {@code directory}; closes it too when it owns it. */
  static IndexWriting open(Directory directory, boolean ownsDirectory) throws IOException {
    return open(directory, ownsDirectory, null);
  }

  /**
   * Opens the index in {@code directory} with its segments sorted by {@code indexSort} (none when
   * null). An index written before without that sort keeps being written unsorted: Lucene cannot
   * sort existing segments in place, and searches read either kind the same, only slower.
   */
  static IndexWriting open(Directory directory, boolean ownsDirectory, Sort indexSort)
      throws IOException {
    IndexWriter writer = null;
    try {
      IndexWriterConfig config =
          new IndexWriterConfig(IndexAnalyzers.create())
              .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
              .setRAMBufferSizeMB(RAM_BUFFER_MB);
      if (indexSort != null && IndexSorting.canSort(directory, indexSort)) {
        config.setIndexSort(indexSort);
      }
      writer = new IndexWriter(directory, config);
      return new IndexWriting(directory, ownsDirectory, writer, new SearcherManager(writer, null));
    } catch (IOException | RuntimeException e) {
      IOUtils.closeWhileHandlingException(writer, ownsDirectory ? directory : null);
      throw e;
    }
  }

  IndexWriter writer() {
    return writer;
  }

  /** Runs {@code work} on a searcher that sees every document added so far. */
  <T> T withFreshSearcher(SearcherWork<T> work) throws IOException {
    searchers.maybeRefreshBlocking();
    IndexSearcher searcher = searchers.acquire();
    try {
      return work.apply(searcher);
    } finally {
      searchers.release(searcher);
    }
  }

  void commit() throws IOException {
    writer.commit();
  }

  /** Commits what was added, then closes the writer (and the directory when owned). */
  @Override
  public void close() throws IOException {
    IOUtils.close(searchers, writer, ownsDirectory ? directory : null);
  }

  /**
   * Drops what was added since the last commit and closes the writer (and the directory when
   * owned): the index on disk stays as the last commit left it.
   */
  void rollback() throws IOException {
    try {
      IOUtils.close(searchers);
      writer.rollback();
    } finally {
      IOUtils.close(ownsDirectory ? directory : null);
    }
  }

  /** Work done on a searcher that may read the index. */
  @FunctionalInterface
  interface SearcherWork<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }
}
