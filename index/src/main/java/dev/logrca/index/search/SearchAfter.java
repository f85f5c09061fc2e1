package dev.logrca.index.search;

import org.apache.lucene.search.FieldDoc;

/**
 * Where a page of hits ended, to ask for the next one ({@code search_after}): the last hit's sort
 * time and its document number. Written as {@code <millis>.<doc>}, opaque to callers.
 *
 * <p>The document number breaks ties between hits with the same time; a merge of index segments
 * between two pages may renumber documents, so only hits sharing the boundary's exact millisecond
 * can then repeat or be skipped.
 */
public record SearchAfter(long time, int doc) {
  /** The cursor as a URL-safe token. */
  public String token() {
    return time + "." + doc;
  }

  /** The cursor a {@link #token()} stands for; throws {@link BadQueryException} when malformed. */
  public static SearchAfter parse(String token) {
    int dot = token == null ? -1 : token.lastIndexOf('.');
    try {
      if (dot > 0) {
        return new SearchAfter(
            Long.parseLong(token.substring(0, dot)), Integer.parseInt(token.substring(dot + 1)));
      }
    } catch (NumberFormatException e) {
      throw malformed(token, e);
    }
    throw malformed(token, null);
  }

  private static BadQueryException malformed(String token, Throwable cause) {
    return new BadQueryException(
        "'" + token + "' is not a page cursor; pass the 'next' value of the previous page", cause);
  }

  FieldDoc fieldDoc() {
    return new FieldDoc(doc, Float.NaN, new Object[] {time});
  }

  static SearchAfter of(FieldDoc last) {
    return new SearchAfter((Long) last.fields[0], last.doc);
  }
}
