package dev.logrca.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a simulation really injected, written as {@code truth.json}: the scenario, the seed and the
 * faults (none for a fault-free run) with their root service, category and first sign.
 */
public record Truth(String scenario, long seed, List<Fault> faults) {

  /** One injected fault: its root service, category id and the event time of its first sign. */
  public record Fault(String service, String category, Instant start) {}

  public Truth {
    faults = List.copyOf(faults);
  }

  /** Reads a {@code truth.json} written by the simulator. */
  public static Truth read(Path truthJson) throws IOException {
    JsonNode root = new ObjectMapper().readTree(truthJson.toFile());
    if (root == null || !root.path("faults").isArray()) {
      throw new IOException(truthJson + ": a truth file needs a list \"faults\"");
    }
    List<Fault> faults = new ArrayList<>();
    for (JsonNode fault : root.path("faults")) {
      faults.add(
          new Fault(
              fault.path("service").asText(),
              fault.path("category").asText(),
              Instant.parse(fault.path("start").asText())));
    }
    return new Truth(root.path("scenario").asText(), root.path("seed").asLong(), faults);
  }

  /** Writes this truth as pretty JSON with ISO-8601 times. */
  public void write(Path truthJson) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("scenario", scenario);
    root.put("seed", seed);
    ArrayNode list = root.putArray("faults");
    for (Fault fault : faults) {
      list.addObject()
          .put("service", fault.service())
          .put("category", fault.category())
          .put("start", fault.start().toString());
    }
    mapper.writerWithDefaultPrettyPrinter().writeValue(truthJson.toFile(), root);
  }
}
