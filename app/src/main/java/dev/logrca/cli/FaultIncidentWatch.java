package dev.logrca.cli;

import dev.logrca.flink.source.LogFile;
import dev.logrca.index.IndexFields;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * Times Kafka line to searchable incident for a corpus with a known fault: from the moment the
 * fault's first line was handed to the producer to the moment a reader of the incident index first
 * finds an incident whose top root cause is the fault's service and category. The fault's first
 * line is the first line of the fault's service at or after the truth's start: the first line the
 * fault could have written, known from the truth alone, whatever the engine makes of it.
 */
final class FaultIncidentWatch implements AutoCloseable {
  private final Path incidents;
  private final ExpectedFault fault;
  private final int partition;
  private final int offset;
  private final Query naming;
  private FSDirectory directory;
  private DirectoryReader reader;
  private volatile long sentNanos = -1;
  private volatile long foundNanos = -1;

  private FaultIncidentWatch(Path data, ExpectedFault fault, int partition, int offset) {
    this.incidents = data.resolve(IndexFields.INCIDENTS_FOLDER);
    this.fault = fault;
    this.partition = partition;
    this.offset = offset;
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    query.add(
        new TermQuery(new Term(IndexFields.ROOT_SERVICE, fault.service())),
        BooleanClause.Occur.FILTER);
    if (fault.category() != null) {
      query.add(
          new TermQuery(new Term(IndexFields.ROOT_CATEGORY, fault.category())),
          BooleanClause.Occur.FILTER);
    }
    this.naming = query.build();
  }

  /**
   * A watch for the first fault of {@code truth}, or null when it has none, or its service has no
   * file (partition i is file i, whose lines have {@code times.get(i)}) or no line at or after the
   * fault's start.
   */
  static FaultIncidentWatch of(
      Path data, FaultTruth truth, List<LogFile> files, List<long[]> times) {
    if (truth.faults().isEmpty()) {
      return null;
    }
    ExpectedFault fault = truth.faults().get(0);
    long start = fault.start().toEpochMilli();
    for (int p = 0; p < files.size(); p++) {
      if (files.get(p).service().equals(fault.service())) {
        long[] ofFile = times.get(p);
        for (int offset = 0; offset < ofFile.length; offset++) {
          if (ofFile[offset] >= start) {
            return new FaultIncidentWatch(data, fault, p, offset);
          }
        }
        return null;
      }
    }
    return null;
  }

  /** Line {@code offset} of {@code partition} was handed to the producer at {@code nanos}. */
  void sent(int partition, int offset, long nanos) {
    if (partition == this.partition && offset == this.offset) {
      sentNanos = nanos;
    }
  }

  /** Whether a reader has found the incident. */
  boolean found() {
    return foundNanos >= 0;
  }

  /** Looks once, at {@code now}, for a committed incident naming the fault (poller's thread). */
  void poll(long now) throws IOException {
    if (foundNanos >= 0 || sentNanos < 0 || !refresh()) {
      return;
    }
    if (new IndexSearcher(reader).count(naming) > 0) {
      foundNanos = now;
    }
  }

  private boolean refresh() throws IOException {
    if (reader == null) {
      if (!Files.isDirectory(incidents)) {
        return false;
      }
      if (directory == null) {
        directory = FSDirectory.open(incidents);
      }
      try {
        reader = DirectoryReader.open(directory);
      } catch (IndexNotFoundException e) {
        return false; // no commit yet: no incident is searchable
      }
      return true;
    }
    DirectoryReader newer = DirectoryReader.openIfChanged(reader);
    if (newer == null) {
      return false;
    }
    reader.close();
    reader = newer;
    return true;
  }

  /** Prints the fault's line and how long its incident took to become searchable. */
  void report(PrintWriter out) {
    String named =
        fault.service() + (fault.category() == null ? "" : " " + fault.category()) + " (top cause)";
    if (sentNanos < 0) {
      out.printf("incident: the fault's first line was not sent%n");
    } else if (foundNanos < 0) {
      out.printf("incident: none naming %s became searchable%n", named);
    } else {
      out.printf(
          "incident: naming %s searchable %.2f s after the fault's first line (partition %d"
              + " line %d, the first of %s at or after %s) was sent%n",
          named,
          (foundNanos - sentNanos) / 1e9,
          partition,
          offset + 1,
          fault.service(),
          fault.start());
    }
    out.flush();
  }

  @Override
  public void close() throws IOException {
    IOUtils.close(reader, directory);
  }
}
