package dev.logrca.cli;

import dev.logrca.core.detect.registry.ModelRegistry;
import dev.logrca.core.detect.registry.ModelTraining;
import dev.logrca.core.detect.registry.StoredModel;
import dev.logrca.core.detect.session.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code logrca model train}: fits the session detectors on the events a run indexed and saves them
 * as a new model version, with the current champion as its parent; it does not promote it.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description =
        "Train a new model version on the sessions of the events under --data (trace ids and the"
            + " usual session keys, or --session), and save it in <data>/models.")
public final class ModelTrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DataFolder dataFolder;

  @Mixin ModelSessions window;

  @Option(names = "--seed", defaultValue = "7", description = "Seed of the isolation forest.")
  long seed;

  @Override
  public Integer call() throws Exception {
    Path data = dataFolder.path;
    if (!Files.isDirectory(data)) {
      throw new ParameterException(spec.commandLine(), data + ": no data folder");
    }
    List<Session> sessions = window.read(spec, data);
    if (sessions.size() < 2) {
      throw new ParameterException(
          spec.commandLine(),
          "found " + sessions.size() + " sessions under " + data + ", need at least 2 to train");
    }
    ModelRegistry registry = new ModelRegistry(data);
    StoredModel model =
        ModelTraining.train(
            registry.nextId(), sessions, seed, registry.champion().orElse(null), Instant.now());
    registry.save(model);
    spec.commandLine()
        .getOut()
        .printf(
            "%s trained on %d sessions, %d templates, %s to %s (not promoted: logrca model"
                + " promote %s)%n",
            model.card().id(),
            sessions.size(),
            model.card().featureSchema().size(),
            model.card().trainedFrom(),
            model.card().trainedUntil(),
            model.card().id());
    return 0;
  }
}
