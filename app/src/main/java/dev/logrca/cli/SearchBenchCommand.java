package dev.logrca.cli;

import dev.logrca.index.EventIndex;
import dev.logrca.index.search.EventHit;
import dev.logrca.index.search.Hit;
import dev.logrca.index.search.SearchPage;
import dev.logrca.index.search.SearchRequest;
import dev.logrca.index.search.SearchTarget;
import dev.logrca.index.search.Searcher;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code logrca bench-search}: times the event searches a person runs most (the newest page, a time
 * window, a field sorted newest first) on an existing index, so that a change to how the index is
 * written is judged on its searches too. Prints each query's median and 90th percentile time and a
 * fingerprint of its first page, equal for two indices that give the same answers.
 */
@Command(
    name = "bench-search",
    mixinStandardHelpOptions = true,
    description = {
      "Time newest-first event searches on an index: PATH is a data folder, or the event index"
          + " folder bench's baseline wrote (SCRATCH/baseline).",
      "Each query runs --warm-up times untimed, then --repeat times timed; the window is the"
          + " minute ending two minutes before the newest event."
    })
public final class SearchBenchCommand implements Callable<Integer> {
  private static final int PAGE = 50;

  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "PATH", description = "Data folder or event index folder.")
  private Path path;

  @Option(names = "--repeat", paramLabel = "N", defaultValue = "100", description = "Timed runs.")
  private int repeat;

  @Option(
      names = "--warm-up",
      paramLabel = "N",
      defaultValue = "30",
      description = "Untimed runs first.")
  private int warmUp;

  @Override
  public Integer call() throws Exception {
    if (repeat < 1 || warmUp < 0) {
      throw new ParameterException(
          spec.commandLine(), "--repeat must be at least 1 and --warm-up at least 0");
    }
    PrintWriter out = spec.commandLine().getOut();
    List<Directory> opened = new ArrayList<>();
    try (Searcher searcher = open(opened)) {
      SearchPage newest = searcher.page(request("*", null, null), null, null);
      if (newest.hits().isEmpty()) {
        throw new ParameterException(spec.commandLine(), "no events to search in " + path);
      }
      long last = ((EventHit) newest.hits().get(0)).event().record().timestamp();
      long until = last - 120_000;
      long since = until - 60_000;
      out.printf(
          Locale.ROOT, "%-32s %9s %9s %7s %s%n", "query", "median ms", "p90 ms", "total", "page");
      for (SearchRequest r :
          List.of(
              request("*", null, null),
              request("*", since, until),
              request("level:error", null, null),
              request("level:error", since, until),
              request("level:info", null, null),
              request("timeout", null, null))) {
        time(searcher, r, out);
      }
    } finally {
      IOUtils.close(opened);
    }
    return 0;
  }

  private Searcher open(List<Directory> opened) throws Exception {
    if (Files.isDirectory(EventIndex.folderIn(path))) {
      return Searcher.open(path);
    }
    opened.add(FSDirectory.open(path));
    opened.add(new ByteBuffersDirectory());
    return Searcher.open(List.of(opened.get(0)), opened.get(1));
  }

  private static SearchRequest request(String query, Long since, Long until) {
    return new SearchRequest(SearchTarget.EVENTS, query, since, until, PAGE);
  }

  private void time(Searcher searcher, SearchRequest request, PrintWriter out) throws Exception {
    SearchPage page = null;
    for (int i = 0; i < warmUp; i++) {
      page = searcher.page(request, null, null);
    }
    long[] nanos = new long[repeat];
    for (int i = 0; i < repeat; i++) {
      long started = System.nanoTime();
      page = searcher.page(request, null, null);
      nanos[i] = System.nanoTime() - started;
    }
    Arrays.sort(nanos);
    String name = request.query() + (request.since() == null ? "" : " in the window");
    out.printf(
        Locale.ROOT,
        "%-32s %9.2f %9.2f %7s %08x%n",
        name,
        nanos[repeat / 2] / 1e6,
        nanos[repeat * 9 / 10] / 1e6,
        page.totalHits() + (page.totalExact() ? "" : "+"),
        fingerprint(page.hits()));
  }

  /** A hash of the page's event ids in order: two indices agree on the page when it agrees. */
  private static int fingerprint(List<Hit> hits) {
    return hits.stream().map(h -> ((EventHit) h).event().eventId()).toList().hashCode();
  }
}
