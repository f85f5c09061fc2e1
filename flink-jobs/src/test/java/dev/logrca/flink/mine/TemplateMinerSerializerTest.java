package dev.logrca.flink.mine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.logrca.core.template.MinerConfig;
import dev.logrca.core.template.TemplateMiner;
import dev.logrca.flink.state.SerializerChecks;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** A service's miner in state: format 1, the snapshot of 3d3c66f, and a miner format it lacks. */
class TemplateMinerSerializerTest {
  private final TemplateMinerSerializer serializer = new TemplateMinerSerializer();

  private static TemplateMiner miner() {
    TemplateMiner miner = new TemplateMiner(MinerConfig.defaults());
    miner.mine("user 17 logged in from 10.0.0.1");
    miner.mine("user 18 logged in from 10.0.0.2");
    miner.mine("payment 77 declined: card expired");
    return miner;
  }

  @Test
  void aRestoredMinerGivesTheIdsTheWrittenOneWould() throws Exception {
    TemplateMiner read = SerializerChecks.roundTrip(serializer, miner());
    assertThat(read.mine("user 99 logged in from 10.0.0.9").templateId())
        .isEqualTo(miner().mine("user 99 logged in from 10.0.0.9").templateId());
    assertThat(read.mine("disk full on /var").templateId())
        .isEqualTo(miner().mine("disk full on /var").templateId());
    assertThat(read.templateCount()).isEqualTo(3);
  }

  @Test
  void itsSnapshotRecordsFormatOne() throws Exception {
    SerializerChecks.formatOneAsIsAndNewerRefused(serializer);
  }

  @Test
  void theSnapshotOf3d3c66fIsReadAndMigrated() throws Exception {
    // releases up to 3d3c66f stored the class of a SimpleTypeSerializerSnapshot, version 3, and no
    // content; their values were the miner's bytes after their length, as format 1 is
    DataOutputSerializer out = new DataOutputSerializer(64);
    out.writeUTF(TemplateMinerSerializer.Snapshot.class.getName());
    out.writeInt(3);
    byte[] bytes = miner().snapshot();
    out.writeInt(bytes.length);
    out.write(bytes);
    DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
    TypeSerializerSnapshot<TemplateMiner> old =
        TypeSerializerSnapshot.readVersionedSnapshot(in, getClass().getClassLoader());

    assertThat(SerializerChecks.compatibility(serializer, old).isCompatibleAfterMigration())
        .isTrue();
    TemplateMiner read = old.restoreSerializer().deserialize(in);
    assertThat(read.snapshot()).isEqualTo(bytes);
  }

  @Test
  void aMinerFormatThisReleaseCannotReadFailsWithItsVersion() throws IOException {
    byte[] bytes = miner().snapshot();
    bytes[7] = 99; // the miner's own format version, after its magic number
    DataOutputSerializer out = new DataOutputSerializer(64);
    out.writeInt(bytes.length);
    out.write(bytes);
    assertThatThrownBy(
            () -> serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer())))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("version 99");
  }
}
