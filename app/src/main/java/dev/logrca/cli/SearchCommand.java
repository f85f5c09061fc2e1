package dev.logrca.cli;

import dev.logrca.index.search.BadQueryException;
import dev.logrca.index.search.EventHit;
import dev.logrca.index.search.EventJson;
import dev.logrca.index.search.Hit;
import dev.logrca.index.search.HitText;
import dev.logrca.index.search.IncidentHit;
import dev.logrca.index.search.SearchRequest;
import dev.logrca.index.search.SearchResult;
import dev.logrca.index.search.SearchTarget;
import dev.logrca.index.search.Searcher;
import dev.logrca.index.search.TemplateListing;
import dev.logrca.index.search.TimeArguments;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.lucene.index.IndexNotFoundException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code logrca search}: finds log lines or incidents in the indices of a data folder. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Search the indexed log lines (default) or incidents, newest first.",
      "QUERY is Lucene syntax: words search the message (events) or the incident text;"
          + " fields as service:payment, level:error, traceId:abc, attr.status:500,"
          + " timestamp:[2026-11-27T10:00:00Z TO 2026-11-27T10:05:00Z]; AND, OR, NOT, quotes.",
      "Events show their template's current text; templateId:\"svc:7\" also finds the events"
          + " of ids merged into that template (or of the template an old id was merged into).",
      "--templates [SERVICE] lists the templates instead: id, events, current text."
    })
public final class SearchCommand implements Callable<Integer> {
  /** Exit code of a usage error (picocli's too): a bad option, a bad query, a missing index. */
  static final int BAD_USAGE = 2;

  /** Exit code when there is no data folder to search. */
  static final int NO_DATA = 1;

  @Spec private CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  private Target target;

  @Option(
      names = "--since",
      paramLabel = "T",
      description = "Only from T on: an age (15m, 2h, 1d) or an ISO-8601 time or date.")
  private String since;

  @Option(
      names = "--until",
      paramLabel = "T",
      description = "Only up to T: an age (15m, 2h, 1d) or an ISO-8601 time or date.")
  private String until;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "20",
      description = "Show at most N hits, 1..10000 (default: ${DEFAULT-VALUE}).")
  private int limit;

  @Option(
      names = "--json",
      description = "Print one JSON object per hit and line (incidents as analyze --json does).")
  private boolean json;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "./data",
      description = "The data folder holding events/ and incidents/ (default: ${DEFAULT-VALUE}).")
  private Path data;

  @Parameters(
      paramLabel = "QUERY",
      arity = "0..*",
      description = "What to find; several words are joined (default: * for everything).")
  private List<String> query;

  /** Which index, one at most. */
  static final class Target {
    @Option(names = "--events", description = "Search log lines (the default).")
    boolean events;

    @Option(names = "--incidents", description = "Search incidents.")
    boolean incidents;

    @Option(
        names = "--templates",
        description = "List templates (of the service given as QUERY), most events first.")
    boolean templates;
  }

  @Override
  public Integer call() throws IOException {
    SearchRequest request = request();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isDirectory(data)) {
      err.println(
          "logrca search: no data folder at "
              + data
              + "; run logrca analyze first, or point --data at one");
      return NO_DATA;
    }
    if (target != null && target.templates) {
      return listTemplates(err);
    }
    SearchResult result;
    try (Searcher searcher = Searcher.open(data)) {
      result = searcher.search(request);
    } catch (BadQueryException | IndexNotFoundException e) {
      err.println("logrca search: " + e.getMessage());
      return BAD_USAGE;
    }
    print(result);
    return 0;
  }

  private int listTemplates(PrintWriter err) throws IOException {
    if (query != null && query.size() > 1) {
      throw usage("--templates takes at most one SERVICE, not " + String.join(" ", query));
    }
    String service = query == null || query.isEmpty() ? null : query.get(0);
    List<TemplateListing> listings;
    try (Searcher searcher = Searcher.open(data)) {
      listings = searcher.templates(service, limit);
    } catch (IndexNotFoundException e) {
      err.println("logrca search: " + e.getMessage());
      return BAD_USAGE;
    }
    PrintWriter out = spec.commandLine().getOut();
    for (TemplateListing listing : listings) {
      out.println(json ? TemplateText.json(listing) : TemplateText.line(listing));
    }
    (json ? err : out)
        .println(listings.size() + (listings.size() == 1 ? " template" : " templates"));
    out.flush();
    return 0;
  }

  private SearchRequest request() {
    if (limit < 1 || limit > SearchRequest.MAX_LIMIT) {
      throw usage("--limit must be between 1 and " + SearchRequest.MAX_LIMIT + ", not " + limit);
    }
    SearchTarget searched =
        target != null && target.incidents ? SearchTarget.INCIDENTS : SearchTarget.EVENTS;
    String text = query == null || query.isEmpty() ? "*" : String.join(" ", query);
    try {
      return new SearchRequest(
          searched, text, time("--since", since), time("--until", until), limit);
    } catch (BadQueryException e) {
      throw usage(e.getMessage());
    }
  }

  private Long time(String option, String value) {
    if (value == null) {
      return null;
    }
    try {
      return TimeArguments.parse(value);
    } catch (BadQueryException e) {
      throw usage(option + ": " + e.getMessage());
    }
  }

  private void print(SearchResult result) {
    PrintWriter out = spec.commandLine().getOut();
    for (Hit hit : result.hits()) {
      if (json) {
        out.println(
            hit instanceof IncidentHit incident
                ? incident.json()
                : EventJson.write(((EventHit) hit).event()));
      } else {
        out.println(HitText.of(hit));
      }
    }
    if (json) {
      // stdout stays pure JSON lines for jq; the count goes where a person still sees it
      spec.commandLine().getErr().println(HitText.footer(result));
    } else {
      out.println(HitText.footer(result));
    }
    out.flush();
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
