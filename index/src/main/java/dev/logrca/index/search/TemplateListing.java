package dev.logrca.index.search;

import dev.logrca.index.IndexFields;
import dev.logrca.index.TemplateDocuments;
import dev.logrca.index.TemplateEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * One line of {@code logrca search --templates}: a template as the event index keeps it and how
 * many indexed events belong to it under any of its ids, counted when listed.
 */
public record TemplateListing(TemplateEntry template, long events) {
  /** Template documents read at most, so that a runaway miner cannot exhaust memory here. */
  static final int MAX_TEMPLATES = 100_000;

  /** The templates of {@code service} (all when null), most events first, at most {@code limit}. */
  static List<TemplateListing> read(IndexSearcher searcher, String service, int limit)
      throws IOException {
    BooleanQuery.Builder query =
        new BooleanQuery.Builder().add(TemplateDocuments.all(), Occur.FILTER);
    if (service != null) {
      query.add(new TermQuery(new Term(IndexFields.SERVICE, service)), Occur.FILTER);
    }
    StoredFields stored = searcher.storedFields();
    List<TemplateListing> listings = new ArrayList<>();
    for (ScoreDoc hit : searcher.search(query.build(), MAX_TEMPLATES).scoreDocs) {
      TemplateEntry template = TemplateDocuments.toEntry(stored.document(hit.doc));
      listings.add(new TemplateListing(template, searcher.count(eventsOf(template))));
    }
    listings.sort(
        Comparator.comparingLong(TemplateListing::events)
            .reversed()
            .thenComparing(l -> l.template().templateId()));
    return List.copyOf(listings.subList(0, Math.min(limit, listings.size())));
  }

  private static Query eventsOf(TemplateEntry template) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    any.add(new TermQuery(new Term(IndexFields.TEMPLATE_ID, template.templateId())), Occur.SHOULD);
    for (String retired : template.retiredIds()) {
      any.add(new TermQuery(new Term(IndexFields.TEMPLATE_ID, retired)), Occur.SHOULD);
    }
    return new BooleanQuery.Builder()
        .add(any.build(), Occur.MUST)
        .add(TemplateDocuments.all(), Occur.MUST_NOT)
        .build();
  }
}
