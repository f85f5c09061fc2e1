package dev.logrca.index;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.util.IOUtils;

/**
 * The shards of one index read as one (a Lucene {@link MultiReader} over each shard's latest
 * commit). It knows its shards, so a search can wrap each of them in a time budget and tell a new
 * commit of any shard by {@link #version}.
 */
public final class ShardedReader extends MultiReader {
  private final List<DirectoryReader> shards;
  private final List<Closeable> alsoClose;
  private final long version;

  private ShardedReader(
      List<DirectoryReader> shards, boolean closeShards, List<? extends Closeable> alsoClose)
      throws IOException {
    super(shards.toArray(new IndexReader[0]), closeShards);
    this.shards = List.copyOf(shards);
    this.alsoClose = List.copyOf(alsoClose);
    long sum = 0;
    for (DirectoryReader shard : shards) {
      sum += shard.getVersion();
    }
    this.version = sum;
  }

  /**
   * A reader over {@code shards} that holds a reference to each and gives it back on close: the
   * caller keeps its own references.
   */
  public static ShardedReader sharing(List<DirectoryReader> shards) throws IOException {
    return new ShardedReader(shards, false, List.of());
  }

  /** A reader that owns {@code shards} and closes them, then {@code alsoClose}, when closed. */
  static ShardedReader owning(List<DirectoryReader> shards, List<? extends Closeable> alsoClose)
      throws IOException {
    return new ShardedReader(shards, true, alsoClose);
  }

  /** The reader of each shard, in shard order. */
  public List<DirectoryReader> shards() {
    return shards;
  }

  /**
   * The sum of the shards' commit versions: each grows with every commit of its shard and never
   * shrinks, so the same sum over the same shards means the same commits.
   */
  public long version() {
    return version;
  }

  @Override
  protected synchronized void doClose() throws IOException {
    try {
      super.doClose();
    } finally {
      IOUtils.close(alsoClose);
    }
  }
}
