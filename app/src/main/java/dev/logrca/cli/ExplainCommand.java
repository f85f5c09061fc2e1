package dev.logrca.cli;

import dev.logrca.index.search.IncidentHit;
import dev.logrca.index.search.Searcher;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.lucene.index.IndexNotFoundException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code logrca explain}: why an incident's root causes rank as they do, term by term. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
      "Explain one incident from the incident index under --data: its status and span, then each"
          + " candidate root cause with its score broken into weighted terms (rule confidence,"
          + " first to go wrong, call graph, evidence, anomaly), any penalty for being explained"
          + " by another candidate, and its evidence lines."
    })
public final class ExplainCommand implements Callable<Integer> {
  /** Exit code when the incident (or the data folder) is not there. */
  static final int NOT_FOUND = 1;

  @Spec private CommandSpec spec;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "./data",
      description = "The data folder that analyze wrote (default: ${DEFAULT-VALUE}).")
  private Path data;

  @Option(
      names = "--json",
      description = "Print the incident as one JSON line, breakdowns included, for tools.")
  private boolean json;

  @Parameters(
      paramLabel = "INCIDENT_ID",
      description = "The incident's id, as analyze and search print it.")
  private String id;

  @Override
  public Integer call() throws IOException {
    if (id.isBlank()) {
      throw new ParameterException(spec.commandLine(), "INCIDENT_ID must not be blank");
    }
    PrintWriter out = spec.commandLine().getOut();
    Optional<IncidentHit> found = find(id.strip());
    if (found.isEmpty()) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("logrca explain: no incident " + id.strip() + " in " + data);
      err.flush();
      return NOT_FOUND;
    }
    if (json) {
      out.println(found.get().json());
    } else {
      new IncidentExplanation(out).print(found.get().incident());
    }
    out.flush();
    return 0;
  }

  /** The incident, or empty when the folder, its incident index or the id is missing. */
  private Optional<IncidentHit> find(String incidentId) throws IOException {
    if (!Files.isDirectory(data)) {
      return Optional.empty();
    }
    try (Searcher searcher = Searcher.open(data)) {
      return searcher.incident(incidentId);
    } catch (IndexNotFoundException e) {
      return Optional.empty();
    }
  }
}
