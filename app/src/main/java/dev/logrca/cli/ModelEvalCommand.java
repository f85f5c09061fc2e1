package dev.logrca.cli;

import dev.logrca.core.detect.registry.ModelRegistry;
import dev.logrca.core.detect.registry.StoredModel;
import dev.logrca.core.detect.registry.TemplateMixDrift;
import dev.logrca.core.detect.session.Session;
import dev.logrca.core.detect.session.SessionJudgement;
import dev.logrca.core.detect.session.SessionModel;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code logrca model eval ID}: judges the sessions of a window with a version, prints the share
 * each detector flags and the template-mix drift from the version's training data; drift at or
 * above the threshold marks the version stale.
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description =
        "Judge the sessions under --data with version ID; report flagged shares and"
            + " drift (Jensen-Shannon of the template mix, stale from "
            + TemplateMixDrift.DRIFT
            + " bits).")
public final class ModelEvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DataFolder data;

  @Mixin ModelSessions window;

  @Parameters(paramLabel = "ID")
  String id;

  @Override
  public Integer call() throws Exception {
    ModelRegistry registry = ModelCommand.registryOf(spec, data.path);
    return ModelCommand.refusing(
        spec,
        out -> {
          StoredModel stored = registry.load(id);
          List<Session> sessions = window.read(spec, data.path);
          evaluate(out, registry, stored, sessions);
        });
  }

  private void evaluate(
      PrintWriter out, ModelRegistry registry, StoredModel stored, List<Session> sessions)
      throws Exception {
    SessionModel model = stored.fit();
    Map<String, Integer> flagged = new LinkedHashMap<>();
    Map<String, Long> mix = new HashMap<>();
    int combined = 0;
    for (Session s : sessions) {
      SessionJudgement j = model.judge(s);
      j.verdicts().forEach((name, v) -> flagged.merge(name, v.anomalous() ? 1 : 0, Integer::sum));
      combined += j.anomalous() ? 1 : 0;
      s.events().forEach(e -> mix.merge(e.template(), 1L, Long::sum));
    }
    out.printf(Locale.ROOT, "%s on %d sessions%n", id, sessions.size());
    int n = Math.max(1, sessions.size());
    flagged.forEach(
        (name, k) -> out.printf(Locale.ROOT, "%-12s flags %5d (%.1f%%)%n", name, k, 100.0 * k / n));
    out.printf(
        Locale.ROOT, "%-12s flags %5d (%.1f%%)%n", "combined", combined, 100.0 * combined / n);
    double js = TemplateMixDrift.divergence(stored, mix);
    String verdict =
        js >= TemplateMixDrift.DRIFT ? "DRIFT" : js >= TemplateMixDrift.WARN ? "warn" : "ok";
    out.printf(
        Locale.ROOT,
        "drift: Jensen-Shannon %.3f bits of the template mix (warn %.2f, drift %.2f): %s%n",
        js,
        TemplateMixDrift.WARN,
        TemplateMixDrift.DRIFT,
        verdict);
    if (js >= TemplateMixDrift.DRIFT) {
      registry.markStale(
          id,
          String.format(
              Locale.ROOT, "template mix drift: JS %.3f >= %.2f", js, TemplateMixDrift.DRIFT));
      out.println(id + " marked stale");
    }
  }
}
