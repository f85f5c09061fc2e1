package dev.logrca.index.search;

import dev.logrca.core.model.Level;
import dev.logrca.index.IndexAnalyzers;
import dev.logrca.index.IndexFields;
import dev.logrca.index.search.TimeArguments.TimeSpan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * The classic query parser with the rules of one index: only its fields, times in ISO-8601, levels
 * in any spelling, no term that starts with a wildcard, and {@code NOT x} meaning everything but x.
 * Not thread-safe: one per parse.
 */
final class FieldQueryParser extends QueryParser {
  private final SearchTarget target;
  private final TemplateIds templateIds;

  /** A parser whose {@code templateId:x} finds the events of every id of x's template. */
  FieldQueryParser(SearchTarget target, TemplateIds templateIds) {
    super(target.defaultField(), IndexAnalyzers.create());
    this.target = target;
    this.templateIds = templateIds;
    // people typing "connection refused" mean both words
    setDefaultOperator(AND_OPERATOR);
    // "db-1" or "10.0.0.7" split into words must stay a phrase, not any of its parts; that
    // needs the parser to split on whitespace first, so each term is analysed on its own
    setSplitOnWhitespace(true);
    setAutoGeneratePhraseQueries(true);
    // leading wildcards are rejected below, with a message that says why
    setAllowLeadingWildcard(true);
  }

  @Override
  protected Query getFieldQuery(String field, String text, boolean quoted) throws ParseException {
    checkField(field);
    if (target.isTimeField(field)) {
      TimeSpan span = time(field, text);
      return LongPoint.newRangeQuery(field, span.first(), span.last());
    }
    if (field.equals(IndexFields.LEVEL)) {
      return new TermQuery(new Term(field, level(text).name()));
    }
    if (field.equals(IndexFields.TEMPLATE_ID)) {
      return anyTemplateId(text);
    }
    return super.getFieldQuery(field, text, quoted);
  }

