package dev.logrca.index;

import java.util.List;

/**
 * Field names of the event and incident documents, shared by the writers that build them and the
 * searchers that query and read them.
 */
public final class IndexFields {
  private IndexFields() {}

  /** The folder of the event index under the data folder. */
  public static final String EVENTS_FOLDER = "events";

  /** The folder of the incident index under the data folder. */
  public static final String INCIDENTS_FOLDER = "incidents";

  // ---- both kinds of document

  /** The event id or incident id: the term {@code updateDocument} replaces on. */
  public static final String ID = "id";

  // ---- event documents

  /** Event time, epoch millis: a point for ranges, doc values for sorting, stored. */
  public static final String TIMESTAMP = "timestamp";

  /** Stored "true" when the line had no timestamp of its own. */
  public static final String TIMESTAMP_INFERRED = "timestampInferred";

  public static final String SERVICE = "service";
  public static final String HOST = "host";

  /** The level's enum name, upper case; queries match it in any case. */
  public static final String LEVEL = "level";

  public static final String LOGGER = "logger";
  public static final String TEMPLATE_ID = "templateId";
  public static final String TRACE_ID = "traceId";
  public static final String SOURCE = "source";

  /** Line number or partition offset, stored only. */
  public static final String LINE = "line";

  /** The message, analysed and stored; the default field of event queries. */
  public static final String MESSAGE = "message";

  public static final String TEMPLATE = "template";

  /**
   * The line as read, analysed (not stored) for lines kept as raw text: for decoded lines the
   * header adds nothing worth the indexing time.
   */
  public static final String RAW = "raw";

  /**
   * The line as read, stored for every line. A field of its own: Lucene needs one field to be
   * indexed the same way in every document.
   */
  public static final String RAW_STORED = "raw.stored";

  public static final String DECODE_ERROR = "decodeError";

  // ---- template documents, kept in the event index (see TemplateDocuments)

  /** "template" on template documents, absent on events: event searches leave templates out. */
  public static final String KIND = "kind";

  /** Ids merged into a template (multi-valued, exact); a search by one finds the survivor. */
  public static final String RETIRED_IDS = "retiredIds";

  /** When the template got its current text or merge, epoch millis, stored only. */
  public static final String CHANGED_AT = "changedAt";

  /** "true" for lines that could not be decoded and were kept as raw text, else "false". */
  public static final String DECODE_FAILED = "decodeFailed";

  /** Attributes of structured lines are indexed as {@code attr.<name>}. */
  public static final String ATTRIBUTE_PREFIX = "attr.";

  /** At most this many attributes of one line are indexed (the first by name). */
  public static final int MAX_ATTRIBUTES = 32;

  /** Exact-match values longer than this are cut, since Lucene rejects terms over 32 KB. */
  public static final int MAX_KEYWORD_LENGTH = 1024;

  // ---- incident documents

  /** First sign, epoch millis: point, doc values, stored. */
  public static final String START = "start";

  /** Last sign, epoch millis: point, doc values, stored. */
  public static final String END = "end";

  /** Every service involved (multi-valued). */
  public static final String SERVICES = "services";

  /** {@code open} or {@code resolved}; queries match it in any case. */
  public static final String STATUS = "status";

  /** When a resolved incident's quiet period elapsed, epoch millis: point, doc values, stored. */
  public static final String RESOLVED_AT = "resolvedAt";

  /** The service of the best-ranked root cause. */
  public static final String ROOT_SERVICE = "rootService";

  /** The category of the best-ranked root cause. */
  public static final String ROOT_CATEGORY = "rootCategory";

  /** Every root cause's category (multi-valued). */
  public static final String CATEGORIES = "categories";

  /** Every root cause's rule name (multi-valued, exact). */
  public static final String RULES = "rules";

  /** Rules, summaries and evidence messages, analysed: the default field of incident queries. */
  public static final String TEXT = "text";

  /** The incident exactly as {@code IncidentJson.write} prints it, stored only. */
  public static final String JSON = "json";

  /** Fields an event query may name, besides {@code attr.<name>}. */
  public static final List<String> EVENT_QUERY_FIELDS =
      List.of(
          ID,
          TIMESTAMP,
          SERVICE,
          HOST,
          LEVEL,
          LOGGER,
          TEMPLATE_ID,
          TRACE_ID,
          SOURCE,
          MESSAGE,
          TEMPLATE,
          RAW,
          DECODE_ERROR,
          DECODE_FAILED);

  /** Fields an incident query may name. */
  public static final List<String> INCIDENT_QUERY_FIELDS =
      List.of(
          ID,
          START,
          END,
          STATUS,
          RESOLVED_AT,
          SERVICES,
          ROOT_SERVICE,
          ROOT_CATEGORY,
          CATEGORIES,
          RULES,
          TEXT);

  /** Fields analysed into words; every other indexed field matches whole values. */
  public static final List<String> TEXT_FIELDS =
      List.of(MESSAGE, TEMPLATE, RAW, DECODE_ERROR, TEXT);
}
