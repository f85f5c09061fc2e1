package dev.logrca.flink.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.decode.ServiceNames;
import dev.logrca.core.model.Incident;
import dev.logrca.core.model.IncidentJson;
import dev.logrca.flink.JobSettings;
import dev.logrca.flink.LogrcaJob;
import dev.logrca.flink.TestMiniCluster;
import dev.logrca.flink.sink.EventIndexSink;
import dev.logrca.flink.sink.IncidentIndexSink;
import dev.logrca.flink.source.LogFile;
import dev.logrca.flink.source.LogFileSource;
import dev.logrca.index.EventShards;
import dev.logrca.index.IncidentDocuments;
import dev.logrca.index.IndexFields;
import dev.logrca.index.ShardedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A savepoint that the previous release's job wrote part way through a simulated outage restores
 * into this release's job, every state included, and the run it continues ends where a run of this
 * release over the whole input ends: the same incidents (their evidence's template ids aside: a
 * miner that groups lines differently numbers its templates differently), every line after the
 * savepoint indexed with a template, some under templates the release's miner had made. The fixture
 * and how it was made: {@code src/test/resources/savepoint/README.md}.
 */
class ReleaseSavepointITCase {
  private static final String RELEASE = "3d3c66f";

  /** Where the release's run read its input, relative to the module folder: the events' sources. */
  private static final Path INPUT = Path.of("target", "savepoint-" + RELEASE);

  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER = TestMiniCluster.withSlots(1, configuration());

  @TempDir Path dir;

  private static Configuration configuration() {
    Configuration conf = new Configuration();
    conf.set(CoreOptions.TMP_DIRS, Path.of("target", "flink-tmp").toAbsolutePath().toString());
    conf.set(StateBackendOptions.STATE_BACKEND, "hashmap");
    return conf;
  }

  @Test
  void theReleasesSavepointRestoresAndEndsLikeAnUninterruptedRun() throws Exception {
    Path fixture = fixture();
    List<LogFile> files = unpackInput(fixture.resolve("input"));
    Path restored = dir.resolve("restored");
    Path whole = dir.resolve("whole");

    run(files, restored, fixture.resolve("savepoint"));
    run(files, whole, null);

    Map<String, String> continued = releaseIncidents(fixture);
    continued.putAll(incidents(restored));
    assertThat(continued).as("incidents of the release's run and the restored run").isNotEmpty();
    assertThat(withoutTemplateIds(continued)).isEqualTo(withoutTemplateIds(incidents(whole)));

    Map<String, String> after = templateIds(restored);
    Map<String, String> uninterrupted = templateIds(whole);
    assertThat(after).as("lines read after the savepoint").isNotEmpty();
    assertThat(uninterrupted).hasSizeGreaterThan(after.size());
    assertThat(uninterrupted.keySet()).containsAll(after.keySet());
    assertThat(after.values())
        .as("every line after the savepoint has a template")
        .doesNotContainNull();
    Set<String> releaseTemplates = releaseTemplateIds(fixture);
    assertThat(after.values())
        .as("lines after the savepoint under templates the release's miner had made")
        .anyMatch(releaseTemplates::contains);
  }

