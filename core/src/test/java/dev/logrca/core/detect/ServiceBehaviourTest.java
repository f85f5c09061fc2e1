package dev.logrca.core.detect;

import static dev.logrca.core.detect.SyntheticService.WINDOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Anomaly;
import dev.logrca.core.model.AnomalyKind;
import dev.logrca.core.model.Level;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ServiceBehaviourTest {
  private final DetectorConfig config = DetectorConfig.defaults();

  private static SyntheticService steadyCheckout(long seed) {
    return new SyntheticService("checkout", seed)
        .template("request served", Level.INFO, 60)
        .template("cart loaded", Level.INFO, 25)
        .template("cache refreshed", Level.DEBUG, 8)
        .template("slow response", Level.WARN, 2)
        .template("retrying call", Level.ERROR, 0.3);
  }

  /** Feeds windows [from, to) and returns every anomaly. */
  private static List<Anomaly> run(ServiceBehaviour b, SyntheticService s, int from, int to) {
    List<Anomaly> all = new ArrayList<>();
    for (int i = from; i < to; i++) {
      all.addAll(b.observe(s.window(i)));
    }
    return all;
  }

  private static List<Anomaly> ofKind(List<Anomaly> anomalies, AnomalyKind kind) {
    return anomalies.stream().filter(a -> a.kind() == kind).toList();
  }

  @Test
  void steadyServiceRaisesNothingIn200Windows() {
    for (long seed = 1; seed <= 5; seed++) {
      List<Anomaly> all = run(new ServiceBehaviour(config), steadyCheckout(seed), 0, 200);
      assertThat(all).as("seed %d", seed).isEmpty();
    }
  }

  @Test
  void errorSurgeAfterWarmUpIsReportedInItsWindow() {
    SyntheticService checkout = steadyCheckout(7);
    ServiceBehaviour behaviour = new ServiceBehaviour(config);
    List<Anomaly> before = run(behaviour, checkout, 0, 60);
    List<Anomaly> surge = behaviour.observe(checkout.window(60, Map.of("retrying call", 40)));

    assertThat(before).isEmpty();
    List<Anomaly> errors = ofKind(surge, AnomalyKind.ERROR_SURGE);
    assertThat(errors).hasSize(1);
    Anomaly a = errors.get(0);
    assertThat(a.windowStart()).isEqualTo(60 * WINDOW);
    assertThat(a.windowEnd()).isEqualTo(61 * WINDOW);
    assertThat(a.observed()).isGreaterThanOrEqualTo(40);
    assertThat(a.expected()).isLessThan(2);
    assertThat(a.score()).isBetween(0.5, 1.0);
    assertThat(a.id())
        .isEqualTo(Anomaly.idOf("checkout", AnomalyKind.ERROR_SURGE, 60 * WINDOW, null));
    assertThat(a.evidence())
        .hasSize(5)
        .allSatisfy(e -> assertThat(e.templateId()).isEqualTo("checkout:retrying call"));
    // the erroring template surges too, and names itself
    assertThat(ofKind(surge, AnomalyKind.TEMPLATE_SURGE))
        .extracting(Anomaly::templateId, Anomaly::template)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "checkout:retrying call", "retrying call <*> happened"));
  }

  @Test
  void anErrorSurgeCitesTheErrorsThatRoseNotTheSteadyBackground() {
    SyntheticService checkout =
        steadyCheckout(9).template("mail relay rejected sender", Level.ERROR, 7);
    ServiceBehaviour behaviour = new ServiceBehaviour(config);
    assertThat(run(behaviour, checkout, 0, 40)).isEmpty();

    // the background error keeps its usual rate; another error surges beside it
    List<Anomaly> surge = behaviour.observe(checkout.window(40, Map.of("retrying call", 40)));

    Anomaly a = ofKind(surge, AnomalyKind.ERROR_SURGE).get(0);
    assertThat(a.evidence())
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.templateId()).isEqualTo("checkout:retrying call"));
  }

  @Test
  void newErrorTemplateAfterWarmUpIsReported() {
    SyntheticService checkout = steadyCheckout(3);
    ServiceBehaviour behaviour = new ServiceBehaviour(config);
    assertThat(run(behaviour, checkout, 0, 30)).isEmpty();

    checkout.template("payment declined", Level.ERROR, 6);
    ServiceWindow window = checkout.window(30);
    List<Anomaly> found = ofKind(behaviour.observe(window), AnomalyKind.NEW_TEMPLATE);

    assertThat(found).hasSize(1);
    Anomaly a = found.get(0);
    assertThat(a.templateId()).isEqualTo("checkout:payment declined");
    assertThat(a.template()).isEqualTo("payment declined <*> happened");
    assertThat(a.windowStart()).isEqualTo(30 * WINDOW);
    assertThat(a.observed()).isEqualTo(window.count("checkout:payment declined"));
    assertThat(a.evidence()).containsExactly(window.firstLineByTemplate().get(a.templateId()));
    assertThat(a.score()).isGreaterThan(NewTemplateDetector.score(Level.INFO, 1));
  }

  @Test
  void templatesBornDuringWarmUpAreNotNew() {
    SyntheticService checkout = steadyCheckout(4);
    ServiceBehaviour behaviour = new ServiceBehaviour(config);
    List<Anomaly> warmUp = behaviour.observe(checkout.window(0));
    assertThat(checkout.window(1).newTemplates()).isEmpty();
    assertThat(warmUp).isEmpty();
  }

  @Test
  void serviceWithConstantBackgroundErrorsDoesNotFire() {
    for (long seed = 1; seed <= 3; seed++) {
      SyntheticService noisy =
          new SyntheticService("legacy-billing", seed)
              .template("invoice written", Level.INFO, 40)
              .template("connection reset by peer", Level.ERROR, 4)
              .template("upstream timed out", Level.ERROR, 2)
              .template("gc pause", Level.WARN, 3);
      Random bursts = new Random(seed);
      ServiceBehaviour behaviour = new ServiceBehaviour(config);
      List<Anomaly> all = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        // the background is burstier than Poisson: now and then a few more resets
        int extra = bursts.nextInt(10) == 0 ? 3 : 0;
        all.addAll(behaviour.observe(noisy.window(i, Map.of("connection reset by peer", extra))));
      }
      assertThat(all).as("seed %d", seed).isEmpty();
    }
  }

  @Test
  void steadyTemplateFallingSilentIsADrop() {
    SyntheticService checkout = steadyCheckout(5);
    ServiceBehaviour behaviour = new ServiceBehaviour(config);
    assertThat(run(behaviour, checkout, 0, 50)).isEmpty();

    checkout.template("cart loaded", Level.INFO, 0);
    List<Anomaly> drops = ofKind(run(behaviour, checkout, 50, 60), AnomalyKind.TEMPLATE_DROP);

    assertThat(drops).hasSize(1); // once per episode, not every silent window
    Anomaly a = drops.get(0);
    assertThat(a.templateId()).isEqualTo("checkout:cart loaded");
    assertThat(a.template()).isEqualTo("cart loaded <*> happened");
    assertThat(a.windowStart()).isEqualTo(50 * WINDOW);
    assertThat(a.observed()).isZero();
    assertThat(a.expected()).isBetween(18.0, 32.0);
    assertThat(a.evidence())
        .singleElement()
        .satisfies(e -> assertThat(e.timestamp()).isLessThan(50 * WINDOW));
  }

  @Test
  void aLastWindowCutShortByTheEndOfTheInputIsNoDrop() {
    SyntheticService checkout = steadyCheckout(7);
    ServiceBehaviour behaviour = new ServiceBehaviour(config);
    assertThat(run(behaviour, checkout, 0, 50)).isEmpty();
    long windowsBefore = behaviour.windowsSeen();

    // the input ended 1 s into window 50: only a line or two made it
    ServiceWindow full = checkout.window(50);
    String oneTemplate = full.templateCounts().keySet().iterator().next();
    ServiceWindow cut =
        new ServiceWindow(
            full.service(),
            full.start(),
            full.start() + 1_000,
            1,
            0,
            0,
            Map.of(oneTemplate, 1L),
            Map.of(oneTemplate, full.templateTexts().get(oneTemplate)),
            null,
            null,
            null,
            null,
            null);

    assertThat(behaviour.observe(cut)).isEmpty();
    assertThat(behaviour.windowsSeen()).as("not learned from").isEqualTo(windowsBefore);
  }

  @Test
  void aLastWindowCutShortStillShowsAnErrorSurge() {
    SyntheticService checkout = steadyCheckout(8);
    ServiceBehaviour behaviour = new ServiceBehaviour(config);
    assertThat(run(behaviour, checkout, 0, 50)).isEmpty();

    ServiceWindow full = checkout.window(50);
    ServiceWindow cut =
        new ServiceWindow(
            full.service(),
            full.start(),
            full.start() + 5_000,
            full.total() + 60,
            full.errors() + 60,
            full.warnings(),
            full.templateCounts(),
            full.templateTexts(),
            full.firstLineByTemplate(),
            null,
            full.errorSamples(),
            full.worstLevels(),
            null);

    assertThat(ofKind(behaviour.observe(cut), AnomalyKind.ERROR_SURGE)).hasSize(1);
  }

  @Test
  void silenceBetweenWindowsCountsAsEmptyWindows() {
    SyntheticService checkout = steadyCheckout(6);
    ServiceBehaviour behaviour = new ServiceBehaviour(config);
    assertThat(run(behaviour, checkout, 0, 40)).isEmpty();

    // Flink emits no window while the service logs nothing; the next one comes ten windows later
    List<Anomaly> found = behaviour.observe(checkout.window(50));

    assertThat(ofKind(found, AnomalyKind.TEMPLATE_DROP))
        .extracting(Anomaly::windowStart, Anomaly::templateId)
        .contains(
            org.assertj.core.groups.Tuple.tuple(40 * WINDOW, "checkout:request served"),
            org.assertj.core.groups.Tuple.tuple(40 * WINDOW, "checkout:cart loaded"));
    assertThat(behaviour.windowsSeen()).isEqualTo(51);
  }

  @Test
  void isolationForestFlagsAWildWindowAndNotNormalOnes() {
    SyntheticService checkout = steadyCheckout(8);
    ServiceBehaviour behaviour = new ServiceBehaviour(config);
    assertThat(ofKind(run(behaviour, checkout, 0, 100), AnomalyKind.OUTLIER)).isEmpty();

    // ten times the traffic, another template mix and a wave of warnings
    List<Anomaly> wild =
        behaviour.observe(
            checkout.window(
                100, Map.of("request served", 600, "cache refreshed", 300, "slow response", 50)));

    assertThat(ofKind(wild, AnomalyKind.OUTLIER))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.observed()).isGreaterThan(config.outlierThreshold());
              assertThat(a.score()).isBetween(0.5, 1.0);
              assertThat(a.evidence()).isNotEmpty();
            });
    assertThat(ofKind(run(behaviour, checkout, 101, 140), AnomalyKind.OUTLIER)).isEmpty();
  }

  @Test
  void restoredStateGivesIdenticalAnomalies() throws Exception {
    SyntheticService checkout = steadyCheckout(9);
    ServiceBehaviour original = new ServiceBehaviour(config);
    run(original, checkout, 0, 80);
    ServiceBehaviour restored = roundTrip(original);

    List<ServiceWindow> next = new ArrayList<>();
    for (int i = 80; i < 140; i++) {
      Map<String, Integer> extra =
          i == 100
              ? Map.of("request served", 600, "cache refreshed", 300, "slow response", 50)
              : i == 120 ? Map.of("retrying call", 30) : Map.of();
      next.add(checkout.window(i, extra));
    }
    List<Anomaly> fromOriginal = new ArrayList<>();
    List<Anomaly> fromRestored = new ArrayList<>();
    for (ServiceWindow w : next) {
      fromOriginal.addAll(original.observe(w));
      fromRestored.addAll(restored.observe(w));
    }

    assertThat(fromOriginal)
        .extracting(Anomaly::kind)
        .contains(AnomalyKind.OUTLIER, AnomalyKind.ERROR_SURGE);
    assertThat(fromRestored).isEqualTo(fromOriginal);
  }

  private static ServiceBehaviour roundTrip(ServiceBehaviour behaviour)
      throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(behaviour);
    }
    assertThat(bytes.size()).as("state stays small").isLessThan(64 * 1024);
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (ServiceBehaviour) in.readObject();
    }
  }

  /** A template busier than ~25 lines/s: its Poisson tail used to underflow above 745 a window. */
  private static SyntheticService busyGateway(long seed) {
    return new SyntheticService("gateway", seed)
        .template("request routed", Level.INFO, 2000)
        .template("health probe", Level.DEBUG, 40);
  }

  @Test
  void steadyHighRateRaisesNothing() {
    for (long seed = 1; seed <= 3; seed++) {
      List<Anomaly> all = run(new ServiceBehaviour(config), busyGateway(seed), 0, 120);
      assertThat(all).as("seed %d", seed).isEmpty();
    }
  }

  @Test
  void surgeOnATemplateAt2000LinesAWindowIsSeen() {
    SyntheticService gateway = busyGateway(11);
    ServiceBehaviour behaviour = new ServiceBehaviour(config);
    List<Anomaly> before = run(behaviour, gateway, 0, 60);
    List<Anomaly> surge = behaviour.observe(gateway.window(60, Map.of("request routed", 1500)));

    assertThat(before).isEmpty();
    assertThat(ofKind(surge, AnomalyKind.TEMPLATE_SURGE))
        .extracting(Anomaly::templateId)
        .containsExactly("gateway:request routed");
  }
}
