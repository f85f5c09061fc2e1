package dev.logrca.core.detect.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A made-up checkout flow: each request logs "cart loaded", one "price quoted" per item, "payment
 * authorised" and "order stored" in the payment and order services, so count(authorised) ==
 * count(stored) and every step follows the one before. Faults remove, add or reorder lines without
 * any error line.
 */
class SessionModelTest {
  private static final String CART = "cart:1";
  private static final String QUOTE = "pricing:2";
  private static final String AUTH = "payment:3";
  private static final String STORE = "order:4";

  private static Session request(String key, Random random, String... override) {
    List<String> steps = new ArrayList<>();
    if (override.length > 0) {
      steps.addAll(List.of(override));
    } else {
      steps.add(CART);
      for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
        steps.add(QUOTE);
      }
      steps.add(AUTH);
      steps.add(STORE);
    }
    List<SessionEvent> events = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      String template = steps.get(i);
      String service = template.substring(0, template.indexOf(':'));
      events.add(new SessionEvent(i * 10L, service, template, template + " line " + i));
    }
    return Session.of(key, events);
  }

  private static List<Session> usualRequests(int n, long seed) {
    Random random = new Random(seed);
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      sessions.add(request("r" + i, random));
    }
    return sessions;
  }

  @Test
  void usualRequestsRaiseNothing() {
    SessionModel model = SessionModel.fit(usualRequests(400, 1), 7);
    for (Session s : usualRequests(200, 2)) {
      assertThat(model.judge(s).anomalous()).as(s.key()).isFalse();
    }
  }

  @Test
  void invariantsAreTheCountRelationsOfTheFlow() {
    List<Session> training = usualRequests(400, 1);
    Invariants invariants =
        InvariantMiner.defaults().mine(training, TemplateVocabulary.of(training));
    assertThat(invariants.invariants())
        .extracting(Object::toString)
        .contains("count(order:4) == count(payment:3)", "count(cart:1) == count(order:4)")
        .noneMatch(s -> s.contains("pricing:2"));
  }

  @Test
  void aPaymentThatNeverStoresTheOrderDepartsAtThePayment() {
    SessionModel model = SessionModel.fit(usualRequests(400, 1), 7);
    Session broken = request("bad", new Random(3), CART, QUOTE, AUTH);
    SessionJudgement j = model.judge(broken);
    assertThat(j.anomalous()).isTrue();
    assertThat(j.verdicts().get("invariants").anomalous()).isTrue();
    assertThat(j.departure().service()).isEqualTo("payment");
    assertThat(j.departure().template()).isEqualTo(AUTH);
  }

  @Test
  void stepsOutOfOrderAreSeenByTheOrderCheckAtTheFirstWrongStep() {
    SessionModel model = SessionModel.fit(usualRequests(400, 1), 7);
    Session reordered = request("swap", new Random(3), CART, QUOTE, STORE, AUTH);
    Verdict order = model.judge(reordered).verdicts().get("order");
    assertThat(order.anomalous()).isTrue();
    assertThat(order.departure().service()).isEqualTo("order");
    assertThat(order.reason()).contains("pricing:2 => order:4");
    // same counts as a usual request: the count detectors cannot see it
    assertThat(model.judge(reordered).verdicts().get("invariants").anomalous()).isFalse();
  }

  @Test
  void aTemplateNeverSeenInTrainingIsSeenByEveryCountDetector() {
    SessionModel model = SessionModel.fit(usualRequests(400, 1), 7);
    Session retried = request("new", new Random(3), CART, QUOTE, AUTH, "payment:9", AUTH, STORE);
    SessionJudgement j = model.judge(retried);
    assertThat(j.anomalous()).isTrue();
    assertThat(j.verdicts().get("pca").anomalous()).isTrue();
    assertThat(j.verdicts().get("iforest").anomalous()).isTrue();
    assertThat(j.verdicts().get("svm").anomalous()).isTrue();
    assertThat(j.departure().template()).isEqualTo("payment:9");
  }

  /** The usual flow with one line of a template never seen in training, logged at {@code level}. */
  private static Session withNews(String key, Level level, int at) {
    List<SessionEvent> events = new ArrayList<>(request(key, new Random(5)).events());
    events.add(at, new SessionEvent(at * 10L - 5, "payment", "payment:9", "news", null, level));
    return Session.of(key, events);
  }

  @Test
  void aNewTemplateLoggedBelowWarnIsNewsNotADeparture() {
    SessionModel model = SessionModel.fit(usualRequests(400, 1), 7);

    assertThat(model.judge(withNews("info", Level.INFO, 3)).anomalous()).isFalse();
    assertThat(model.judge(withNews("debug", Level.DEBUG, 0)).anomalous()).isFalse();
    SessionJudgement warned = model.judge(withNews("warn", Level.WARN, 3));
    assertThat(warned.anomalous()).isTrue();
    assertThat(warned.departure().template()).isEqualTo("payment:9");
    assertThat(model.judge(withNews("unknown", Level.UNKNOWN, 3)).anomalous())
        .as("a line of no known level is not known to be routine")
        .isTrue();
    Session onlyNews =
        Session.of(
            "only", List.of(new SessionEvent(0, "payment", "payment:9", "news", null, Level.INFO)));
    assertThat(model.judge(onlyNews).anomalous()).isFalse();
    // a routine new line does not hide what else is wrong: the order is still never stored
    Session noStore = request("nostore", new Random(3), CART, QUOTE, AUTH);
    List<SessionEvent> events = new ArrayList<>(noStore.events());
    events.add(1, new SessionEvent(5, "cart", "cart:9", "news", null, Level.INFO));
    SessionJudgement stillDeparts = model.judge(Session.of("nostore", events));
    assertThat(stillDeparts.anomalous()).isTrue();
    assertThat(stillDeparts.departure().service()).isEqualTo("payment");
  }

  @Test
  void theSameTrainingAndSeedGiveTheSameForestVerdicts() {
    List<Session> training = usualRequests(300, 1);
    Session probe =
        request("p", new Random(3), CART, QUOTE, QUOTE, QUOTE, QUOTE, QUOTE, AUTH, STORE);
    double a = SessionModel.fit(training, 7).judge(probe).verdicts().get("iforest").score();
    double b = SessionModel.fit(training, 7).judge(probe).verdicts().get("iforest").score();
    assertThat(a).isEqualTo(b);
  }
}
