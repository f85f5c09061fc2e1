package dev.logrca.index;

import java.io.IOException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.Directory;

/**
 * The order the event index keeps its documents in: newest first, so a newest-first search stops
 * after the first page's worth of matches in each segment and a time window is a range of documents
 * rather than a set to build.
 */
public final class IndexSorting {
  /** Events by timestamp, newest first; template documents (no timestamp) last. */
  public static final Sort NEWEST_FIRST =
      new Sort(new SortField(IndexFields.TIMESTAMP, SortField.Type.LONG, true));

  private IndexSorting() {}

  /**
   * True when the index in {@code directory} is new or already sorted by {@code sort}; false when
   * it holds segments written unsorted (by a logrca before the sort), which Lucene refuses to mix.
   */
  static boolean canSort(Directory directory, Sort sort) throws IOException {
    if (!DirectoryReader.indexExists(directory)) {
      return true;
    }
    for (SegmentCommitInfo segment : SegmentInfos.readLatestCommit(directory)) {
      if (!sort.equals(segment.info.getIndexSort())) {
        return false;
      }
    }
    return true;
  }
}
