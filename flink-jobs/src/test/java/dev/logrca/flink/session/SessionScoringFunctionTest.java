package dev.logrca.flink.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.detect.registry.CheckoutRequests;
import dev.logrca.core.detect.registry.ModelRegistry;
import dev.logrca.core.detect.registry.ModelTraining;
import dev.logrca.core.detect.session.Session;
import dev.logrca.core.detect.session.SessionEvent;
import dev.logrca.core.model.Anomaly;
import dev.logrca.core.model.AnomalyKind;
import dev.logrca.flink.sink.EventIndexEntry;
import dev.logrca.index.EventIndex;
import dev.logrca.index.search.SearchRequest;
import dev.logrca.index.search.SearchResult;
import dev.logrca.index.search.SearchTarget;
import dev.logrca.index.search.Searcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session stage with a model registry beside it: sessions close by event time and are judged by
 * the champion; a promotion, a rollback and a corrupt file are seen on the next look at processing
 * time, with no restart; drift ends up as a searchable line.
 */
class SessionScoringFunctionTest {
  private static final Instant NOW = Instant.parse("2026-12-06T05:00:00Z");
  private static final long T0 = 1_796_000_010_000L; // on a 30 s boundary
  private static final long IDLE = 30_000;
  private static final long LOOK = 2_000;

  @TempDir Path data;

  private ModelRegistry registry;
  private SessionScoringFunction function;
  private KeyedOneInputStreamOperatorTestHarness<String, SessionLine, Anomaly> harness;
  private long clock;
  private long eventTime = T0;
  private int request;

