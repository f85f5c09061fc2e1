package dev.logrca.flink.source;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/** Writes the splits the enumerator has not handed out yet into checkpoints. */
final class PendingSplitsSerializer implements SimpleVersionedSerializer<List<LogFileSplit>> {
  private static final int VERSION = 1;

  @Override
  public int getVersion() {
    return VERSION;
  }

  @Override
  public byte[] serialize(List<LogFileSplit> splits) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(256);
    out.writeInt(splits.size());
    for (LogFileSplit split : splits) {
      LogFileSplitSerializer.write(split, out);
    }
    return out.getCopyOfBuffer();
  }

  @Override
  public List<LogFileSplit> deserialize(int version, byte[] bytes) throws IOException {
    if (version != VERSION) {
      throw new IOException("unknown pending splits version " + version);
    }
    DataInputDeserializer in = new DataInputDeserializer(bytes);
    int n = in.readInt();
    List<LogFileSplit> splits = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      splits.add(LogFileSplitSerializer.read(in));
    }
    return splits;
  }
}
