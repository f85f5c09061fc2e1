package dev.logrca.index.search;

import dev.logrca.core.model.LogEvent;
import dev.logrca.index.IndexFields;
import dev.logrca.index.TemplateDocuments;
import dev.logrca.index.TemplateEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Reads the template documents of the event index on one searcher: the template an id stands for
 * now (a retired id leads to its survivor), and events shown with their template's current text.
 * What it has read stays right for as long as its searcher's reader, so requests on the same reader
 * share one lookup ({@link #on}); safe to use from several threads.
 */
final class TemplateLookup {
  private final IndexSearcher searcher;
  private final Map<String, Optional<TemplateEntry>> seen = new ConcurrentHashMap<>();

  TemplateLookup(IndexSearcher searcher) {
    this.searcher = searcher;
  }

  /**
   * The lookup on {@code searcher}: {@code last} when it was made on the same reader (a page of 50
   * events would otherwise look up dozens of template documents again on every request), else a new
   * one.
   */
  static TemplateLookup on(IndexSearcher searcher, TemplateLookup last) {
    if (last != null && last.searcher.getIndexReader() == searcher.getIndexReader()) {
      return last;
    }
    return new TemplateLookup(searcher);
  }

  /** The template {@code templateId} stands for now: its own or its survivor's document. */
  Optional<TemplateEntry> current(String templateId) throws IOException {
    Optional<TemplateEntry> known = seen.get(templateId);
    if (known == null) {
      known = find(templateId);
      seen.put(templateId, known);
    }
    return known;
  }

  /**
   * Every id whose events belong to the template {@code templateId} stands for: the survivor and
   * the ids merged into it; just {@code templateId} when the index keeps no template document.
   */
  List<String> sameTemplate(String templateId) throws IOException {
    Optional<TemplateEntry> template = current(templateId);
    if (template.isEmpty()) {
      return List.of(templateId);
    }
    List<String> ids = new ArrayList<>();
    ids.add(template.get().templateId());
    ids.addAll(template.get().retiredIds());
    return ids;
  }

  /** {@code event} under its template's current id and text, when the index knows them. */
  LogEvent withCurrentTemplate(LogEvent event) throws IOException {
    if (event.templateId() == null) {
      return event;
    }
    Optional<TemplateEntry> template = current(event.templateId());
    if (template.isEmpty()) {
      return event;
    }
    return new LogEvent(
        event.record(),
        template.get().templateId(),
        template.get().text(),
        event.parameters(),
        event.newTemplate());
  }

  private Optional<TemplateEntry> find(String templateId) throws IOException {
    Query byId =
        new BooleanQuery.Builder()
            .add(TemplateDocuments.all(), Occur.FILTER)
            .add(new TermQuery(new Term(IndexFields.TEMPLATE_ID, templateId)), Occur.SHOULD)
            .add(new TermQuery(new Term(IndexFields.RETIRED_IDS, templateId)), Occur.SHOULD)
            .setMinimumNumberShouldMatch(1)
            .build();
    TopDocs top = searcher.search(byId, 1);
    if (top.scoreDocs.length == 0) {
      return Optional.empty();
    }
    return Optional.of(
        TemplateDocuments.toEntry(searcher.storedFields().document(top.scoreDocs[0].doc)));
  }
}
