package dev.logrca.index.search;

import dev.logrca.index.EventDocuments;
import dev.logrca.index.EventIndex;
import dev.logrca.index.EventShards;
import dev.logrca.index.IncidentDocuments;
import dev.logrca.index.IncidentIndex;
import dev.logrca.index.IndexFields;
import dev.logrca.index.TemplateDocuments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.IOUtils;

/**
 * Searches the event and incident indices of a data folder, newest first. Safe to share between
 * threads and to keep open while a job writes: each search sees the latest commit.
 */
public final class Searcher implements AutoCloseable {
  private final TargetIndex events;
  private final TargetIndex incidents;
  private final SegmentCountCache histogramCounts =
      new SegmentCountCache(SegmentCountCache.DEFAULT_BUDGET);

  /** The template lookup on the event index's latest reader, shared by the requests on it. */
  private volatile TemplateLookup templateLookup;

  private Searcher(TargetIndex events, TargetIndex incidents) {
    this.events = events;
    this.incidents = incidents;
  }

  /**
   * A searcher over {@code <dataDir>/events} (every shard, or the single folder an earlier release
   * wrote) and {@code <dataDir>/incidents}. Either index, and any shard, may appear later;
   * searching one that does not exist yet throws {@link
   * org.apache.lucene.index.IndexNotFoundException}.
   */
  public static Searcher open(Path dataDir) throws IOException {
    if (!Files.isDirectory(dataDir)) {
      throw new NoSuchFileException(dataDir.toString(), null, "no data folder");
    }
    Path incidentFolder = IncidentIndex.folderIn(dataDir);
    return new Searcher(
        TargetIndex.inFolders(
            "event", EventIndex.folderIn(dataDir), () -> EventShards.folders(dataDir)),
        TargetIndex.inFolders(
            "incident",
            incidentFolder,
            () -> Files.isDirectory(incidentFolder) ? List.of(incidentFolder) : List.of()));
  }

  /** A searcher over two directories, which the caller closes after the searcher. */
  public static Searcher open(Directory events, Directory incidents) {
    return open(List.of(events), incidents);
  }

  /**
   * A searcher over the event index's shards in {@code eventShards} read together and the incident
   * index in {@code incidents}; the caller closes the directories after the searcher.
   */
  public static Searcher open(List<Directory> eventShards, Directory incidents) {
    return new Searcher(
        TargetIndex.inDirectories("event", eventShards),
        TargetIndex.inDirectories("incident", List.of(incidents)));
  }

  /** Runs {@code request}; throws {@link BadQueryException} for a query that cannot run. */
  public SearchResult search(SearchRequest request) throws IOException {
    SearchPage page = page(request, null, null, Integer.MAX_VALUE);
    return new SearchResult(page.totalHits(), page.hits());
  }

  /**
   * The page of {@code request}'s hits after {@code after} (the first page when null), within
   * {@code budget} (none when null): a query that runs longer throws {@link QueryTooSlowException}.
   */
  public SearchPage page(SearchRequest request, SearchAfter after, Duration budget)
      throws IOException {
    return page(request, after, budget, SearchPage.COUNT_LIMIT);
  }

  private SearchPage page(SearchRequest request, SearchAfter after, Duration budget, int countLimit)
      throws IOException {
    SearchTarget target = request.target();
    if (target == SearchTarget.INCIDENTS) {
      Query query = withTimeWindow(request, QueryParsing.parse(target, request.query()));
      return incidents.search(
          shared ->
              TimeBudget.run(
                  shared,
                  budget,
                  searcher -> run(query, request, after, searcher, null, countLimit)));
    }
    return events.search(
        shared ->
            TimeBudget.run(
                shared,
                budget,
                searcher -> {
                  // template ids in the query and in the hits are read as their templates stand now
                  TemplateLookup templates = templatesOn(shared);
                  Query query = eventQuery(request, templates);
                  return run(query, request, after, searcher, templates, countLimit);
                }));
  }

  /**
   * Counts of the events matching {@code request} per time bucket, split by a field when it asks,
   * within {@code budget} (none when null).
   */
  public Histogram histogram(HistogramRequest request, Duration budget) throws IOException {
    // the window is the counter's to apply, so that whole buckets can come from its cache
    SearchRequest search = new SearchRequest(SearchTarget.EVENTS, request.query(), null, null, 1);
    return events.search(
        shared ->
            TimeBudget.run(
                shared,
                budget,
                searcher -> {
                  TemplateLookup templates = templatesOn(shared);
                  Query query = eventQuery(search, templates);
                  return HistogramCounter.count(
                      searcher, query, request, templates, histogramCounts);
                }));
  }

  /**
   * The template lookup on {@code shared}, the searcher of the event index's reader (not its
   * budgeted wrapper: template look-ups are single-term searches on a few documents).
   */
  private TemplateLookup templatesOn(IndexSearcher shared) {
    TemplateLookup lookup = TemplateLookup.on(shared, templateLookup);
    templateLookup = lookup;
    return lookup;
  }

