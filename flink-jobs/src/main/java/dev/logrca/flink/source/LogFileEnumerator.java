package dev.logrca.flink.source;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;

/** Hands each reader one split (a group of files) on request; then says there are no more. */
final class LogFileEnumerator implements SplitEnumerator<LogFileSplit, List<LogFileSplit>> {
  private final SplitEnumeratorContext<LogFileSplit> context;
  private final Deque<LogFileSplit> pending;

  LogFileEnumerator(SplitEnumeratorContext<LogFileSplit> context, List<LogFileSplit> pending) {
    this.context = context;
    this.pending = new ArrayDeque<>(pending);
  }

  @Override
  public void start() {}

  @Override
  public void handleSplitRequest(int subtaskId, String hostname) {
    LogFileSplit next = pending.poll();
    if (next != null) {
      context.assignSplit(next, subtaskId);
    } else {
      context.signalNoMoreSplits(subtaskId);
    }
  }

  @Override
  public void addSplitsBack(List<LogFileSplit> splits, int subtaskId) {
    // a failed reader's splits go back to the front so they are read first after recovery
    for (int i = splits.size() - 1; i >= 0; i--) {
      pending.addFirst(splits.get(i));
    }
  }

  @Override
  public void addReader(int subtaskId) {}

  @Override
  public List<LogFileSplit> snapshotState(long checkpointId) {
    return new ArrayList<>(pending);
  }

  @Override
  public void close() {}
}
