package dev.logrca.index;

import static dev.logrca.index.IndexFields.ATTRIBUTE_PREFIX;
import static dev.logrca.index.IndexFields.DECODE_ERROR;
import static dev.logrca.index.IndexFields.DECODE_FAILED;
import static dev.logrca.index.IndexFields.HOST;
import static dev.logrca.index.IndexFields.ID;
import static dev.logrca.index.IndexFields.LEVEL;
import static dev.logrca.index.IndexFields.LINE;
import static dev.logrca.index.IndexFields.LOGGER;
import static dev.logrca.index.IndexFields.MAX_ATTRIBUTES;
import static dev.logrca.index.IndexFields.MAX_KEYWORD_LENGTH;
import static dev.logrca.index.IndexFields.MESSAGE;
import static dev.logrca.index.IndexFields.RAW;
import static dev.logrca.index.IndexFields.RAW_STORED;
import static dev.logrca.index.IndexFields.SERVICE;
import static dev.logrca.index.IndexFields.SOURCE;
import static dev.logrca.index.IndexFields.TEMPLATE;
import static dev.logrca.index.IndexFields.TEMPLATE_ID;
import static dev.logrca.index.IndexFields.TIMESTAMP;
import static dev.logrca.index.IndexFields.TIMESTAMP_INFERRED;
import static dev.logrca.index.IndexFields.TRACE_ID;

import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.LogRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;

/**
 * The one place that turns a {@link LogEvent} into an event document and back. An instance reuses
 * its field objects from one document to the next, so it serves one writing thread.
 */
public final class EventDocuments {
  private final StringField id = keyword(ID);
  private final LongPoint timestampPoint = new LongPoint(TIMESTAMP, 0L);
  private final StoredField timestampStored = new StoredField(TIMESTAMP, 0L);
  private final NumericDocValuesField timestampSort = new NumericDocValuesField(TIMESTAMP, 0L);
  private final StoredField timestampInferred = new StoredField(TIMESTAMP_INFERRED, "true");
  private final StringField service = keyword(SERVICE);
  private final StringField host = keyword(HOST);
  private final StringField level = keyword(LEVEL);
  private final StringField logger = keyword(LOGGER);
  private final StringField templateId = keyword(TEMPLATE_ID);
  private final StringField traceId = keyword(TRACE_ID);
  private final StringField source = keyword(SOURCE);
  private final StoredField line = new StoredField(LINE, 0L);
  private final TextField message = new TextField(MESSAGE, "", Field.Store.YES);
  private final TextField template = new TextField(TEMPLATE, "", Field.Store.YES);
  private final StoredField rawStored = new StoredField(RAW_STORED, "");
  private final TextField rawText = new TextField(RAW, "", Field.Store.NO);
  private final TextField decodeError = new TextField(DECODE_ERROR, "", Field.Store.YES);
  private final StringField decodeFailed = new StringField(DECODE_FAILED, "", Field.Store.NO);

  /** The document of {@code event}; valid until the next call on this instance. */
  public Document toDocument(LogEvent event) {
    LogRecord r = event.record();
    Document doc = new Document();
    add(doc, id, r.eventId());
    timestampPoint.setLongValue(r.timestamp());
    timestampStored.setLongValue(r.timestamp());
    timestampSort.setLongValue(r.timestamp());
    doc.add(timestampPoint);
    doc.add(timestampStored);
    doc.add(timestampSort);
    if (r.timestampInferred()) {
      doc.add(timestampInferred);
    }
    add(doc, service, r.service());
    add(doc, host, r.host());
    add(doc, level, r.level().name());
    add(doc, logger, r.logger());
    add(doc, templateId, event.templateId());
    add(doc, traceId, r.traceId());
    add(doc, source, r.source());
    line.setLongValue(r.line());
    doc.add(line);
    add(doc, message, r.message());
    add(doc, template, event.template());
    addRaw(doc, r);
    add(doc, decodeError, r.decodeError());
    decodeFailed.setStringValue(Boolean.toString(r.decodeError() != null));
    doc.add(decodeFailed);
    addAttributes(doc, r.attributes());
    return doc;
  }

  /**
   * The event stored in {@code doc}. The template's parameters are not stored, so they come back
   * empty, and {@code newTemplate} comes back false.
   */
  public static LogEvent toEvent(Document doc) {
    Map<String, String> attributes = new HashMap<>();
    for (IndexableField f : doc.getFields()) {
      if (f.name().startsWith(ATTRIBUTE_PREFIX)) {
        attributes.put(f.name().substring(ATTRIBUTE_PREFIX.length()), f.stringValue());
      }
    }
    LogRecord record =
        new LogRecord(
            doc.get(ID),
            doc.get(SOURCE),
            longValue(doc, LINE),
            longValue(doc, TIMESTAMP),
            doc.get(TIMESTAMP_INFERRED) != null,
            doc.get(SERVICE),
            doc.get(HOST),
            Level.valueOf(doc.get(LEVEL)),
            doc.get(LOGGER),
            doc.get(TRACE_ID),
            doc.get(MESSAGE),
            doc.get(RAW_STORED),
            attributes,
            doc.get(DECODE_ERROR));
    return new LogEvent(record, doc.get(TEMPLATE_ID), doc.get(TEMPLATE), List.of(), false);
  }

  /**
   * The raw line is stored always, but analysed only for lines kept as raw text whose message
   * differs from it: for decoded lines the header adds nothing worth the indexing time.
   */
  private void addRaw(Document doc, LogRecord r) {
    if (r.raw() == null) {
      return;
    }
    add(doc, rawStored, r.raw());
    if (r.decodeError() != null && !r.raw().equals(r.message())) {
      add(doc, rawText, r.raw());
    }
  }

  private static void addAttributes(Document doc, Map<String, String> attributes) {
    if (attributes.isEmpty()) {
      return;
    }
    // sorted so that the same line always keeps the same attributes when there are too many
    int added = 0;
    for (Map.Entry<String, String> a : new TreeMap<>(attributes).entrySet()) {
      if (added == MAX_ATTRIBUTES) {
        break;
      }
      if (a.getValue() != null) {
        doc.add(new StringField(ATTRIBUTE_PREFIX + a.getKey(), cut(a.getValue()), Field.Store.YES));
        added++;
      }
    }
  }

  private static void add(Document doc, Field field, String value) {
    if (value != null) {
      field.setStringValue(field instanceof StringField ? cut(value) : value);
      doc.add(field);
    }
  }

  private static String cut(String value) {
    return value.length() <= MAX_KEYWORD_LENGTH ? value : value.substring(0, MAX_KEYWORD_LENGTH);
  }

  private static StringField keyword(String name) {
    return new StringField(name, "", Field.Store.YES);
  }

  private static long longValue(Document doc, String field) {
    IndexableField f = doc.getField(field);
    return f == null || f.numericValue() == null ? 0L : f.numericValue().longValue();
  }
}
