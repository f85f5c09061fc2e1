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
 * What the event index sink receives, field by field (format 2): a byte saying event, event whose
 * id may repeat, or template, then the event as {@link EventFormat#UTF8} writes it, or the
 * template's service, id, text, retired ids and change time (format 1 wrote the same strings with
 * Flink's {@code StringValue}). Every line crosses the edge from the miner to the index writer, the
 * job's busiest thread, so reading it must be cheap. Only the edge: no state holds these bytes
 * (README: unaligned checkpoints).
 */
public final class EventIndexEntrySerializer extends VersionedSerializer<EventIndexEntry> {
  private static final long serialVersionUID = 1L;
  private static final int FORMAT = 2;
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
      EventFormat.UTF8.writeEvent(entry.event, out);
    } else {
      TemplateEntry t = entry.template;
      out.writeByte(TEMPLATE);
      EventFormat.UTF8.writeString(t.service(), out);
      EventFormat.UTF8.writeString(t.templateId(), out);
      EventFormat.UTF8.writeString(t.text(), out);
      EventFormat.UTF8.writeStrings(t.retiredIds(), out);
      out.writeLong(t.changedAt());
    }
  }

  @Override
  protected EventIndexEntry read(int format, DataInputView in) throws IOException {
    EventFormat strings = EventFormat.of(format);
    byte kind = in.readByte();
    if (kind == EVENT) {
      return EventIndexEntry.of(strings.readEvent(in));
    }
    if (kind == REPEATABLE_EVENT) {
      return EventIndexEntry.replacing(strings.readEvent(in));
    }
    if (kind != TEMPLATE) {
      throw new IOException("unknown event index entry kind " + kind);
    }
    return EventIndexEntry.of(
        new TemplateEntry(
            strings.readString(in),
            strings.readString(in),
            strings.readString(in),
            strings.readStrings(in),
            in.readLong()));
  }
}
