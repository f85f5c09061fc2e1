package dev.logrca.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.logrca.core.detect.registry.ModelCard;
import dev.logrca.core.detect.registry.ModelFileException;
import dev.logrca.core.detect.registry.ModelRegistry;
import dev.logrca.core.detect.registry.StoredModel;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code logrca model}: the session models of a data folder as versions: train, list, show, eval,
 * promote, rollback and diff. A model file that cannot be read is refused with its reason (exit
 * code 1) and the champion stays as it was.
 */
@Command(
    name = "model",
    mixinStandardHelpOptions = true,
    description =
        "Versioned anomaly models in <data>/models: train, list, show, eval, promote,"
            + " rollback, diff.",
    subcommands = {
      ModelTrainCommand.class,
      ModelCommand.ListVersions.class,
      ModelCommand.Show.class,
      ModelEvalCommand.class,
      ModelCommand.Promote.class,
      ModelCommand.Rollback.class,
      ModelCommand.Diff.class
    })
public final class ModelCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  /** The registry of {@code data}, which must exist. */
  static ModelRegistry registryOf(CommandSpec spec, Path data) {
    if (!Files.isDirectory(data)) {
      throw new CommandLine.ParameterException(spec.commandLine(), data + ": no data folder");
    }
    return new ModelRegistry(data);
  }

  /** Runs a registry action; a model file it refuses is reported on stderr with exit code 1. */
  static int refusing(CommandSpec spec, RegistryAction action) throws Exception {
    try {
      action.run(spec.commandLine().getOut());
      return 0;
    } catch (ModelFileException e) {
      spec.commandLine().getErr().println("refused: " + e.getMessage());
      return 1;
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** What a subcommand does with the registry. */
  interface RegistryAction {
    void run(PrintWriter out) throws Exception;
  }

  /** {@code model list}: one line per version, the champion marked with {@code *}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "One line per version.")
  static final class ListVersions implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DataFolder data;

    @Override
    public Integer call() throws Exception {
      ModelRegistry registry = registryOf(spec, data.path);
      Optional<String> champion = registry.champion();
      PrintWriter out = spec.commandLine().getOut();
      for (String id : registry.ids()) {
        String mark = champion.filter(id::equals).isPresent() ? "*" : " ";
        try {
          ModelCard c = registry.load(id).card();
          out.printf(
              "%s %s  created %s  trained %s..%s  %s sessions  parent %s%s%n",
              mark,
              id,
              c.created(),
              c.trainedFrom(),
              c.trainedUntil(),
              c.parameters().get("sessions"),
              c.parent() == null ? "-" : c.parent(),
              c.stale() == null ? "" : "  STALE: " + c.stale());
        } catch (ModelFileException e) {
          out.printf("%s %s  unreadable: %s%n", mark, id, e.getMessage());
        }
      }
      return 0;
    }
  }

  /** {@code model show ID}: the version's card as JSON. */
  @Command(name = "show", mixinStandardHelpOptions = true, description = "A version's card.")
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DataFolder data;

    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() throws Exception {
      ModelRegistry registry = registryOf(spec, data.path);
      ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      return refusing(spec, out -> out.println(json.writeValueAsString(registry.load(id).card())));
    }
  }

  /** {@code model promote ID}: makes a version the champion once it reads back whole. */
  @Command(name = "promote", mixinStandardHelpOptions = true, description = "Make ID champion.")
  static final class Promote implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DataFolder data;

    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() throws Exception {
      ModelRegistry registry = registryOf(spec, data.path);
      return refusing(
          spec,
          out -> {
            registry.promote(id);
            out.println(id + " is the champion");
          });
    }
  }

  /** {@code model rollback}: returns to the champion before the current one. */
  @Command(
      name = "rollback",
      mixinStandardHelpOptions = true,
      description = "Return to the previous champion.")
  static final class Rollback implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DataFolder data;

    @Override
    public Integer call() throws Exception {
      ModelRegistry registry = registryOf(spec, data.path);
      return refusing(spec, out -> out.println(registry.rollback() + " is the champion again"));
    }
  }

  /** {@code model diff A B}: how two versions' cards differ. */
  @Command(name = "diff", mixinStandardHelpOptions = true, description = "Compare two versions.")
  static final class Diff implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DataFolder data;

    @Parameters(index = "0", paramLabel = "A")
    String a;

    @Parameters(index = "1", paramLabel = "B")
    String b;

    @Override
    public Integer call() throws Exception {
      ModelRegistry registry = registryOf(spec, data.path);
      return refusing(spec, out -> print(out, registry.load(a), registry.load(b)));
    }

    private void print(PrintWriter out, StoredModel first, StoredModel second) {
      ModelCard x = first.card();
      ModelCard y = second.card();
      out.printf(
          "training window  %s..%s  |  %s..%s%n",
          x.trainedFrom(), x.trainedUntil(), y.trainedFrom(), y.trainedUntil());
      out.println(
          "training data    "
              + (x.dataFingerprint().equals(y.dataFingerprint())
                  ? "same (fingerprint " + x.dataFingerprint().substring(0, 12) + ")"
                  : "different"));
      TreeSet<String> gone = new TreeSet<>(x.featureSchema());
      gone.removeAll(y.featureSchema());
      TreeSet<String> added = new TreeSet<>(y.featureSchema());
      added.removeAll(x.featureSchema());
      out.println(
          "templates        -" + gone.size() + " " + gone + "  +" + added.size() + " " + added);
      TreeSet<String> keys = new TreeSet<>(x.parameters().keySet());
      keys.addAll(y.parameters().keySet());
      keys.forEach(
          k ->
              out.printf(
                  "parameter %-6s %s  |  %s%n", k, x.parameters().get(k), y.parameters().get(k)));
      TreeSet<String> figures = new TreeSet<>(x.evaluation().keySet());
      figures.addAll(y.evaluation().keySet());
      figures.forEach(
          k -> out.printf("%-16s %s  |  %s%n", k, x.evaluation().get(k), y.evaluation().get(k)));
    }
  }
}
