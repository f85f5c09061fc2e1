package dev.logrca.index.search;

import dev.logrca.index.ShardedReader;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.ExitableDirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.search.IndexSearcher;

/**
 * Runs one search within a time budget: term enumeration (wildcards, regular expressions, ranges),
 * doc values and collection all stop when it is spent, and the search fails with a {@link
 * QueryTooSlowException} rather than returning a partial answer or holding a thread.
 */
final class TimeBudget {
  private TimeBudget() {}

  static <T> T run(IndexSearcher shared, Duration budget, TargetIndex.Work<T> work)
      throws IOException {
    if (budget == null) {
      return work.apply(shared);
    }
    QueryTimeoutImpl timeout = new QueryTimeoutImpl(budget.toMillis());
    // the wrapper is not closed: it owns no reference, the searcher manager does
    // each shard is wrapped, as the wrapper takes directory readers only
    List<DirectoryReader> shards = ((ShardedReader) shared.getIndexReader()).shards();
    IndexReader[] limitedShards = new IndexReader[shards.size()];
    for (int i = 0; i < limitedShards.length; i++) {
      limitedShards[i] = ExitableDirectoryReader.wrap(shards.get(i), timeout);
    }
    IndexSearcher limited = new IndexSearcher(new MultiReader(limitedShards, false));
    limited.setSimilarity(shared.getSimilarity());
    limited.setTimeout(timeout);
    T result;
    try {
      result = work.apply(limited);
    } catch (ExitableDirectoryReader.ExitingReaderException e) {
      throw new QueryTooSlowException(budget, e);
    }
    if (limited.timedOut()) {
      throw new QueryTooSlowException(budget, null);
    }
    return result;
  }
}
