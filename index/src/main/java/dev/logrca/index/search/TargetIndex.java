package dev.logrca.index.search;

import dev.logrca.index.ShardedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * One index as a searcher sees it, in one or more shards read together: opened when first searched
 * (it may not exist yet when the searcher starts) and refreshed before each search, so new commits,
 * and shards that appear later, show up.
 */
final class TargetIndex implements Closeable {
  private final String name;
  private final String where;
  private final Folders folders;
  private final List<Directory> fixed;

  /** The directories opened here on discovered folders, closed with this target. */
  private final Map<Path, Directory> opened = new LinkedHashMap<>();

  private ShardSearchers searchers;

  /** The commit generation of each shard when the searchers were last refreshed. */
  private long[] refreshedAt = new long[0];

  private TargetIndex(String name, String where, Folders folders, List<Directory> fixed) {
    this.name = name;
    this.where = where;
    this.folders = folders;
    this.fixed = fixed;
  }

  /** The index whose shard folders {@code folders} lists when asked (none may exist yet). */
  static TargetIndex inFolders(String name, Path where, Folders folders) {
    return new TargetIndex(name, " in " + where, folders, null);
  }

  /** The index in these shard directories, which the caller closes. */
  static TargetIndex inDirectories(String name, List<Directory> shards) {
    return new TargetIndex(name, "", null, List.copyOf(shards));
  }

  /** Runs {@code work} on a current searcher; throws IndexNotFoundException without an index. */
  <T> T search(Work<T> work) throws IOException {
    ShardSearchers manager = currentSearchers();
    IndexSearcher searcher = manager.acquire();
    try {
      return work.apply(searcher);
    } finally {
      manager.release(searcher);
    }
  }

  private synchronized ShardSearchers currentSearchers() throws IOException {
    List<Directory> shards = shards();
    // listing a folder is one call; reading a commit to learn nothing changed costs more, and a
    // job that writes while a server answers many requests a second rarely commits
    long[] latest = new long[shards.size()];
    boolean any = false;
    for (int i = 0; i < latest.length; i++) {
      latest[i] = SegmentInfos.getLastCommitGeneration(shards.get(i));
      any |= latest[i] >= 0;
    }
    if (searchers == null) {
      if (!any) {
        throw new IndexNotFoundException("no " + name + " index" + where + " yet");
      }
      searchers = new ShardSearchers(shards);
    } else if (!Arrays.equals(latest, refreshedAt)) {
      searchers.shards(shards);
      searchers.maybeRefresh();
    }
    refreshedAt = latest;
    return searchers;
  }

  private List<Directory> shards() throws IOException {
    if (fixed != null) {
      return fixed;
    }
    List<Directory> shards = new ArrayList<>();
    for (Path folder : folders.list()) {
      Directory directory = opened.get(folder);
      if (directory == null) {
        directory = FSDirectory.open(folder);
        opened.put(folder, directory);
      }
      shards.add(directory);
    }
    return shards;
  }

  /**
   * The version of the commits searches read now (it grows with every commit of any shard), or -1
   * before the index exists.
   */
  long version() throws IOException {
    try {
      return search(s -> ((ShardedReader) s.getIndexReader()).version());
    } catch (IndexNotFoundException e) {
      return -1;
    }
  }

  @Override
  public synchronized void close() throws IOException {
    IOUtils.close(searchers, () -> IOUtils.close(opened.values()));
  }

  /** Work done with a searcher. */
  @FunctionalInterface
  interface Work<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  /** Lists the shard folders of an index as they are now. */
  @FunctionalInterface
  interface Folders {
    List<Path> list() throws IOException;
  }
}