  /** The events of template {@code id} under any id it had: its own and those merged into it. */
  private Query anyTemplateId(String id) {
    List<String> ids;
    try {
      ids = templateIds.sameTemplate(id);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (ids.size() == 1) {
      return new TermQuery(new Term(IndexFields.TEMPLATE_ID, ids.get(0)));
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String same : ids) {
      any.add(new TermQuery(new Term(IndexFields.TEMPLATE_ID, same)), BooleanClause.Occur.SHOULD);
    }
    return any.build();
  }

  /** Every template id whose events belong to the same template as a given one, itself first. */
  @FunctionalInterface
  interface TemplateIds {
    /** Ids as they are, for a parse that cannot read template documents. */
    TemplateIds AS_TYPED = List::of;

    List<String> sameTemplate(String templateId) throws IOException;
  }

  @Override
  protected Query getRangeQuery(
      String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
      throws ParseException {
    checkField(field);
    if (!target.isTimeField(field)) {
      return super.getRangeQuery(field, part1, part2, startInclusive, endInclusive);
    }
    long lower = Long.MIN_VALUE;
    long upper = Long.MAX_VALUE;
    if (part1 != null && !part1.equals("*")) {
      TimeSpan from = time(field, part1);
      lower = startInclusive ? from.first() : from.last() + 1;
    }
    if (part2 != null && !part2.equals("*")) {
      TimeSpan to = time(field, part2);
      upper = endInclusive ? to.last() : to.first() - 1;
    }
    return LongPoint.newRangeQuery(field, lower, upper);
  }

  @Override
  protected Query getWildcardQuery(String field, String termStr) throws ParseException {
    if (field.equals("*") && termStr.equals("*")) {
      return new MatchAllDocsQuery();
    }
    checkPattern(field, termStr, "a wildcard");
    if (termStr.startsWith("*") || termStr.startsWith("?")) {
      throw new BadQueryException(
          "'"
              + termStr
              + "' starts with a wildcard, which would scan every value of "
              + field
              + "; start with at least one character, e.g. "
              + field
              + ":ab*");
    }
    return guarded(() -> super.getWildcardQuery(field, termStr), termStr);
  }

  @Override
  protected Query getPrefixQuery(String field, String termStr) throws ParseException {
    checkPattern(field, termStr, "a prefix");
    return super.getPrefixQuery(field, termStr);
  }

  @Override
  protected Query getFuzzyQuery(String field, String termStr, float minSimilarity)
      throws ParseException {
    checkPattern(field, termStr, "a fuzzy term");
    return super.getFuzzyQuery(field, termStr, minSimilarity);
  }

  @Override
  protected Query getRegexpQuery(String field, String termStr) throws ParseException {
    checkPattern(field, termStr, "a regular expression");
    if (termStr.isEmpty() || !Character.isLetterOrDigit(termStr.charAt(0))) {
      throw new BadQueryException(
          "the regular expression /"
              + termStr
              + "/ must start with a letter or digit; one that does not would scan every value"
              + " of "
              + field);
    }
    return guarded(() -> super.getRegexpQuery(field, termStr), termStr);
  }

  @Override
  protected Query getBooleanQuery(List<BooleanClause> clauses) throws ParseException {
    Query query = super.getBooleanQuery(clauses);
    if (query instanceof BooleanQuery bool && onlyExclusions(bool)) {
      // Lucene matches nothing for a purely negative query; a person means "all but these"
      BooleanQuery.Builder all = new BooleanQuery.Builder();
      all.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
      bool.clauses().forEach(all::add);
      return all.build();
    }
    return query;
  }

  private static boolean onlyExclusions(BooleanQuery bool) {
    return !bool.clauses().isEmpty()
        && bool.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.MUST_NOT);
  }

  private void checkField(String field) {
    if (target.knows(field)) {
      return;
    }
    String hint =
        target.fields().stream()
            .filter(f -> f.equalsIgnoreCase(field))
            .findFirst()
            .map(f -> " (field names are case-sensitive: did you mean '" + f + "'?)")
            .orElse("");
    throw new BadQueryException(
        "unknown field '"
            + field
            + "'"
            + hint
            + "; "
            + target.noun()
            + " fields are: "
            + target.describeFields());
  }

  private void checkPattern(String field, String termStr, String what) {
    checkField(field);
    if (target.isTimeField(field)) {
      throw new BadQueryException(
          field
              + " holds times, so "
              + what
              + " like '"
              + termStr
              + "' does not apply; use a range such as "
              + field
              + ":[2026-11-27T10:00:00Z TO 2026-11-27T10:05:00Z]");
    }
  }

  private static TimeSpan time(String field, String text) {
    return TimeArguments.span(text)
        .orElseThrow(
            () ->
                new BadQueryException(
                    "'"
                        + text
                        + "' is not a time for "
                        + field
                        + "; use an ISO-8601 time such as 2026-11-27T10:00:00Z or a date such as"
                        + " 2026-11-27"));
  }

  private static Level level(String text) {
    Level level = Level.parse(text);
    if (level == Level.UNKNOWN && !text.trim().equalsIgnoreCase(Level.UNKNOWN.name())) {
      throw new BadQueryException(
          "unknown level '"
              + text
              + "'; levels are "
              + String.join(", ", levelNames()).toLowerCase(Locale.ROOT)
              + " (in any case)");
    }
    return level;
  }

  private static List<String> levelNames() {
    return Arrays.stream(Level.values()).map(Level::name).toList();
  }

  /** Builds a pattern query, turning patterns too complex to run into a person's message. */
  private static Query guarded(PatternQuery build, String pattern) throws ParseException {
    try {
      return build.get();
    } catch (TooComplexToDeterminizeException e) {
      throw new BadQueryException("the pattern '" + pattern + "' is too complex to run", e);
    } catch (IllegalArgumentException e) {
      throw new BadQueryException(
          "the pattern '" + pattern + "' is not valid: " + e.getMessage(), e);
    }
  }

  /** Builds a query that the parser may refuse. */
  @FunctionalInterface
  private interface PatternQuery {
    Query get() throws ParseException;
  }
}
