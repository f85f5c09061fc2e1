package dev.logrca.rules.correlate;

import dev.logrca.core.model.LogEvent;
import dev.logrca.core.topology.Topology;
import dev.logrca.rules.signature.Signatures;
import dev.logrca.rules.signature.Targets;
import java.util.Set;

/**
 * Finds what a notable line blames: the peer it names, the service behind that peer (from the names
 * and addresses services log with, or the topology), and whether that service is one of the
 * system's own rather than an outside host.
 */
final class Suspects {
  private final ServiceActivity activity;
  private final DependencyResolver resolver;

  Suspects(ServiceActivity activity, CorrelationConfig config) {
    this.activity = activity;
    this.resolver = new DependencyResolver(activity, config);
  }

  /** The peer a line names, the service it blames, and whether that one is the system's own. */
  record Blame(String target, String dependency, boolean known) {}

  /**
   * What {@code event} blames, judged on {@code text} (its whole event, stack trace included, when
   * {@code more} says there is more than its message) and the {@code signals} it matched.
   */
  Blame of(
      LogEvent event, String text, boolean more, Set<String> signals, Topology topology, long now) {
    String target = Targets.find(event.message());
    if (target == null && more) {
      target = Targets.find(text);
    }
    boolean askTopology =
        signals.stream().anyMatch(Signatures.DEPENDENCY_FACING::contains)
            || (signals.contains(Signatures.SHUTDOWN) && signals.contains(Signatures.EXCEPTION));
    // the whole event, stack trace included: "Stock lookup failed" names nobody, its
    // "org.postgresql.util.PSQLException ... NoRouteToHostException" names the server
    String dependency =
        signals.isEmpty()
            ? null
            : resolver.resolve(event.service(), target, text, askTopology, topology, now);
    // an address nobody could map is still a peer inside the system; a name that never logged
    // and is not in the topology is an outside host
    boolean known =
        dependency != null
            && (activity.knows(dependency)
                || topology.services().contains(dependency)
                || DependencyResolver.isUnresolvedHost(dependency));
    return new Blame(target, dependency, known);
  }
}
