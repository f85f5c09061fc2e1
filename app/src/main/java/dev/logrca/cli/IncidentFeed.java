package dev.logrca.cli;

import dev.logrca.core.model.Incident;
import dev.logrca.core.model.IncidentJson;
import dev.logrca.core.model.RootCause;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What {@code analyze --follow} prints while the job runs: an incident when it is first reported,
 * and again whenever its likeliest cause (service and category) changes; updates that only add
 * evidence or stretch its end are not repeated.
 */
final class IncidentFeed implements Consumer<Incident> {
  private final PrintWriter out;
  private final boolean json;
  private final IncidentReport report;
  private final Map<String, String> topCauses = new HashMap<>();

  IncidentFeed(PrintWriter out, boolean json) {
    this.out = out;
    this.json = json;
    this.report = new IncidentReport(out);
  }

  @Override
  public void accept(Incident incident) {
    String top = topCause(incident);
    String before = topCauses.put(incident.id(), top);
    if (top.equals(before)) {
      return;
    }
    if (json) {
      out.println(IncidentJson.write(incident));
      out.flush();
    } else {
      report.printUpdate(incident, before == null);
    }
  }

  private static String topCause(Incident incident) {
    if (incident.rootCauses().isEmpty()) {
      return "";
    }
    RootCause top = incident.rootCauses().get(0);
    return top.service() + " " + top.category();
  }
}