  /**
   * The event at {@code timestamp} in {@code service} with up to {@code lines} events of that
   * service on each side, as a person reads evidence in its context.
   */
  public EventContext context(String service, long timestamp, String eventId, int lines)
      throws IOException {
    return events.search(
        searcher ->
            EventContext.read(
                searcher, service, timestamp, eventId, lines, TemplateDocuments.all()));
  }

  /**
   * The versions of the event and incident index commits that searches read now, -1 for an index
   * not written yet: an answer computed at the same versions is the same answer.
   */
  public long[] versions() throws IOException {
    return new long[] {events.version(), incidents.version()};
  }

  /** Documents in the event index (events and templates) and in the incident index, or -1. */
  public long[] documentCounts() throws IOException {
    return new long[] {documents(events), documents(incidents)};
  }

  private static long documents(TargetIndex index) throws IOException {
    try {
      return index.search(searcher -> (long) searcher.getIndexReader().numDocs());
    } catch (IndexNotFoundException e) {
      return -1;
    }
  }

  private static Query eventQuery(SearchRequest request, TemplateLookup templates)
      throws IOException {
    Query query;
    try {
      query = QueryParsing.parse(request.target(), request.query(), templates::sameTemplate);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return new BooleanQuery.Builder()
        .add(withTimeWindow(request, query), Occur.MUST)
        .add(TemplateDocuments.all(), Occur.MUST_NOT)
        .build();
  }

  /**
   * The templates of {@code service} (every service when null) as the event index keeps them, with
   * their event counts, most frequent first; throws {@link
   * org.apache.lucene.index.IndexNotFoundException} when there is no event index yet.
   */
  public List<TemplateListing> templates(String service, int limit) throws IOException {
    return events.search(searcher -> TemplateListing.read(searcher, service, limit));
  }

  private static SearchPage run(
      Query query,
      SearchRequest request,
      SearchAfter after,
      IndexSearcher searcher,
      TemplateLookup templates,
      int countLimit)
      throws IOException {
    Sort newestFirst =
        new Sort(new SortField(request.target().sortField(), SortField.Type.LONG, true));
    // counting stops at the limit, which lets the sort skip documents that cannot make the page
    TopDocs top =
        searcher.search(
            query,
            new TopFieldCollectorManager(
                newestFirst, request.limit(), after == null ? null : after.fieldDoc(), countLimit));
    boolean exact = top.totalHits.relation == TotalHits.Relation.EQUAL_TO;
    ScoreDoc[] docs = top.scoreDocs;
    SearchAfter next =
        docs.length == request.limit() ? SearchAfter.of((FieldDoc) docs[docs.length - 1]) : null;
    return new SearchPage(top.totalHits.value, exact, hits(searcher, top, templates), next);
  }

  /**
   * The incident with exactly this id, if the index holds one; throws {@link
   * org.apache.lucene.index.IndexNotFoundException} when there is no incident index yet.
   */
  public Optional<IncidentHit> incident(String id) throws IOException {
    return incidents.search(
        searcher -> {
          TopDocs top = searcher.search(new TermQuery(new Term(IndexFields.ID, id)), 1);
          if (top.scoreDocs.length == 0) {
            return Optional.empty();
          }
          Document doc = searcher.storedFields().document(top.scoreDocs[0].doc);
          return Optional.of(
              new IncidentHit(IncidentDocuments.toIncident(doc), IncidentDocuments.json(doc)));
        });
  }

  /** Event hits when {@code templates} is given, else incident hits. */
  private static List<Hit> hits(IndexSearcher searcher, TopDocs top, TemplateLookup templates)
      throws IOException {
    StoredFields stored = searcher.storedFields();
    List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc scoreDoc : top.scoreDocs) {
      Document doc = stored.document(scoreDoc.doc);
      hits.add(
          templates != null
              ? new EventHit(templates.withCurrentTemplate(EventDocuments.toEvent(doc)))
              : new IncidentHit(IncidentDocuments.toIncident(doc), IncidentDocuments.json(doc)));
    }
    return hits;
  }

  /** Events inside the window; incidents that overlap it (began by until, still open at since). */
  private static Query withTimeWindow(SearchRequest request, Query query) {
    if (request.since() == null && request.until() == null) {
      return query;
    }
    long since = request.since() == null ? Long.MIN_VALUE : request.since();
    long until = request.until() == null ? Long.MAX_VALUE : request.until();
    if (request.target() == SearchTarget.EVENTS) {
      return TimeWindows.events(query, since, until);
    }
    return new BooleanQuery.Builder()
        .add(query, Occur.MUST)
        .add(LongPoint.newRangeQuery(IndexFields.START, Long.MIN_VALUE, until), Occur.FILTER)
        .add(LongPoint.newRangeQuery(IndexFields.END, since, Long.MAX_VALUE), Occur.FILTER)
        .build();
  }

  @Override
  public void close() throws IOException {
    IOUtils.close(events, incidents);
  }
}
