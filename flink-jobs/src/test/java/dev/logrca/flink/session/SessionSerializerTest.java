package dev.logrca.flink.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.logrca.core.detect.session.Session;
import dev.logrca.core.detect.session.SessionEvent;
import java.io.IOException;
import java.util.List;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** Open sessions survive a checkpoint in our own format, nulls and long lines included. */
class SessionSerializerTest {
  private final SessionSerializer serializer = new SessionSerializer();

  @Test
  void aSessionComesBackWithEveryLineInOrder() throws IOException {
    String longLine = "x".repeat(70_000) + " é 日本"; // past writeUTF's 64 KB
    Session session =
        Session.of(
            "4bf92f3577b34da6a3ce929d0e0e4736",
            List.of(
                new SessionEvent(2_000, "payment", "payment:3", longLine, "e2"),
                new SessionEvent(1_000, "cart", "cart:1", null, null)));

    DataOutputSerializer out = new DataOutputSerializer(128);
    serializer.serialize(session, out);
    Session back = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

    assertThat(back.key()).isEqualTo(session.key());
    assertThat(back.events()).isEqualTo(session.events());
    assertThat(back.start()).isEqualTo(1_000);
    assertThat(back.end()).isEqualTo(2_000);
    assertThat(serializer.copy(session).events()).isEqualTo(session.events());
  }

  @Test
  void aFormatFromANewerReleaseIsRefusedWithAClearMessage() throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(16);
    out.writeInt(1);
    out.writeByte(SessionSerializer.FORMAT + 1);
    assertThatThrownBy(
            () -> serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer())))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("format " + (SessionSerializer.FORMAT + 1));
  }
}
