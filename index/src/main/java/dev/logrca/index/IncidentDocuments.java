package dev.logrca.index;

import static dev.logrca.index.IndexFields.CATEGORIES;
import static dev.logrca.index.IndexFields.END;
import static dev.logrca.index.IndexFields.ID;
import static dev.logrca.index.IndexFields.JSON;
import static dev.logrca.index.IndexFields.MAX_KEYWORD_LENGTH;
import static dev.logrca.index.IndexFields.RESOLVED_AT;
import static dev.logrca.index.IndexFields.ROOT_CATEGORY;
import static dev.logrca.index.IndexFields.ROOT_SERVICE;
import static dev.logrca.index.IndexFields.RULES;
import static dev.logrca.index.IndexFields.SERVICES;
import static dev.logrca.index.IndexFields.START;
import static dev.logrca.index.IndexFields.STATUS;
import static dev.logrca.index.IndexFields.TEXT;

import dev.logrca.core.model.Evidence;
import dev.logrca.core.model.Incident;
import dev.logrca.core.model.IncidentJson;
import dev.logrca.core.model.RootCause;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;

/**
 * The one place that turns an {@link Incident} into an incident document and back. The document
 * stores the incident's {@link IncidentJson} line, so a search prints exactly what analyze did.
 */
public final class IncidentDocuments {
  private IncidentDocuments() {}

  /** The document of {@code incident}. */
  public static Document toDocument(Incident incident) {
    Document doc = new Document();
    doc.add(new StringField(ID, incident.id(), Field.Store.YES));
    addTime(doc, START, incident.start());
    addTime(doc, END, incident.end());
    doc.add(new StringField(STATUS, incident.status().id(), Field.Store.NO));
    if (incident.resolvedAt() != null) {
      addTime(doc, RESOLVED_AT, incident.resolvedAt());
    }
    for (String service : new LinkedHashSet<>(incident.services())) {
      doc.add(new StringField(SERVICES, service, Field.Store.NO));
    }
    if (!incident.rootCauses().isEmpty()) {
      RootCause top = incident.rootCauses().get(0);
      addKeyword(doc, ROOT_SERVICE, top.service());
      addKeyword(doc, ROOT_CATEGORY, top.category());
    }
    Set<String> categories = new LinkedHashSet<>();
    Set<String> rules = new LinkedHashSet<>();
    Set<String> messages = new LinkedHashSet<>();
    for (RootCause cause : incident.rootCauses()) {
      if (cause.category() != null) {
        categories.add(cause.category());
      }
      if (cause.rule() != null) {
        rules.add(cause.rule());
        doc.add(new TextField(TEXT, cause.rule(), Field.Store.NO));
      }
      if (cause.summary() != null) {
        doc.add(new TextField(TEXT, cause.summary(), Field.Store.NO));
      }
      cause.evidence().stream().map(Evidence::message).forEach(messages::add);
    }
    categories.forEach(c -> addKeyword(doc, CATEGORIES, c));
    rules.forEach(r -> addKeyword(doc, RULES, r));
    messages.stream()
        .filter(m -> m != null)
        .forEach(m -> doc.add(new TextField(TEXT, m, Field.Store.NO)));
    doc.add(new StoredField(JSON, IncidentJson.write(incident)));
    return doc;
  }

  /** The incident stored in {@code doc}. */
  public static Incident toIncident(Document doc) {
    return IncidentJson.read(doc.get(JSON));
  }

  /** The stored JSON line of {@code doc}, as {@code IncidentJson.write} printed it. */
  public static String json(Document doc) {
    return doc.get(JSON);
  }

  private static void addTime(Document doc, String field, long millis) {
    doc.add(new LongPoint(field, millis));
    doc.add(new StoredField(field, millis));
    doc.add(new NumericDocValuesField(field, millis));
  }

  private static void addKeyword(Document doc, String field, String value) {
    if (value != null) {
      String cut =
          value.length() <= MAX_KEYWORD_LENGTH ? value : value.substring(0, MAX_KEYWORD_LENGTH);
      doc.add(new StringField(field, cut, Field.Store.NO));
    }
  }
}
