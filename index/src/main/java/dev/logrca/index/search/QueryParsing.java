package dev.logrca.index.search;

import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParserConstants;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

/**
 * Turns what a person typed (Lucene classic syntax) into a query on one index, within limits, or a
 * {@link BadQueryException} that says what is wrong in words. {@code *} or blank matches all.
 */
public final class QueryParsing {
  /** The longest query accepted, in characters. */
  public static final int MAX_QUERY_LENGTH = 4096;

  /** The most terms and other leaf clauses one query may hold. */
  public static final int MAX_CLAUSES = 256;

  private QueryParsing() {}

  /** The query {@code text} on {@code target}; throws {@link BadQueryException} when it is bad. */
  public static Query parse(SearchTarget target, String text) {
    return parse(target, text, FieldQueryParser.TemplateIds.AS_TYPED);
  }

  /** As {@link #parse(SearchTarget, String)}, with {@code templateId:x} covering x's merged ids. */
  static Query parse(SearchTarget target, String text, FieldQueryParser.TemplateIds templateIds) {
    String q = text == null ? "" : text.trim();
    if (q.isEmpty() || q.equals("*") || q.equals("*:*")) {
      return new MatchAllDocsQuery();
    }
    if (q.length() > MAX_QUERY_LENGTH) {
      throw new BadQueryException(
          "the query is " + q.length() + " characters long; the limit is " + MAX_QUERY_LENGTH);
    }
    Query query;
    try {
      query = new FieldQueryParser(target, templateIds).parse(q);
    } catch (ParseException e) {
      throw explain(e);
    }
    int clauses = ClauseCounter.count(query);
    if (clauses > MAX_CLAUSES) {
      throw new BadQueryException(
          "the query has " + clauses + " terms; the limit is " + MAX_CLAUSES);
    }
    return query;
  }

  /** The parser's own message names grammar tokens; say instead where and what went wrong. */
  private static BadQueryException explain(ParseException e) {
    Throwable cause = e.getCause();
    if (cause instanceof IndexSearcher.TooManyClauses) {
      return new BadQueryException("the query has too many terms; the limit is " + MAX_CLAUSES, e);
    }
    if (cause instanceof TokenMgrError) {
      return new BadQueryException(
          "the query has an unclosed quote or ends with a backslash (" + lexicalWhere(cause) + ")",
          e);
    }
    if (cause instanceof ParseException grammar && grammar.currentToken != null) {
      Token next = grammar.currentToken.next;
      if (next == null || next.kind == QueryParserConstants.EOF) {
        return new BadQueryException(
            "the query ends too early: an AND, OR, NOT, field name, bracket or range is missing"
                + " what follows it",
            e);
      }
      return new BadQueryException(
          "unexpected '"
              + next.image
              + "' at column "
              + (next.beginColumn + 1) // the parser counts columns from 0
              + " of the query"
              + hintFor(next),
          e);
    }
    return new BadQueryException("cannot read the query: " + e.getMessage(), e);
  }

  private static String hintFor(Token token) {
    switch (token.kind) {
      case QueryParserConstants.RPAREN:
        return "; a ')' has no '(' before it";
      case QueryParserConstants.COLON:
        return "; a value containing ':' must be quoted, e.g. host:\"db-1:5432\"";
      case QueryParserConstants.AND:
      case QueryParserConstants.OR:
        return "; AND and OR go between two terms";
      default:
        return "; special characters + - ! ( ) { } [ ] ^ \" ~ * ? : \\ / need a backslash before"
            + " them or quotes around the value";
    }
  }

  private static String lexicalWhere(Throwable lexical) {
    String message = lexical.getMessage();
    int at = message == null ? -1 : message.indexOf("column");
    if (at < 0) {
      return "near the end";
    }
    int end = message.indexOf('.', at);
    return "at " + message.substring(at, end < 0 ? message.length() : end);
  }
}
