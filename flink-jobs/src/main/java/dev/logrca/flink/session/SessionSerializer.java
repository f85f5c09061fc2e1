package dev.logrca.flink.session;

import dev.logrca.core.detect.session.Session;
import dev.logrca.core.detect.session.SessionEvent;
import dev.logrca.core.model.Level;
import dev.logrca.flink.state.BytesSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;

/**
 * Stores an open session in keyed state in a format of our own: a format version, the key, then
 * each line's time, service, template, message, event id and level, in order. Neither Java
 * serialisation nor Kryo, so a checkpoint outlives changes to the classes; a version this code does
 * not know is refused with a clear message instead of being misread.
 */
public final class SessionSerializer extends BytesSerializer<Session> {
  private static final long serialVersionUID = 1L;

  /** The format written; readers accept it and every older one. */
  static final int FORMAT = 1;

  @Override
  public Session createInstance() {
    return new Session("");
  }

  @Override
  protected byte[] toBytes(Session session) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 96 * session.events().size());
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      writeText(out, session.key());
      out.writeInt(session.events().size());
      for (SessionEvent e : session.events()) {
        out.writeLong(e.timestamp());
        writeText(out, e.service());
        writeText(out, e.template());
        writeText(out, e.message());
        writeText(out, e.eventId());
        writeText(out, e.level().name());
      }
    }
    return bytes.toByteArray();
  }

  @Override
  protected Session fromBytes(byte[] bytes) throws IOException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int format = in.readUnsignedByte();
      if (format < 1 || format > FORMAT) {
        throw new IOException(
            "open session state in format " + format + ", this code reads 1 to " + FORMAT);
      }
      Session session = new Session(readText(in));
      for (int i = 0, n = in.readInt(); i < n; i++) {
        long timestamp = in.readLong();
        String service = readText(in);
        String template = readText(in);
        String message = readText(in);
        String eventId = readText(in);
        session.add(
            new SessionEvent(timestamp, service, template, message, eventId, level(readText(in))));
      }
      return session;
    }
  }

  /** Levels by name, so that reordering the enum never misreads a checkpoint. */
  private static Level level(String name) throws IOException {
    try {
      return Level.valueOf(name);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IOException("open session state holds an unknown level " + name, e);
    }
  }

  /** Length-prefixed UTF-8 (-1 for null): a message may exceed writeUTF's 64 KB. */
  private static void writeText(DataOutputStream out, String text) throws IOException {
    if (text == null) {
      out.writeInt(-1);
      return;
    }
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String readText(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    byte[] utf8 = new byte[length];
    in.readFully(utf8);
    return new String(utf8, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SessionSerializer;
  }

  @Override
  public int hashCode() {
    return SessionSerializer.class.hashCode();
  }

  @Override
  public TypeSerializerSnapshot<Session> snapshotConfiguration() {
    return new Snapshot();
  }

  /** No configuration: the format version travels with each value. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<Session> {
    public Snapshot() {
      super(SessionSerializer::new);
    }
  }
}
