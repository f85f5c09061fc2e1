package dev.logrca.flink.sink;

import dev.logrca.flink.state.EventFormat;
import dev.logrca.flink.state.SerializerTypeInfo;
import dev.logrca.flink.state.VersionedSerializer;
import dev.logrca.index.TemplateEntry;
import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * What the event index sink receives, field by field (format 1): a byte saying event, event whose
 * id may repeat (a kind added later in format 1: older data never holds it), or template, then the
 * event as {@link EventFormat} writes it, or the template's service, id, text, retired ids and
 * change time. Every line crosses the edge from the miner to the index writer, the job's busiest
 * thread, so reading it must be cheap.
 */
public final class EventIndexEntrySerializer extends VersionedSerializer<EventIndexEntry> {
  private static final long serialVersionUID = 1L;
  private static final int FORMAT = 1;
  private static final byte EVENT = 0;
  private static final byte TEMPLATE = 1;
  private static final byte REPEATABLE_EVENT = 2;

  /** The type of every stream into the event index sink (unions need them equal). */
  public static final TypeInformation<EventIndexEntry> TYPE =
      new SerializerTypeInfo<>(EventIndexEntry.class, EventIndexEntrySerializer::new);

  public EventIndexEntrySerializer() {
    this(FORMAT);
  }

  private EventIndexEntrySerializer(int format) {
    super(format);
  }

  @Override
  public int currentFormat() {
    return FORMAT;
  }

  @Override
  protected EventIndexEntrySerializer reading(int format) {
    return new EventIndexEntrySerializer(format);
  }

  @Override
  public EventIndexEntry createInstance() {
    return new EventIndexEntry();
  }

  @Override
  protected void write(EventIndexEntry entry, DataOutputView out) throws IOException {
    if (entry.event != null) {
      out.writeByte(entry.mayRepeat ? REPEATABLE_EVENT : EVENT);
      EventFormat.writeEvent(entry.event, out);
    } else {
      TemplateEntry t = entry.template;
      out.writeByte(TEMPLATE);
      EventFormat.writeString(t.service(), out);
      EventFormat.writeString(t.templateId(), out);
      EventFormat.writeString(t.text(), out);
      EventFormat.writeStrings(t.retiredIds(), out);
      out.writeLong(t.changedAt());
    }
  }

  @Override
  protected EventIndexEntry read(int format, DataInputView in) throws IOException {
    byte kind = in.readByte();
    if (kind == EVENT) {
      return EventIndexEntry.of(EventFormat.readEvent(in));
    }
    if (kind == REPEATABLE_EVENT) {
      return EventIndexEntry.replacing(EventFormat.readEvent(in));
    }
    if (kind != TEMPLATE) {
      throw new IOException("unknown event index entry kind " + kind);
    }
    return EventIndexEntry.of(
        new TemplateEntry(
            EventFormat.readString(in),
            EventFormat.readString(in),
            EventFormat.readString(in),
            EventFormat.readStrings(in),
            in.readLong()));
  }
}