  private void start(SessionSettings settings) throws Exception {
    registry = new ModelRegistry(data);
    function = new SessionScoringFunction(settings);
    harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(function), SessionLine::getKey, Types.STRING);
    harness.open();
  }

  private static SessionSettings settings(Path data) {
    return new SessionSettings(data.toString(), null, null, IDLE, LOOK, 5_000);
  }

  @AfterEach
  void close() throws Exception {
    if (harness != null) {
      harness.close();
    }
  }

  /** Checkout requests: cart, 1-3 prices, payment, and an order stored with {@code storeShare}. */
  private static List<Session> requests(int n, long seed, double storeShare, int retries) {
    return CheckoutRequests.of("train", n, seed, storeShare, retries);
  }

  private String trainAndSave(long seed, double storeShare) throws Exception {
    String id = registry.nextId();
    registry.save(
        ModelTraining.train(
            id, requests(300, seed, storeShare, 0), 7, registry.champion().orElse(null), NOW));
    return id;
  }

  /**
   * Plays {@code sessions} as live requests one second apart, then moves event time past their
   * inactivity gap so they close; returns the anomalies this produced.
   */
  private List<Anomaly> play(List<Session> sessions) throws Exception {
    int before = harness.extractOutputValues().size();
    for (Session s : sessions) {
      String key = "req-" + (++request);
      eventTime += 1_000;
      for (SessionEvent e : s.events()) {
        long at = eventTime + (e.timestamp() % 1_000);
        SessionEvent live =
            new SessionEvent(at, e.service(), e.template(), e.message(), key + "/" + at);
        harness.processElement(SessionLine.of(key, live), at);
      }
    }
    eventTime += IDLE + 1_000;
    harness.processWatermark(new Watermark(eventTime));
    List<Anomaly> all = harness.extractOutputValues();
    return all.subList(before, all.size());
  }

  /** Processing time moves to the next look at the registry. */
  private void nextLook() throws Exception {
    clock += LOOK;
    harness.setProcessingTime(clock);
  }

  private static Session orderNeverStored() {
    return requests(1, 9, 0.0, 0).get(0);
  }

  @Test
  void withoutAChampionSessionsPassThroughUnjudgedUntilOneIsPromoted() throws Exception {
    start(settings(data));
    assertThat(play(List.of(orderNeverStored()))).isEmpty();
    assertThat(function.judged()).isZero();

    registry.promote(trainAndSave(1, 1.0));
    nextLook(); // the timer looks even though no line arrives
    List<Anomaly> flagged = play(List.of(orderNeverStored()));

    assertThat(function.judged()).isEqualTo(1);
    assertThat(flagged).hasSize(1);
    Anomaly a = flagged.get(0);
    assertThat(a.kind()).isEqualTo(AnomalyKind.SESSION_DEVIATION);
    // the order check sees the request end after the payment instead of at the order
    assertThat(a.service()).isEqualTo("payment");
    assertThat(a.templateId()).isEqualTo("payment:3");
    assertThat(a.evidence()).isNotEmpty();
    assertThat(a.evidence().get(0).message()).isEqualTo("payment authorised");
    assertThat(a.evidence().get(0).eventId()).startsWith("req-2/");
    assertThat(a.windowEnd()).isGreaterThan(a.windowStart());
  }

  @Test
  void aPromotionAndARollbackMidStreamSwapTheModelWithoutARestart() throws Exception {
    start(settings(data));
    registry.promote(trainAndSave(1, 1.0));
    assertThat(play(List.of(orderNeverStored()))).hasSize(1);
    assertThat(play(requests(20, 3, 1.0, 0))).as("usual requests").isEmpty();

    // the next champion learned that half the orders are stored elsewhere
    registry.promote(trainAndSave(2, 0.5));
    assertThat(play(List.of(orderNeverStored())))
        .as("before the next look the old champion still judges")
        .hasSize(1);
    nextLook();
    assertThat(play(List.of(orderNeverStored()))).isEmpty();

    registry.rollback();
    nextLook();
    assertThat(play(List.of(orderNeverStored()))).hasSize(1);
    assertThat(function.refusedModels()).isZero();
  }

  @Test
  void aCorruptChampionFileIsRefusedAndTheChampionInForceKeepsJudging() throws Exception {
    start(settings(data));
    registry.promote(trainAndSave(1, 1.0));
    assertThat(play(List.of(orderNeverStored()))).hasSize(1);

    registry.promote(trainAndSave(2, 0.5));
    Path file = registry.folder().resolve("m0002.json");
    String text = Files.readString(file);
    Files.writeString(file, text.substring(0, text.length() / 2)); // cut off mid-copy
    nextLook();

    assertThat(function.refusedModels()).isEqualTo(1);
    assertThat(play(List.of(orderNeverStored()))).as("m0001 still judges").hasSize(1);
    nextLook();
    assertThat(function.refusedModels()).as("not read again while unchanged").isEqualTo(1);

    Files.writeString(file, text);
    Files.setLastModifiedTime(
        file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 1_000));
    nextLook();
    assertThat(play(List.of(orderNeverStored()))).as("the repaired m0002 judges").isEmpty();
  }

  @Test
  void aChallengerInShadowCountsItsDisagreementsAndChangesNoVerdict() throws Exception {
    registry = new ModelRegistry(data);
    registry.promote(trainAndSave(1, 1.0));
    String challenger = trainAndSave(2, 0.5);
    start(settings(data).withChallenger(challenger));

    List<Anomaly> flagged = play(List.of(orderNeverStored(), orderNeverStored()));

    assertThat(function.judged()).isEqualTo(2);
    assertThat(function.disagreements()).isEqualTo(2);
    assertThat(flagged).as("one anomaly per service, template and 30 s").hasSize(1);
  }

  @Test
  void driftBecomesALineOfServiceLogrcaThatASearchOfTheEventIndexFinds() throws Exception {
    registry = new ModelRegistry(data);
    registry.promote(trainAndSave(1, 1.0));
    start(settings(data).withDriftSampleLines(500));

    play(requests(100, 4, 1.0, 0)); // about 500 lines: one full sample of the usual mix
    assertThat(harness.getSideOutput(SessionScoringFunction.DRIFT)).as("the usual mix").isNull();
    play(requests(120, 5, 1.0, 4)); // payments that mostly retry
    List<EventIndexEntry> drift =
        harness.getSideOutput(SessionScoringFunction.DRIFT).stream()
            .map(StreamRecord::getValue)
            .toList();

    assertThat(drift).hasSize(1);
    assertThat(registry.load("m0001").card().stale()).startsWith("template mix drifted: JS ");
    try (EventIndex index = EventIndex.open(EventIndex.folderIn(data))) {
      index.add(drift.get(0).event);
      index.commit();
    }
    try (Searcher searcher = Searcher.open(data)) {
      SearchResult found =
          searcher.search(
              SearchRequest.of(SearchTarget.EVENTS, "service:logrca AND attr.model:m0001"));
      assertThat(found.totalHits()).isEqualTo(1);
      assertThat(
              searcher
                  .search(
                      SearchRequest.of(
                          SearchTarget.EVENTS, "service:logrca AND level:warn AND message:stale"))
                  .totalHits())
          .isEqualTo(1);
    }
    assertThat(function.drifts()).isEqualTo(1);
  }
}
