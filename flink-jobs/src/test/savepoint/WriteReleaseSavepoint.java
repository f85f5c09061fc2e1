import dev.logrca.core.decode.ServiceNames;
import dev.logrca.flink.JobSettings;
import dev.logrca.flink.LogrcaJob;
import dev.logrca.flink.sink.EventIndexSink;
import dev.logrca.flink.sink.IncidentIndexSink;
import dev.logrca.flink.source.LogFile;
import dev.logrca.flink.source.LogFileSource;
import dev.logrca.index.IncidentDocuments;
import dev.logrca.index.IndexFields;
import dev.logrca.index.TemplateDocuments;
import dev.logrca.index.TemplateEntry;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * Runs the job of the release on whose jar it is compiled over the log files of a folder, stops it
 * with a savepoint once the miner has seen a given number of lines, and writes down what that run
 * had indexed: its incidents (one JSON a line) and its templates (id, tab, text). Not part of the
 * build: {@code write-release-savepoint.sh} compiles and runs it against a release's fat jar.
 *
 * <p>Arguments: the input folder (relative to the working directory: the paths are the events'
 * sources and go into the savepoint), the lines after which to stop, the output folder.
 */
public final class WriteReleaseSavepoint {
  public static void main(String[] args) throws Exception {
    Path input = Path.of(args[0]);
    long stopAfter = Long.parseLong(args[1]);
    Path out = Path.of(args[2]).toAbsolutePath();
    Path data = out.resolve("data");
    List<LogFile> files = new ArrayList<>();
    try (Stream<Path> listing = Files.list(input)) {
      for (Path file : listing.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
        files.add(new LogFile(file.toString(), ServiceNames.fromPath(file), null));
      }
    }
    Configuration conf = new Configuration();
    conf.set(StateBackendOptions.STATE_BACKEND, "hashmap");
    conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
    conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, out.resolve("checkpoints").toUri().toString());
    conf.set(CoreOptions.TMP_DIRS, out.resolve("tmp").toString());
    // accumulators of a running job reach the client with the TaskManager's heartbeats
    conf.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Duration.ofMillis(300));
    Files.createDirectories(out.resolve("tmp"));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(1);
    env.getConfig().enableObjectReuse();
    LogrcaJob.build(
        env,
        new LogFileSource(files, 1),
        JobSettings.defaults(),
        new EventIndexSink(data.toString()),
        new IncidentIndexSink(data.toString()));
    JobClient client = env.executeAsync("release savepoint");
    long lines = 0;
    while (lines < stopAfter) {
      Thread.sleep(100); // a tool polling a running job, not a test
      if (client.getJobStatus().get() != JobStatus.RUNNING && lines > 0) {
        throw new IllegalStateException("the job ended before " + stopAfter + " lines: " + lines);
      }
      Object seen = client.getAccumulators().get().get("lines");
      lines = seen == null ? 0 : ((Number) seen).longValue();
    }
    String savepoint =
        client
            .stopWithSavepoint(false, out.resolve("savepoint").toUri().toString(), SavepointFormatType.CANONICAL)
            .get();
    client.getJobExecutionResult().get();
    System.out.println("stopped after " + lines + " lines (by the last accumulator report): " + savepoint);
    writeIndexed(data, out);
  }

  /** The incidents and templates the stopped run had committed. */
  private static void writeIndexed(Path data, Path out) throws IOException {
    Map<String, String> incidents = new TreeMap<>();
    for (Document doc : documents(data.resolve(IndexFields.INCIDENTS_FOLDER))) {
      incidents.put(doc.get(IndexFields.ID), IncidentDocuments.json(doc));
    }
    Map<String, String> templates = new TreeMap<>();
    for (Document doc : documents(data.resolve(IndexFields.EVENTS_FOLDER))) {
      // template documents are keyed by an unstored id, event documents store theirs
      if (doc.get(IndexFields.ID) == null) {
        TemplateEntry entry = TemplateDocuments.toEntry(doc);
        templates.put(entry.templateId(), entry.text());
      }
    }
    try (Writer w = Files.newBufferedWriter(out.resolve("incidents.jsonl"), StandardCharsets.UTF_8)) {
      for (String json : incidents.values()) {
        w.write(json.replace("\n", " ") + "\n");
      }
    }
    try (Writer w = Files.newBufferedWriter(out.resolve("templates.tsv"), StandardCharsets.UTF_8)) {
      for (Map.Entry<String, String> t : templates.entrySet()) {
        w.write(t.getKey() + "\t" + t.getValue() + "\n");
      }
    }
    System.out.println(incidents.size() + " incidents, " + templates.size() + " templates indexed");
  }

  private static List<Document> documents(Path folder) throws IOException {
    List<Document> docs = new ArrayList<>();
    try (FSDirectory dir = FSDirectory.open(folder);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        Bits live = leaf.reader().getLiveDocs();
        for (int i = 0; i < leaf.reader().maxDoc(); i++) {
          if (live == null || live.get(i)) {
            docs.add(leaf.reader().storedFields().document(i));
          }
        }
      }
    }
    return docs;
  }
}
