package dev.logrca.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.logrca.simulate.Truth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The truth of one evaluation folder, read from either shape of {@code truth.json}: the simulator's
 * object ({@code scenario}, {@code seed}, {@code faults}) or a real run's array of {@code {start,
 * end, service, kind[, service_alt]}} (an empty array is a fault-free run). For a real run without
 * {@code service_alt}, the {@code root_alt} of a {@code truth_detail.json} beside it is taken as
 * the accepted alternative.
 *
 * @param name the scenario (simulator) or the folder's name (real runs)
 * @param seed the simulator's seed, 0 for real runs
 * @param faults the expected faults, possibly none
 * @param real whether the folder is a real run rather than simulator output
 */
record FaultTruth(String name, long seed, List<ExpectedFault> faults, boolean real) {

  FaultTruth {
    faults = List.copyOf(faults);
  }

  /** Reads {@code folder/truth.json}; a clear error names the folder when its shape is wrong. */
  static FaultTruth read(Path folder) throws IOException {
    Path file = folder.resolve("truth.json");
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    if (root != null && root.isArray()) {
      return readReal(folder, root);
    }
    if (root != null && root.path("faults").isArray()) {
      return of(Truth.read(file));
    }
    throw new IOException(
        file
            + ": a truth file is either the simulator's {\"faults\": [...]} or a JSON array of"
            + " {start, end, service, kind}");
  }

  /** The expected faults of a simulator's truth; each fault's category is its kind. */
  static FaultTruth of(Truth truth) {
    List<ExpectedFault> faults =
        truth.faults().stream()
            .map(
                f ->
                    new ExpectedFault(
                        f.service(), null, f.category(), f.category(), f.start(), null))
            .toList();
    return new FaultTruth(truth.scenario(), truth.seed(), faults, false);
  }

  private static FaultTruth readReal(Path folder, JsonNode array) throws IOException {
    JsonNode detail = readDetail(folder.resolve("truth_detail.json"));
    List<ExpectedFault> faults = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonNode fault = array.get(i);
      String service = text(fault, "service");
      String kind = text(fault, "kind");
      String start = text(fault, "start");
      if (service == null || kind == null || start == null) {
        throw new IOException(
            folder.resolve("truth.json") + ": fault " + i + " needs start, service and kind");
      }
      String alternate = text(fault, "service_alt");
      if (alternate == null && detail != null && detail.size() > i) {
        alternate = text(detail.get(i), "root_alt");
      }
      String end = text(fault, "end");
      faults.add(
          new ExpectedFault(
              service,
              alternate,
              FaultKinds.category(kind),
              kind,
              Instant.parse(start),
              end == null ? null : Instant.parse(end)));
    }
    return new FaultTruth(String.valueOf(folder.getFileName()), 0, faults, true);
  }

  private static JsonNode readDetail(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    JsonNode detail = new ObjectMapper().readTree(file.toFile());
    return detail != null && detail.isArray() ? detail : null;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
  }
}
