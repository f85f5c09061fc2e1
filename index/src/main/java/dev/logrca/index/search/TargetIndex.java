package dev.logrca.index.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * One index as a searcher sees it: opened when first searched (it may not exist yet when the
 * searcher starts) and refreshed before each search, so new commits show up.
 */
final class TargetIndex implements Closeable {
  private final String name;
  private final Path folder;
  private final boolean ownsDirectory;
  private Directory directory;
  private SearcherManager searchers;

  /** The commit generation the searchers were last refreshed at. */
  private long refreshedAt = -1;

  private TargetIndex(String name, Path folder, Directory directory, boolean ownsDirectory) {
    this.name = name;
    this.folder = folder;
    this.directory = directory;
    this.ownsDirectory = ownsDirectory;
  }

  /** The index in {@code folder}, which need not exist yet. */
  static TargetIndex inFolder(String name, Path folder) {
    return new TargetIndex(name, folder, null, true);
  }

  /** The index in {@code directory}, which the caller closes. */
  static TargetIndex inDirectory(String name, Directory directory) {
    return new TargetIndex(name, null, directory, false);
  }

  /** Runs {@code work} on a current searcher; throws IndexNotFoundException without an index. */
  <T> T search(Work<T> work) throws IOException {
    SearcherManager manager = currentSearchers();
    IndexSearcher searcher = manager.acquire();
    try {
      return work.apply(searcher);
    } finally {
      manager.release(searcher);
    }
  }

  private synchronized SearcherManager currentSearchers() throws IOException {
    if (searchers != null) {
      // listing the folder is one call; reading the commit to learn nothing changed costs more,
      // and a job that writes while a server answers many requests a second rarely commits
      long latest = SegmentInfos.getLastCommitGeneration(directory);
      if (latest != refreshedAt) {
        searchers.maybeRefresh();
        refreshedAt = latest;
      }
      return searchers;
    }
    if (directory == null) {
      if (!Files.isDirectory(folder)) {
        throw missing();
      }
      directory = FSDirectory.open(folder);
    }
    if (!DirectoryReader.indexExists(directory)) {
      throw missing();
    }
    refreshedAt = SegmentInfos.getLastCommitGeneration(directory);
    searchers = new SearcherManager(directory, null);
    return searchers;
  }

  /**
   * The version of the commit searches read now (it grows with every commit), or -1 before the
   * index exists.
   */
  long version() throws IOException {
    try {
      return search(s -> ((DirectoryReader) s.getIndexReader()).getVersion());
    } catch (IndexNotFoundException e) {
      return -1;
    }
  }

  private IndexNotFoundException missing() {
    return new IndexNotFoundException(
        "no " + name + " index" + (folder == null ? "" : " in " + folder) + " yet");
  }

  @Override
  public synchronized void close() throws IOException {
    IOUtils.close(searchers, ownsDirectory ? directory : null);
  }

  /** Work done with a searcher. */
  @FunctionalInterface
  interface Work<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }
}
