package dev.logrca.rules.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.logrca.rules.check.FactModel;

/**
 * The root cause a scenario must end with: the top cause's service and category, and optionally a
 * rule that must have concluded it.
 *
 * @param service the service at fault
 * @param category one of the categories of docs/categories.md
 * @param rule the name of a rule that concluded that cause, or null for any
 */
public record Expectation(
    @JsonProperty(required = true) String service,
    @JsonProperty(required = true) String category,
    String rule) {

  public Expectation {
    if (service == null || service.isBlank()) {
      throw new IllegalArgumentException("expect needs a service");
    }
    if (!FactModel.categories().contains(category)) {
      throw new IllegalArgumentException(
          "unknown category \""
              + category
              + "\" (one of "
              + String.join(", ", FactModel.categories())
              + ")");
    }
  }

  @Override
  public String toString() {
    return service + " " + category + (rule == null ? "" : " by \"" + rule + "\"");
  }
}
