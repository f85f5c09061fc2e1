package dev.logrca.flink.source;

import java.util.List;

/**
 * What the enumerator checkpoints: the splits not handed out yet and every file it knows of, so a
 * restored job does not take files it already reads for new ones.
 *
 * @param pending splits not handed out yet
 * @param known absolute paths of every file given or found so far
 */
public record LogFileEnumeratorState(List<LogFileSplit> pending, List<String> known) {
  public LogFileEnumeratorState {
    pending = List.copyOf(pending);
    known = List.copyOf(known);
  }
}