  /** Runs the job over {@code files} into {@code data}, from {@code savepoint} when given. */
  private static void run(List<LogFile> files, Path data, Path savepoint) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    env.getConfig().enableObjectReuse(); // as the embedded run and the release's run did
    LogrcaJob.build(
        env,
        new LogFileSource(files, 1),
        JobSettings.defaults(),
        new EventIndexSink(data.toString()),
        new IncidentIndexSink(data.toString()));
    StreamGraph graph = env.getStreamGraph();
    if (savepoint != null) {
      // no state of the release may be left behind: every operator's state must find its owner
      graph.setSavepointRestoreSettings(
          SavepointRestoreSettings.forPath(savepoint.toAbsolutePath().toString(), false));
    }
    env.execute(graph);
  }

  private static Path fixture() throws URISyntaxException {
    return Path.of(
            ReleaseSavepointITCase.class
                .getClassLoader()
                .getResource("savepoint/release-" + RELEASE + "/COMMIT")
                .toURI())
        .getParent();
  }

  /** The release's input, unpacked where its run read it (the savepoint names these paths). */
  private static List<LogFile> unpackInput(Path gzipped) throws IOException {
    Files.createDirectories(INPUT);
    List<LogFile> files = new ArrayList<>();
    try (Stream<Path> listing = Files.list(gzipped)) {
      for (Path gz : listing.sorted().toList()) {
        String name = gz.getFileName().toString().replaceFirst("\\.gz$", "");
        Path file = INPUT.resolve(name);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz));
            OutputStream out = Files.newOutputStream(file)) {
          in.transferTo(out);
        }
        files.add(new LogFile(file.toString(), ServiceNames.fromPath(file), null));
      }
    }
    return files;
  }

  private static Map<String, String> releaseIncidents(Path fixture) throws IOException {
    Map<String, String> incidents = new TreeMap<>();
    for (String json : Files.readAllLines(fixture.resolve("incidents.jsonl"))) {
      Incident incident = IncidentJson.read(json);
      incidents.put(incident.id(), IncidentJson.write(incident));
    }
    return incidents;
  }

  /**
   * Incidents with their evidence's template ids left out. A release whose miner groups lines
   * differently numbers its templates differently from the previous one, so an uninterrupted run of
   * it cannot give the ids the restored miner keeps; everything else (causes, scores, evidence
   * lines) must still agree.
   */
  private static Map<String, String> withoutTemplateIds(Map<String, String> incidents) {
    Map<String, String> masked = new TreeMap<>();
    incidents.forEach(
        (id, json) ->
            masked.put(id, json.replaceAll("\"templateId\":\"[^\"]*\"", "\"templateId\":\"\"")));
    return masked;
  }

  private static Set<String> releaseTemplateIds(Path fixture) throws IOException {
    Set<String> ids = new HashSet<>();
    for (String line :
        Files.readAllLines(fixture.resolve("templates.tsv"), StandardCharsets.UTF_8)) {
      ids.add(line.substring(0, line.indexOf('\t')));
    }
    return ids;
  }

  /** Every incident of a data folder as the JSON the index stores, by id. */
  private static Map<String, String> incidents(Path data) throws IOException {
    Map<String, String> incidents = new TreeMap<>();
    List<Document> documents;
    try (FSDirectory directory = FSDirectory.open(data.resolve(IndexFields.INCIDENTS_FOLDER));
        DirectoryReader reader = DirectoryReader.open(directory)) {
      documents = documents(reader);
    }
    for (Document doc : documents) {
      Incident incident = IncidentDocuments.toIncident(doc);
      incidents.put(incident.id(), IncidentJson.write(incident));
    }
    return incidents;
  }

  /** The template id of every event of a data folder, by event id. */
  private static Map<String, String> templateIds(Path data) throws IOException {
    Map<String, String> ids = new HashMap<>();
    List<Document> events;
    try (ShardedReader reader = EventShards.openReader(data)) {
      events = documents(reader);
    }
    for (Document doc : events) {
      // template documents are keyed by an unstored id, event documents store theirs
      if (doc.get(IndexFields.ID) != null) {
        ids.put(doc.get(IndexFields.ID), doc.get(IndexFields.TEMPLATE_ID));
      }
    }
    return ids;
  }

  private static List<Document> documents(IndexReader reader) throws IOException {
    List<Document> docs = new ArrayList<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      Bits live = leaf.reader().getLiveDocs();
      for (int i = 0; i < leaf.reader().maxDoc(); i++) {
        if (live == null || live.get(i)) {
          docs.add(leaf.reader().storedFields().document(i));
        }
      }
    }
    return docs;
  }
}
