package dev.logrca.index.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

class QueryParsingTest {

  private static Query events(String q) {
    return QueryParsing.parse(SearchTarget.EVENTS, q);
  }

  @Test
  void starOrNothingMatchesAll() {
    assertThat(events("*")).isInstanceOf(MatchAllDocsQuery.class);
    assertThat(events("  ")).isInstanceOf(MatchAllDocsQuery.class);
    assertThat(events(null)).isInstanceOf(MatchAllDocsQuery.class);
    assertThat(events("*:*")).isInstanceOf(MatchAllDocsQuery.class);
  }

  @Test
  void anUnknownFieldIsNamedWithTheValidOnes() {
    assertThatThrownBy(() -> events("servce:payment"))
        .isInstanceOf(BadQueryException.class)
        .hasMessageStartingWith("unknown field 'servce'")
        .hasMessageContaining("service, host, level")
        .hasMessageContaining("attr.<name>");
    assertThatThrownBy(() -> QueryParsing.parse(SearchTarget.INCIDENTS, "service:payment"))
        .hasMessageContaining("incident fields are:")
        .hasMessageContaining("rootService");
  }

  @Test
  void fieldNamesAreCaseSensitiveWithAHint() {
    assertThatThrownBy(() -> events("SERVICE:payment"))
        .hasMessageContaining("case-sensitive: did you mean 'service'?");
  }

  @Test
  void badSyntaxIsExplainedInWords() {
    assertThatThrownBy(() -> events("payment AND"))
        .isInstanceOf(BadQueryException.class)
        .hasMessageStartingWith("the query ends too early");
    assertThatThrownBy(() -> events("(payment OR cart"))
        .hasMessageStartingWith("the query ends too early");
    assertThatThrownBy(() -> events("payment)"))
        .hasMessage("unexpected ')' at column 8 of the query; a ')' has no '(' before it");
    assertThatThrownBy(() -> events("\"connection refused"))
        .hasMessageStartingWith("the query has an unclosed quote");
    assertThatThrownBy(() -> events("payment AND OR cart"))
        .hasMessageContaining("unexpected 'OR'")
        .hasMessageNotContaining("<");
  }

  @Test
  void leadingWildcardsAreRejectedWithTheReason() {
    assertThatThrownBy(() -> events("*refused"))
        .hasMessageContaining("starts with a wildcard")
        .hasMessageContaining("message");
    assertThatThrownBy(() -> events("service:?ay")).hasMessageContaining("service:ab*");
    assertThatThrownBy(() -> events("message:/.*refused/"))
        .hasMessageContaining("must start with a letter or digit");
    assertThat(events("refus*")).isNotNull();
  }

  @Test
  void unknownLevelsAreNamed() {
    assertThatThrownBy(() -> events("level:loud"))
        .hasMessageContaining("unknown level 'loud'")
        .hasMessageContaining("error");
  }

  @Test
  void timestampRangesTakeIsoTimes() {
    Query range = events("timestamp:[2026-11-27T10:00:00Z TO 2026-11-27T10:05:00Z]");
    assertThat(range)
        .isEqualTo(LongPoint.newRangeQuery("timestamp", 1795773600000L, 1795773900000L));
    assertThatThrownBy(() -> events("timestamp:[yesterday TO *]"))
        .hasMessageContaining("'yesterday' is not a time for timestamp");
    assertThatThrownBy(() -> events("timestamp:2026*"))
        .hasMessageContaining("timestamp holds times");
  }

  @Test
  void lengthAndClauseCountAreLimited() {
    assertThatThrownBy(() -> events("a".repeat(QueryParsing.MAX_QUERY_LENGTH + 1)))
        .hasMessageContaining("the limit is " + QueryParsing.MAX_QUERY_LENGTH);
    String many =
        IntStream.range(0, QueryParsing.MAX_CLAUSES + 1)
            .mapToObj(i -> "w" + i)
            .collect(Collectors.joining(" OR "));
    assertThatThrownBy(() -> events(many))
        .isInstanceOf(BadQueryException.class)
        .hasMessageContaining("the limit is " + QueryParsing.MAX_CLAUSES);
  }
}
