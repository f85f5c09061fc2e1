package dev.logrca.web;

import dev.logrca.core.model.Incident;
import dev.logrca.core.topology.Topology;
import dev.logrca.core.topology.TopologyInference;
import dev.logrca.index.search.EventHit;
import dev.logrca.index.search.Hit;
import dev.logrca.index.search.SearchAfter;
import dev.logrca.index.search.SearchPage;
import dev.logrca.index.search.SearchRequest;
import dev.logrca.index.search.SearchTarget;
import dev.logrca.index.search.Searcher;
import java.io.IOException;
import java.time.Duration;

/**
 * Who calls whom among an incident's services: from the topology file the server was given, or else
 * inferred (shared traces, services named in messages) from the events logged around it.
 */
final class CallGraphs {
  /** Events read to infer calls for one incident: enough for a few hundred traces. */
  static final int INFERENCE_EVENTS = 5_000;

  private static final long LEAD_IN_MILLIS = Duration.ofMinutes(5).toMillis();

  private final Topology given;

  /** Calls from {@code given}, or inferred per incident when it is null. */
  CallGraphs(Topology given) {
    this.given = given;
  }

  /** The calls, and in words where they come from. */
  record Calls(Topology topology, String source) {}

  Calls around(Incident incident, Searcher searcher, Duration budget) throws IOException {
    if (given != null) {
      return new Calls(given, "topology file");
    }
    TopologyInference inference = new TopologyInference();
    SearchRequest window =
        new SearchRequest(
            SearchTarget.EVENTS,
            "*",
            incident.start() - LEAD_IN_MILLIS,
            incident.end(),
            ApiParameters.MAX_PAGE);
    SearchAfter after = null;
    int read = 0;
    do {
      SearchPage page = searcher.page(window, after, budget);
      for (Hit hit : page.hits()) {
        inference.observe(((EventHit) hit).event());
      }
      read += page.hits().size();
      after = page.next();
    } while (after != null && read < INFERENCE_EVENTS);
    return new Calls(inference.current(), "inferred from the logs around the incident");
  }
}
