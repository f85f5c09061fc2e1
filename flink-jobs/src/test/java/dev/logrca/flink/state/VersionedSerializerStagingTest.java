package dev.logrca.flink.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.core.memory.DataOutputViewStreamWrapper;
import org.junit.jupiter.api.Test;

/**
 * Values written to a checkpoint stream go through an in-memory staging buffer and reach the stream
 * in one write, with the same bytes as a network buffer gets.
 */
class VersionedSerializerStagingTest {
  /** Writes a string byte by byte, as the job's formats write their small fields. */
  static final class Chars extends VersionedSerializer<String> {
    private static final long serialVersionUID = 1L;

    Chars() {
      super(1);
    }

    @Override
    public int currentFormat() {
      return 1;
    }

    @Override
    protected VersionedSerializer<String> reading(int format) {
      return this;
    }

    @Override
    protected void write(String value, DataOutputView out) throws IOException {
      out.writeInt(value.length());
      for (int i = 0; i < value.length(); i++) {
        out.writeChar(value.charAt(i));
      }
    }

    @Override
    protected String read(int format, DataInputView in) throws IOException {
      char[] chars = new char[in.readInt()];
      for (int i = 0; i < chars.length; i++) {
        chars[i] = in.readChar();
      }
      return new String(chars);
    }

    @Override
    public String createInstance() {
      return "";
    }
  }

  /** A stream that counts the calls it receives, standing for a checkpoint's file stream. */
  static final class CountingStream extends ByteArrayOutputStream {
    int calls;

    @Override
    public synchronized void write(int b) {
      calls++;
      super.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      calls++;
      super.write(b, off, len);
    }
  }

  private final Chars serializer = new Chars();

  private byte[] inMemory(String value) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(16);
    serializer.serialize(value, out);
    return out.getCopyOfBuffer();
  }

  @Test
  void aValueReachesAStreamInOneWriteWithTheNetworkBytes() throws Exception {
    CountingStream stream = new CountingStream();
    DataOutputViewStreamWrapper target = new DataOutputViewStreamWrapper(stream);
    serializer.serialize("connection refused", target);
    assertThat(stream.calls).isEqualTo(1);
    serializer.serialize("payment", target);
    assertThat(stream.calls).isEqualTo(2);

    DataInputDeserializer in = new DataInputDeserializer(stream.toByteArray());
    assertThat(serializer.deserialize(in)).isEqualTo("connection refused");
    assertThat(serializer.deserialize(in)).isEqualTo("payment");
    assertThat(in.available()).isZero();
    byte[] expected = inMemory("connection refused");
    assertThat(Arrays.copyOf(stream.toByteArray(), expected.length)).isEqualTo(expected);
  }

  @Test
  void aValueLargerThanTheKeptBufferIsWrittenWholeAndTheNextOneStillRight() throws Exception {
    String large = "x".repeat(VersionedSerializer.KEPT_STAGING_BYTES);
    CountingStream stream = new CountingStream();
    DataOutputViewStreamWrapper target = new DataOutputViewStreamWrapper(stream);
    serializer.serialize(large, target);
    serializer.serialize("after", target);
    assertThat(stream.calls).isEqualTo(2);
    DataInputDeserializer in = new DataInputDeserializer(stream.toByteArray());
    assertThat(serializer.deserialize(in)).isEqualTo(large);
    assertThat(serializer.deserialize(in)).isEqualTo("after");
  }

  @Test
  void threadsSharingOneSerializerEachWriteTheirOwnValues() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        String prefix = "thread-" + t + "-";
        Callable<Boolean> writer =
            () -> {
              CountingStream stream = new CountingStream();
              DataOutputViewStreamWrapper target = new DataOutputViewStreamWrapper(stream);
              for (int i = 0; i < 2_000; i++) {
                serializer.serialize(prefix + i, target);
              }
              DataInputDeserializer in = new DataInputDeserializer(stream.toByteArray());
              for (int i = 0; i < 2_000; i++) {
                if (!serializer.deserialize(in).equals(prefix + i)) {
                  return false;
                }
              }
              return true;
            };
        results.add(pool.submit(writer));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
