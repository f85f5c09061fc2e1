package dev.logrca.core.decode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A piece of a long line in Docker's json-file format, {@code
 * {"log":"...","stream":"stdout","time":"..."}}: Docker ends a whole line's {@code log} with its
 * {@code \n} and splits a longer line (16 KiB pieces) into entries whose {@code log} lacks it.
 *
 * @param entry the parsed entry
 * @param stream its {@code stream}
 * @param log its {@code log}
 */
record DockerJsonPart(ObjectNode entry, String stream, String log) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The line as a piece that the next entry continues, or null for anything else. */
  static DockerJsonPart unterminated(String line) {
    // Docker writes "log" first; a whole line's log ends with an escaped newline before "stream"
    if (!line.startsWith("{\"log\":\"") || line.contains("\\n\",\"stream\":")) {
      return null;
    }
    DockerJsonPart part = parse(line);
    return part == null || part.log.endsWith("\n") ? null : part;
  }

  /** The line as a Docker entry of either kind, or null when it is not one. */
  static DockerJsonPart parse(String line) {
    if (!line.startsWith("{\"log\":")) {
      return null;
    }
    JsonNode tree;
    try {
      tree = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      return null; // not a Docker entry after all: the decoder reports it as malformed JSON
    }
    if (!(tree instanceof ObjectNode entry)
        || !entry.path("log").isTextual()
        || !entry.path("stream").isTextual()) {
      return null;
    }
    return new DockerJsonPart(entry, entry.get("stream").asText(), entry.get("log").asText());
  }

  /** True when this piece's line ends here. */
  boolean ends() {
    return log.endsWith("\n");
  }

  /** The first piece's entry with the whole line as its {@code log}. */
  String withLog(String joinedLog) {
    ObjectNode copy = entry.deepCopy();
    copy.put("log", joinedLog);
    return copy.toString();
  }
}
