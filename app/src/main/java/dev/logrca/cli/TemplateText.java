package dev.logrca.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logrca.index.TemplateEntry;
import dev.logrca.index.search.TemplateListing;
import java.util.Locale;

/** A line of {@code logrca search --templates}, for a person or as JSON. */
final class TemplateText {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private TemplateText() {}

  /** {@code payment:7 1234 Charged <*> for order <*> (also payment:9)}. */
  static String line(TemplateListing listing) {
    TemplateEntry t = listing.template();
    String line =
        String.format(Locale.ROOT, "%-16s %8d  %s", t.templateId(), listing.events(), t.text());
    return t.retiredIds().isEmpty()
        ? line
        : line + "  (also " + String.join(", ", t.retiredIds()) + ")";
  }

  static String json(TemplateListing listing) {
    TemplateEntry t = listing.template();
    ObjectNode node = MAPPER.createObjectNode();
    node.put("templateId", t.templateId());
    node.put("service", t.service());
    node.put("events", listing.events());
    node.put("template", t.text());
    t.retiredIds().forEach(node.putArray("retiredIds")::add);
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a template tree always serialises", e);
    }
  }
}
