package dev.logrca.flink.source;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * A group of files read together by one reader, which merges their lines in timestamp order so that
 * one file's lines never arrive late behind another's.
 */
public final class LogFileSplit implements SourceSplit {
  private final String id;
  private final List<FileCursor> cursors;

  public LogFileSplit(String id, List<FileCursor> cursors) {
    this.id = id;
    this.cursors = new ArrayList<>(cursors);
  }

  @Override
  public String splitId() {
    return id;
  }

  /** Where each file of the split stands. */
  public List<FileCursor> cursors() {
    return List.copyOf(cursors);
  }

  @Override
  public String toString() {
    return "LogFileSplit[" + id + ", " + cursors.size() + " files]";
  }
}
