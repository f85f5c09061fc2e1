package dev.logrca.flink.source;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Writes the enumerator's state into checkpoints: the splits not handed out yet and the known
 * files. Version 1 held the pending splits alone.
 */
final class EnumeratorStateSerializer implements SimpleVersionedSerializer<LogFileEnumeratorState> {
  private static final int VERSION = 2;

  @Override
  public int getVersion() {
    return VERSION;
  }

  @Override
  public byte[] serialize(LogFileEnumeratorState state) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(256);
    out.writeInt(state.pending().size());
    for (LogFileSplit split : state.pending()) {
      LogFileSplitSerializer.write(split, out);
    }
    out.writeInt(state.known().size());
    for (String path : state.known()) {
      out.writeUTF(path);
    }
    return out.getCopyOfBuffer();
  }

  @Override
  public LogFileEnumeratorState deserialize(int version, byte[] bytes) throws IOException {
    if (version != 1 && version != VERSION) {
      throw new IOException("unknown log file enumerator state version " + version);
    }
    DataInputDeserializer in = new DataInputDeserializer(bytes);
    int n = in.readInt();
    List<LogFileSplit> splits = new ArrayList<>(n);
    List<String> known = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      LogFileSplit split = LogFileSplitSerializer.read(in);
      splits.add(split);
      split.cursors().forEach(c -> known.add(c.file().path()));
    }
    if (version >= 2) {
      known.clear();
      int k = in.readInt();
      for (int i = 0; i < k; i++) {
        known.add(in.readUTF());
      }
    }
    return new LogFileEnumeratorState(splits, known);
  }
}
