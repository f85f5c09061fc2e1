package dev.logrca.flink.correlate;

import static dev.logrca.rules.testing.Lines.T0;
import static dev.logrca.rules.testing.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.logrca.core.model.Incident;
import dev.logrca.core.model.IncidentJson;
import dev.logrca.core.model.Level;
import dev.logrca.flink.state.JavaSerializer;
import dev.logrca.rules.CompiledRules;
import dev.logrca.rules.RulePack;
import dev.logrca.rules.correlate.CorrelationEngine;
import dev.logrca.rules.testing.StateStory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The correlation scopes' checkpoint format: a scope saved by the previous release (Java
 * serialisation of the whole {@link ScopeState}) migrates and goes on to the same incidents; this
 * format round-trips; a later format or a changed class is refused with a reason.
 *
 * <p>{@code correlate/scope-state-3d3c66f.bin} was written with the jar of main at 3d3c66f: an
 * engine on the shipped rules saw a healthy minute, postgres shutting down and payment refused
 * (nine lines), was advanced to +80 s and snapshotted, and {@code
 * InstantiationUtil.serializeObject( new ScopeState("default", snapshot, new TopologyInference(),
 * T0 + 80 s))} written out, as its {@code JavaSerializer} wrote each scope. The same jar then
 * continued the uninterrupted engine with {@link #continueStory} and wrote the incidents of {@code
 * finish()} to {@code scope-state-3d3c66f.expected.jsonl}. Its lines were built as the rules tests'
 * {@code Lines.line} builds them (ids, hosts and template ids), which this test uses.
 *
 * <p>{@code correlate/scope-state-b59a367.bin} is format 3 (Java-serialised objects after a
 * numbered header), written by main at b59a367 through {@code ScopeStateSerializer.serialize}: the
 * scope {@code tenant-a} with {@code StateStory.untilPause}'s snapshot, the inference of {@link
 * #inference} and event time {@code T0 + 97.9 s}. The same run continued the engine with {@code
 * StateStory.afterPause} and wrote those incidents to {@code scope-state-b59a367.expected.jsonl}.
 */
class ScopeStateSerializerTest {
  private static CompiledRules rules;

  @BeforeAll
  static void compile() {
    rules = RulePack.shipped().compile();
  }

  private static void continueStory(CorrelationEngine engine) {
    for (int s = 80; s < 100; s += 2) {
      engine.onEvent(
          line("payment", s, Level.ERROR, "dial tcp postgres:5432: connect: connection refused"));
      engine.onEvent(
          line("checkout", s + 1, Level.ERROR, "POST /checkout 502: payment returned an error"));
    }
    engine.advanceTo(T0 + 100_000);
  }

