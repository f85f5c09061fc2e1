package dev.logrca.index;

import static dev.logrca.index.IndexFields.CHANGED_AT;
import static dev.logrca.index.IndexFields.ID;
import static dev.logrca.index.IndexFields.KIND;
import static dev.logrca.index.IndexFields.RETIRED_IDS;
import static dev.logrca.index.IndexFields.SERVICE;
import static dev.logrca.index.IndexFields.TEMPLATE;
import static dev.logrca.index.IndexFields.TEMPLATE_ID;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The one place that turns a {@link TemplateEntry} into a template document of the event index and
 * back. Template documents carry {@code kind:template}, which event searches leave out.
 */
public final class TemplateDocuments {
  /** The value of {@link IndexFields#KIND} on template documents; events carry no kind. */
  public static final String KIND_TEMPLATE = "template";

  private TemplateDocuments() {}

  /** The document id of template {@code templateId}, apart from every event id. */
  public static Term idTerm(String templateId) {
    return new Term(ID, KIND_TEMPLATE + "/" + templateId);
  }

  /** Matches every template document. */
  public static Query all() {
    return new TermQuery(new Term(KIND, KIND_TEMPLATE));
  }

  public static Document toDocument(TemplateEntry entry) {
    Document doc = new Document();
    doc.add(new StringField(ID, idTerm(entry.templateId()).text(), Field.Store.NO));
    doc.add(new StringField(KIND, KIND_TEMPLATE, Field.Store.NO));
    doc.add(new StringField(SERVICE, entry.service(), Field.Store.YES));
    doc.add(new StringField(TEMPLATE_ID, entry.templateId(), Field.Store.YES));
    doc.add(new TextField(TEMPLATE, entry.text(), Field.Store.YES));
    for (String retired : entry.retiredIds()) {
      doc.add(new StringField(RETIRED_IDS, retired, Field.Store.YES));
    }
    doc.add(new StoredField(CHANGED_AT, entry.changedAt()));
    return doc;
  }

  public static TemplateEntry toEntry(Document doc) {
    List<String> retired = new ArrayList<>();
    for (IndexableField f : doc.getFields(RETIRED_IDS)) {
      retired.add(f.stringValue());
    }
    IndexableField changedAt = doc.getField(CHANGED_AT);
    return new TemplateEntry(
        doc.get(SERVICE),
        doc.get(TEMPLATE_ID),
        doc.get(TEMPLATE),
        retired,
        changedAt == null ? 0L : changedAt.numericValue().longValue());
  }
}
