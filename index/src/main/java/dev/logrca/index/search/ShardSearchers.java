package dev.logrca.index.search;

import dev.logrca.index.ShardedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.IOUtils;

/**
 * Searchers over the latest commits of several shard directories read together: a refresh reopens
 * only the shards that changed and opens shards that got their first commit, so a search sees every
 * shard's newest commit. Each searcher's reader holds its own references to its shards' readers, so
 * a searcher in use outlives the refresh that replaced it.
 */
final class ShardSearchers extends ReferenceManager<IndexSearcher> {
  /** This manager's own reference to each shard's newest reader, by directory. */
  private final Map<Directory, DirectoryReader> newest = new LinkedHashMap<>();

  /** The shard directories the next refresh reads, in shard order. */
  private volatile List<Directory> shards;

  ShardSearchers(List<Directory> shards) throws IOException {
    this.shards = List.copyOf(shards);
    IndexSearcher first = refreshIfNeeded(null);
    current = first == null ? searcher(List.of()) : first;
  }

  /** The shard directories, possibly more than before, that the next refresh reads. */
  void shards(List<Directory> now) {
    this.shards = List.copyOf(now);
  }

  @Override
  protected IndexSearcher refreshIfNeeded(IndexSearcher old) throws IOException {
    boolean changed = false;
    List<DirectoryReader> readers = new ArrayList<>();
    for (Directory shard : shards) {
      DirectoryReader reader = newest.get(shard);
      DirectoryReader newer =
          reader == null
              ? (DirectoryReader.indexExists(shard) ? DirectoryReader.open(shard) : null)
              : DirectoryReader.openIfChanged(reader);
      if (newer != null) {
        newest.put(shard, newer);
        if (reader != null) {
          reader.decRef(); // readers of older searchers keep their own reference
        }
        reader = newer;
        changed = true;
      }
      if (reader != null) {
        readers.add(reader);
      }
    }
    return changed ? searcher(readers) : null;
  }

  private static IndexSearcher searcher(List<DirectoryReader> readers) throws IOException {
    return new IndexSearcher(ShardedReader.sharing(readers));
  }

  @Override
  protected boolean tryIncRef(IndexSearcher reference) {
    return reference.getIndexReader().tryIncRef();
  }

  @Override
  protected void decRef(IndexSearcher reference) throws IOException {
    reference.getIndexReader().decRef();
  }

  @Override
  protected int getRefCount(IndexSearcher reference) {
    return reference.getIndexReader().getRefCount();
  }

  @Override
  protected void afterClose() throws IOException {
    List<DirectoryReader> owned = new ArrayList<>(newest.values());
    newest.clear();
    IOUtils.applyToAll(owned, DirectoryReader::decRef);
  }
}