  /** The current serializer, after checking that it takes {@code old}'s state by migrating it. */
  private static ScopeStateSerializer migratingFrom(TypeSerializerSnapshot<ScopeState> old) {
    ScopeStateSerializer current = new ScopeStateSerializer();
    assertThat(
            current
                .snapshotConfiguration()
                .resolveSchemaCompatibility(old)
                .isCompatibleAfterMigration())
        .as("the current serializer takes the old state by migration")
        .isTrue();
    return current;
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = ScopeStateSerializerTest.class.getResourceAsStream("/" + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void aScopeSavedByThePreviousReleaseMigratesAndGivesTheSameIncidents() throws Exception {
    TypeSerializerSnapshot<ScopeState> old =
        new JavaSerializer<>(ScopeState.class).snapshotConfiguration();
    ScopeStateSerializer current = migratingFrom(old);

    // what Flink does on migration: read with the old serializer, write with the new one
    byte[] saved = resource("correlate/scope-state-3d3c66f.bin");
    DataOutputSerializer oldForm = new DataOutputSerializer(saved.length + 4);
    oldForm.writeInt(saved.length);
    oldForm.write(saved);
    TypeSerializer<ScopeState> reader = old.restoreSerializer();
    ScopeState read = reader.deserialize(new DataInputDeserializer(oldForm.getCopyOfBuffer()));
    DataOutputSerializer newForm = new DataOutputSerializer(4096);
    current.serialize(read, newForm);
    ScopeState migrated = current.deserialize(new DataInputDeserializer(newForm.getCopyOfBuffer()));

    assertThat(migrated.scope()).isEqualTo("default");
    assertThat(migrated.lastTime()).isEqualTo(T0 + 80_000);
    assertThat(migrated.correlation().liveFacts()).isEqualTo(11);
    CorrelationEngine engine = CorrelationEngine.restore(rules, migrated.correlation());
    continueStory(engine);
    List<String> incidents = new ArrayList<>();
    for (Incident incident : engine.finish()) {
      incidents.add(IncidentJson.write(incident));
    }
    String expected =
        new String(
            resource("correlate/scope-state-3d3c66f.expected.jsonl"), StandardCharsets.UTF_8);
    assertThat(incidents).containsExactlyElementsOf(expected.lines().toList());
  }

  /** The inference saved beside the story in the b59a367 fixture. */
  private static dev.logrca.core.topology.TopologyInference inference() {
    var inference = new dev.logrca.core.topology.TopologyInference();
    for (int s = 0; s < 5; s++) {
      inference.observe(
          line("payment", s, Level.INFO, "pool connected to postgres/10.4.7.17:5432"));
      inference.observe(line("postgres", s, Level.INFO, "listening on 10.4.7.17"));
    }
    return inference;
  }

  @Test
  void format3OfTheLastReleaseReadsIntoAnEqualStateAndGoesOnToTheSameIncidents() throws Exception {
    ScopeStateSerializer.Snapshot old = new ScopeStateSerializer.Snapshot(3);
    ScopeStateSerializer current = migratingFrom(old);

    byte[] saved = resource("correlate/scope-state-b59a367.bin");
    ScopeState read = old.restoreSerializer().deserialize(new DataInputDeserializer(saved));
    CorrelationEngine now = StateStory.untilPause(rules, new ArrayList<>());
    ScopeState expected =
        new ScopeState(
            "tenant-a", now.snapshot(), inference(), dev.logrca.rules.testing.Lines.at(97.9));
    now.close();
    assertThat(read)
        .usingRecursiveComparison()
        .ignoringFieldsMatchingRegexes(".*\\.key", ".*\\.ranker", ".*\\.owned")
        .isEqualTo(expected);

    // migration writes it again in this release's format
    DataOutputSerializer newForm = new DataOutputSerializer(1 << 16);
    current.serialize(read, newForm);
    assertThat(newForm.getSharedBuffer()[7]).isEqualTo((byte) ScopeStateSerializer.FORMAT);
    ScopeState migrated = current.deserialize(new DataInputDeserializer(newForm.getCopyOfBuffer()));
    assertThat(migrated.inference().current()).isEqualTo(expected.inference().current());
    CorrelationEngine engine = CorrelationEngine.restore(rules, migrated.correlation());
    List<Incident> after = new ArrayList<>();
    StateStory.afterPause(engine, after);
    String written =
        new String(
            resource("correlate/scope-state-b59a367.expected.jsonl"), StandardCharsets.UTF_8);
    assertThat(after.stream().map(IncidentJson::write).toList())
        .hasSizeGreaterThan(3)
        .containsExactlyElementsOf(written.lines().toList());
  }

  @Test
  void thisFormatRoundTripsAndRestoresAsIs() throws Exception {
    CorrelationEngine engine =
        new CorrelationEngine(
            rules,
            new dev.logrca.core.topology.Topology(),
            dev.logrca.rules.correlate.CorrelationConfig.defaults());
    engine.onEvent(line("postgres", 1, Level.FATAL, "the database system is shutting down"));
    engine.onEvent(line("payment", 2, Level.ERROR, "connect: connection refused"));
    ScopeState state =
        new ScopeState(
            "tenant-a",
            engine.snapshot(),
            new dev.logrca.core.topology.TopologyInference(),
            T0 + 2000);
    ScopeStateSerializer serializer = new ScopeStateSerializer();
    DataOutputSerializer out = new DataOutputSerializer(4096);
    serializer.serialize(state, out);
    ScopeState back = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    assertThat(back.scope()).isEqualTo("tenant-a");
    assertThat(back.lastTime()).isEqualTo(T0 + 2000);
    assertThat(back.correlation().liveFacts()).isEqualTo(state.correlation().liveFacts());
    ScopeState copy = serializer.copy(state);
    assertThat(copy.correlation().clock()).isEqualTo(state.correlation().clock());
    // the inference is live in the running scope, so a checkpoint's copy must not share it
    assertThat(copy.inference()).isNotSameAs(state.inference());
    assertThat(copy.inference().current().services())
        .isEqualTo(state.inference().current().services());

    DataOutputSerializer snapshot = new DataOutputSerializer(64);
    TypeSerializerSnapshot.writeVersionedSnapshot(snapshot, serializer.snapshotConfiguration());
    TypeSerializerSnapshot<ScopeState> written =
        TypeSerializerSnapshot.readVersionedSnapshot(
            new DataInputDeserializer(snapshot.getCopyOfBuffer()), getClass().getClassLoader());
    assertThat(
            serializer
                .snapshotConfiguration()
                .resolveSchemaCompatibility(written)
                .isCompatibleAsIs())
        .isTrue();
  }

  @Test
  void aLaterFormatIsRefused() throws Exception {
    ScopeStateSerializer.Snapshot later = new ScopeStateSerializer.Snapshot(5);
    assertThat(
            new ScopeStateSerializer()
                .snapshotConfiguration()
                .resolveSchemaCompatibility(later)
                .isIncompatible())
        .isTrue();

    DataOutputSerializer out = new DataOutputSerializer(64);
    byte[] value = {0, 0, 0, 5, 0, 1, 'x'};
    out.writeInt(value.length);
    out.write(value);
    assertThatThrownBy(
            () ->
                new ScopeStateSerializer()
                    .deserialize(new DataInputDeserializer(out.getCopyOfBuffer())))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("format 5");
  }

  /** A state class as some release wrote it. */
  record Probe(String name) implements Serializable {}

  @Test
  void aClassWhoseFieldsChangedIsRefusedAndSoIsAForeignClass() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(new Probe("payment"));
    }
    // the same bytes as a release whose Probe called its field "nick" would write them
    byte[] renamed =
        new String(bytes.toByteArray(), StandardCharsets.ISO_8859_1)
            .replace("\u0000\u0004name", "\u0000\u0004nick")
            .getBytes(StandardCharsets.ISO_8859_1);
    try (StateObjectInput in =
        new StateObjectInput(new ByteArrayInputStream(renamed), getClass().getClassLoader())) {
      assertThatThrownBy(in::readObject)
          .isInstanceOf(InvalidClassException.class)
          .hasMessageContaining("nick:Ljava/lang/String;")
          .hasMessageContaining("name:Ljava/lang/String;");
    }

    ByteArrayOutputStream foreign = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(foreign)) {
      out.writeObject(new java.net.URI("http://example.org/"));
    }
    try (StateObjectInput in =
        new StateObjectInput(
            new ByteArrayInputStream(foreign.toByteArray()), getClass().getClassLoader())) {
      assertThatThrownBy(in::readObject).isInstanceOf(InvalidClassException.class);
    }
  }
}
