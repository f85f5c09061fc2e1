package dev.logrca.core.detect.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The model versions in {@code <data>/models}: one {@code <id>.json} per version and a {@code
 * champions} file listing every promotion, the current champion last, so that rollback returns to
 * the one before. A version is promoted only after it has been read back whole; a corrupt file is
 * refused and the champion stays.
 */
public final class ModelRegistry {
  private static final String CHAMPIONS = "champions";

  private final Path dir;

  public ModelRegistry(Path dataDir) {
    this.dir = dataDir.resolve("models");
  }

  public Path folder() {
    return dir;
  }

  /** The id the next saved version gets. */
  public String nextId() throws IOException {
    int max = 0;
    for (String id : ids()) {
      max = Math.max(max, Integer.parseInt(id.substring(1)));
    }
    return String.format("m%04d", max + 1);
  }

  /** Saves a new version (its card's id must be new). */
  public void save(StoredModel model) throws IOException {
    Files.createDirectories(dir);
    Path file = fileOf(model.card().id());
    if (Files.exists(file)) {
      throw new IllegalArgumentException("model " + model.card().id() + " exists already");
    }
    ModelFile.write(file, model);
  }

  /** Every version's id, oldest first. */
  public List<String> ids() throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.matches("m\\d{4,}\\.json"))
          .map(n -> n.substring(0, n.length() - ".json".length()))
          .sorted()
          .toList();
    }
  }

  /** The version {@code id}, read and checked. */
  public StoredModel load(String id) throws IOException, ModelFileException {
    Path file = fileOf(id);
    if (!Files.isRegularFile(file)) {
      throw new ModelFileException("no model " + id + " in " + dir);
    }
    return ModelFile.read(file);
  }

  /** The current champion's id, if one was promoted. */
  public Optional<String> champion() throws IOException {
    List<String> history = history();
    return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
  }

  /** Makes {@code id} the champion, once its file reads back whole. */
  public void promote(String id) throws IOException, ModelFileException {
    load(id);
    List<String> history = new ArrayList<>(history());
    history.add(id);
    writeHistory(history);
  }

  /**
   * Returns to the champion before the current one, once its file reads back whole.
   *
   * @return the champion now
   */
  public String rollback() throws IOException, ModelFileException {
    List<String> history = new ArrayList<>(history());
    if (history.size() < 2) {
      throw new ModelFileException("no earlier champion to roll back to");
    }
    history.remove(history.size() - 1);
    String previous = history.get(history.size() - 1);
    load(previous);
    writeHistory(history);
    return previous;
  }

  /** Rewrites {@code id}'s card as stale for {@code reason}. */
  public void markStale(String id, String reason) throws IOException, ModelFileException {
    StoredModel model = load(id);
    ModelFile.write(
        fileOf(id),
        new StoredModel(model.card().markedStale(reason), model.seed(), model.sequences()));
  }

  private Path fileOf(String id) {
    if (!id.matches("m\\d{4,}")) {
      throw new IllegalArgumentException("not a model id: " + id + " (ids look like m0001)");
    }
    return dir.resolve(id + ".json");
  }

  private List<String> history() throws IOException {
    Path file = dir.resolve(CHAMPIONS);
    return Files.isRegularFile(file)
        ? Files.readAllLines(file).stream().map(String::strip).filter(s -> !s.isEmpty()).toList()
        : List.of();
  }

  private void writeHistory(List<String> history) throws IOException {
    Files.createDirectories(dir);
    Path tmp = dir.resolve(CHAMPIONS + ".tmp");
    Files.write(tmp, history);
    Files.move(
        tmp,
        dir.resolve(CHAMPIONS),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }
}
