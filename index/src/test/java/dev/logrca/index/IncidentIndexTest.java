package dev.logrca.index;

import static dev.logrca.index.TestEvents.incident;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Incident;
import dev.logrca.core.model.IncidentJson;
import dev.logrca.core.model.IncidentStatus;
import dev.logrca.index.search.IncidentHit;
import dev.logrca.index.search.SearchRequest;
import dev.logrca.index.search.SearchTarget;
import dev.logrca.index.search.Searcher;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class IncidentIndexTest {

  @Test
  void anUpsertedIncidentComesBackAsItsJsonSays() throws Exception {
    Incident written =
        incident(
            "inc-1", "2026-11-27T10:00:03Z", "2026-11-27T10:04:10Z", "postgres", "dependency.down");
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IncidentIndex index = IncidentIndex.open(dir)) {
      index.upsert(written);

      Incident read = index.get("inc-1").orElseThrow();

      assertThat(IncidentJson.write(read)).isEqualTo(IncidentJson.write(written));
      assertThat(read.rootCauses().get(0).score()).isEqualTo(0.912);
      assertThat(index.get("inc-2")).isEmpty();
    }
  }

  @Test
  void anUpsertReplacesTheIncidentWithTheSameId() throws Exception {
    Incident first =
        incident(
            "inc-1", "2026-11-27T10:00:03Z", "2026-11-27T10:01:00Z", "postgres", "dependency.down");
    Incident grown =
        new Incident(
            "inc-1",
            first.start(),
            TestEvents.at("2026-11-27T10:09:00Z"),
            List.of("checkout", "postgres", "cart"),
            first.rootCauses());
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IncidentIndex index = IncidentIndex.open(dir)) {
        index.upsert(first);
        index.commit();
        index.upsert(grown);
      }
      try (IncidentIndex reopened = IncidentIndex.open(dir)) {
        assertThat(reopened.get("inc-1"))
            .hasValueSatisfying(
                i -> assertThat(i.services()).containsExactly("checkout", "postgres", "cart"));
      }
    }
  }

  @Test
  void theStatusIsSearchableAndAResolvedUpdateReplacesTheOpenIncident() throws Exception {
    Incident db =
        incident("db", "2026-11-27T10:00:03Z", "2026-11-27T10:01:00Z", "db", "dependency.down");
    Incident cart =
        incident("cart", "2026-11-27T10:02:00Z", "2026-11-27T10:03:00Z", "cart", "app.exception");
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        ByteBuffersDirectory noEvents = new ByteBuffersDirectory()) {
      try (IncidentIndex index = IncidentIndex.open(dir)) {
        index.upsert(db);
        index.upsert(cart);
        index.commit();
        index.upsert(db.resolve(TestEvents.at("2026-11-27T10:11:00Z")));
      }
      try (Searcher searcher = Searcher.open(noEvents, dir)) {
        assertThat(ids(searcher, "status:open")).containsExactly("cart");
        assertThat(ids(searcher, "status:RESOLVED")).containsExactly("db");
        assertThat(ids(searcher, "resolvedAt:[2026-11-27T10:10:00Z TO *]")).containsExactly("db");
        assertThat(ids(searcher, "*")).containsExactlyInAnyOrder("db", "cart");
      }
      try (IncidentIndex reopened = IncidentIndex.open(dir)) {
        assertThat(reopened.get("db"))
            .hasValueSatisfying(
                i -> {
                  assertThat(i.status()).isEqualTo(IncidentStatus.RESOLVED);
                  assertThat(i.resolvedAt()).isEqualTo(TestEvents.at("2026-11-27T10:11:00Z"));
                });
      }
    }
  }

  private static List<String> ids(Searcher searcher, String query) throws Exception {
    return searcher.search(SearchRequest.of(SearchTarget.INCIDENTS, query)).hits().stream()
        .map(h -> ((IncidentHit) h).incident().id())
        .toList();
  }
}
