package dev.logrca.flink.source;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Read once, hands each reader one split (a group of files) on request, then says there are no
 * more. Followed, hands every split out at once (a followed split never ends) and scans the
 * followed folders every poll interval, each new file becoming a split of its own.
 */
final class LogFileEnumerator implements SplitEnumerator<LogFileSplit, LogFileEnumeratorState> {
  private static final Logger LOG = LoggerFactory.getLogger(LogFileEnumerator.class);

  private final SplitEnumeratorContext<LogFileSplit> context;
  private final Deque<LogFileSplit> pending;

  /** Paths of every file given or found; read by the scanning thread too. */
  private final Set<String> known = ConcurrentHashMap.newKeySet();

  private final List<LogFolder> folders;
  private final FollowSettings follow;
  private int nextReader;

  LogFileEnumerator(
      SplitEnumeratorContext<LogFileSplit> context,
      LogFileEnumeratorState state,
      List<LogFolder> folders,
      FollowSettings follow) {
    this.context = context;
    this.pending = new ArrayDeque<>(state.pending());
    this.known.addAll(state.known());
    this.folders = List.copyOf(folders);
    this.follow = follow;
  }

  @Override
  public void start() {
    if (follow != null && !folders.isEmpty()) {
      long every = follow.pollInterval().toMillis();
      context.callAsync(this::scanFolders, this::addFound, every, every);
    }
  }

  /** Runs on the enumerator's worker thread: file system calls stay off the coordinator. */
  private List<LogFile> scanFolders() throws Exception {
    List<LogFile> found = new ArrayList<>();
    for (LogFolder folder : folders) {
      found.addAll(folder.newFiles(known));
    }
    return found;
  }

  private void addFound(List<LogFile> found, Throwable error) {
    if (error != null) {
      LOG.warn("cannot scan the followed folders: {}", error.toString());
      return;
    }
    for (LogFile file : found) {
      if (known.add(file.path())) {
        LOG.info("following new file {}", file.path());
        pending.add(new LogFileSplit("file:" + file.path(), List.of(FileCursor.atStart(file))));
      }
    }
    assignFollowed();
  }

  /** Followed splits never end: each goes to a reader as soon as there is one, in turn. */
  private void assignFollowed() {
    List<Integer> readers = new ArrayList<>(context.registeredReaders().keySet());
    if (readers.isEmpty()) {
      return;
    }
    readers.sort(null);
    while (!pending.isEmpty()) {
      context.assignSplit(pending.poll(), readers.get(nextReader++ % readers.size()));
    }
  }

  @Override
  public void handleSplitRequest(int subtaskId, String hostname) {
    if (follow != null) {
      assignFollowed();
      return;
    }
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
  public LogFileEnumeratorState snapshotState(long checkpointId) {
    return new LogFileEnumeratorState(new ArrayList<>(pending), new ArrayList<>(known));
  }

  @Override
  public void close() {}
}
