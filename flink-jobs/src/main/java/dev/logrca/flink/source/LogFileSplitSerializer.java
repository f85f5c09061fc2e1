package dev.logrca.flink.source;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

/** Writes splits into checkpoints: file, format, offset, line and last timestamp per file. */
public final class LogFileSplitSerializer implements SimpleVersionedSerializer<LogFileSplit> {
  static final LogFileSplitSerializer INSTANCE = new LogFileSplitSerializer();
  private static final int VERSION = 1;

  @Override
  public int getVersion() {
    return VERSION;
  }

  @Override
  public byte[] serialize(LogFileSplit split) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(256);
    write(split, out);
    return out.getCopyOfBuffer();
  }

  @Override
  public LogFileSplit deserialize(int version, byte[] bytes) throws IOException {
    if (version != VERSION) {
      throw new IOException("unknown log file split version " + version);
    }
    return read(new DataInputDeserializer(bytes));
  }

  static void write(LogFileSplit split, DataOutputView out) throws IOException {
    out.writeUTF(split.splitId());
    out.writeInt(split.cursors().size());
    for (FileCursor c : split.cursors()) {
      out.writeUTF(c.file().path());
      out.writeUTF(c.file().service());
      out.writeBoolean(c.file().headerFormat() != null);
      if (c.file().headerFormat() != null) {
        out.writeUTF(c.file().headerFormat());
      }
      out.writeLong(c.nextOffset());
      out.writeLong(c.nextLine());
      out.writeLong(c.lastTimestamp());
    }
  }

  static LogFileSplit read(DataInputView in) throws IOException {
    String id = in.readUTF();
    int n = in.readInt();
    List<FileCursor> cursors = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String path = in.readUTF();
      String service = in.readUTF();
      String format = in.readBoolean() ? in.readUTF() : null;
      cursors.add(
          new FileCursor(
              new LogFile(path, service, format), in.readLong(), in.readLong(), in.readLong()));
    }
    return new LogFileSplit(id, cursors);
  }
}
