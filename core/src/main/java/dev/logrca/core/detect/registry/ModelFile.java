package dev.logrca.core.detect.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * logrca's own versioned model format: one JSON object with a {@code format} tag, a {@code
 * formatVersion}, the card, the seed and the training sequences as integer arrays. Reading checks
 * every part before anything is used, so a corrupt or foreign file is refused with a message that
 * says what is wrong, and no Java deserialisation is ever involved.
 */
public final class ModelFile {
  public static final String FORMAT = "logrca-session-model";
  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ModelFile() {}

  /** Writes {@code model} to {@code file} atomically (a reader never sees half a file). */
  public static void write(Path file, StoredModel model) throws IOException {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("formatVersion", FORMAT_VERSION);
    root.set("card", MAPPER.valueToTree(model.card()));
    root.put("seed", model.seed());
    ArrayNode sequences = root.putArray("sequences");
    for (int[] seq : model.sequences()) {
      ArrayNode row = sequences.addArray();
      for (int column : seq) {
        row.add(column);
      }
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(tmp, MAPPER.writeValueAsBytes(root));
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Reads and checks {@code file}. */
  public static StoredModel read(Path file) throws IOException, ModelFileException {
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readAllBytes(file));
    } catch (JsonProcessingException e) {
      throw new ModelFileException(
          file + ": not a logrca model file (not JSON: " + e.getOriginalMessage() + ")", e);
    }
    if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
      throw new ModelFileException(file + ": not a logrca model file (no format " + FORMAT + ")");
    }
    int version = root.path("formatVersion").asInt(-1);
    if (version != FORMAT_VERSION) {
      throw new ModelFileException(
          file + ": model format version " + version + ", this logrca reads " + FORMAT_VERSION);
    }
    ModelCard card = card(file, root.path("card"));
    if (!root.path("seed").isIntegralNumber()) {
      throw new ModelFileException(file + ": corrupt model file (no seed)");
    }
    return new StoredModel(card, root.path("seed").asLong(), sequences(file, root, card));
  }

  private static ModelCard card(Path file, JsonNode node) throws ModelFileException {
    ModelCard card;
    try {
      card = MAPPER.treeToValue(node, ModelCard.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new ModelFileException(file + ": corrupt model card (" + e.getMessage() + ")", e);
    }
    if (card == null
        || card.id() == null
        || card.featureSchema() == null
        || card.featureSchema().isEmpty()) {
      throw new ModelFileException(file + ": corrupt model card (no id or feature schema)");
    }
    return card;
  }

  private static List<int[]> sequences(Path file, JsonNode root, ModelCard card)
      throws ModelFileException {
    JsonNode node = root.path("sequences");
    if (!node.isArray() || node.size() < 2) {
      throw new ModelFileException(file + ": corrupt model file (fewer than 2 training sequences)");
    }
    int width = card.featureSchema().size();
    List<int[]> sequences = new ArrayList<>();
    for (JsonNode row : node) {
      if (!row.isArray()) {
        throw new ModelFileException(file + ": corrupt model file (a sequence is not an array)");
      }
      int[] seq = new int[row.size()];
      for (int i = 0; i < seq.length; i++) {
        JsonNode cell = row.get(i);
        if (!cell.isInt() || cell.asInt() < 0 || cell.asInt() >= width) {
          throw new ModelFileException(
              file
                  + ": corrupt model file (template index "
                  + cell
                  + " outside the schema of "
                  + width
                  + ")");
        }
        seq[i] = cell.asInt();
      }
      sequences.add(seq);
    }
    return sequences;
  }
}
