package dev.logrca.index.search;

import static dev.logrca.index.IndexFields.ATTRIBUTE_PREFIX;
import static dev.logrca.index.IndexFields.END;
import static dev.logrca.index.IndexFields.EVENT_QUERY_FIELDS;
import static dev.logrca.index.IndexFields.INCIDENT_QUERY_FIELDS;
import static dev.logrca.index.IndexFields.MESSAGE;
import static dev.logrca.index.IndexFields.RESOLVED_AT;
import static dev.logrca.index.IndexFields.START;
import static dev.logrca.index.IndexFields.TEXT;
import static dev.logrca.index.IndexFields.TIMESTAMP;

import java.util.List;

/** Which index a search runs on, with the fields its queries may name. */
public enum SearchTarget {
  EVENTS(MESSAGE, TIMESTAMP, EVENT_QUERY_FIELDS, List.of(TIMESTAMP), true),
  INCIDENTS(TEXT, START, INCIDENT_QUERY_FIELDS, List.of(START, END, RESOLVED_AT), false);

  private final String defaultField;
  private final String sortField;
  private final List<String> fields;
  private final List<String> timeFields;
  private final boolean hasAttributes;

  SearchTarget(
      String defaultField,
      String sortField,
      List<String> fields,
      List<String> timeFields,
      boolean hasAttributes) {
    this.defaultField = defaultField;
    this.sortField = sortField;
    this.fields = fields;
    this.timeFields = timeFields;
    this.hasAttributes = hasAttributes;
  }

  /** The field that words without a field name search. */
  public String defaultField() {
    return defaultField;
  }

  /** The time field results are sorted on, newest first. */
  public String sortField() {
    return sortField;
  }

  /** The field names a query may use (events also accept {@code attr.<name>}). */
  public List<String> fields() {
    return fields;
  }

  /** True when a query may name {@code field}; names are case-sensitive. */
  public boolean knows(String field) {
    return fields.contains(field)
        || (hasAttributes
            && field.startsWith(ATTRIBUTE_PREFIX)
            && field.length() > ATTRIBUTE_PREFIX.length());
  }

  /** True for fields holding epoch millis, which queries give as ISO-8601 times. */
  public boolean isTimeField(String field) {
    return timeFields.contains(field);
  }

  /** The valid field names as a person reads them. */
  public String describeFields() {
    return String.join(", ", fields) + (hasAttributes ? ", " + ATTRIBUTE_PREFIX + "<name>" : "");
  }

  /** "event" or "incident". */
  public String noun() {
    return this == EVENTS ? "event" : "incident";
  }
}
