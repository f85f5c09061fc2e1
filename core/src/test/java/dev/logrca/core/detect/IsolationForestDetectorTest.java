package dev.logrca.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.AnomalyKind;
import dev.logrca.core.model.Level;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IsolationForestDetectorTest {
  private final DetectorConfig config = DetectorConfig.defaults();

  private static SyntheticService service(long seed) {
    return new SyntheticService("frontend", seed)
        .template("GET <*> 200", Level.INFO, 120)
        .template("session renewed", Level.INFO, 30)
        .template("template cache hit", Level.DEBUG, 15)
        .template("slow upstream", Level.WARN, 3)
        .template("upstream failed", Level.ERROR, 0.5);
  }

  @Test
  void untrainedDetectorJudgesNothing() {
    SyntheticService frontend = service(1);
    IsolationForestDetector detector = new IsolationForestDetector(config);
    for (int i = 0; i < config.outlierMinTraining() - 1; i++) {
      detector.learn(frontend.window(i), false);
    }
    assertThat(detector.score(frontend.window(20))).isNaN();
    assertThat(detector.detect(frontend.window(21, Map.of("GET <*> 200", 5000)))).isEmpty();
  }

  @Test
  void wildWindowsScoreAboveTheThresholdAndNormalOnesBelow() {
    for (long seed = 1; seed <= 8; seed++) {
      SyntheticService frontend = service(seed);
      IsolationForestDetector detector = new IsolationForestDetector(config);
      double worstNormal = 0;
      for (int i = 0; i < 300; i++) {
        ServiceWindow w = frontend.window(i);
        double score = detector.score(w);
        if (!Double.isNaN(score)) {
          worstNormal = Math.max(worstNormal, score);
        }
        detector.learn(w, false);
      }
      ServiceWindow flood = frontend.window(300, Map.of("GET <*> 200", 1500, "slow upstream", 40));
      ServiceWindow halfTraffic =
          new SyntheticService("frontend", seed)
              .template("GET <*> 200", Level.INFO, 40)
              .template("session renewed", Level.INFO, 30)
              .window(301);

      assertThat(worstNormal).as("seed %d", seed).isLessThan(config.outlierThreshold());
      assertThat(detector.score(flood))
          .as("seed %d", seed)
          .isGreaterThan(config.outlierThreshold());
      assertThat(detector.score(halfTraffic))
          .as("seed %d", seed)
          .isGreaterThan(config.outlierThreshold());
      assertThat(detector.detect(flood))
          .get()
          .satisfies(a -> assertThat(a.kind()).isEqualTo(AnomalyKind.OUTLIER));
    }
  }

  @Test
  void windowsOfAShortIncidentDoNotJoinTheTrainingSet() {
    SyntheticService frontend = service(2);
    IsolationForestDetector detector = new IsolationForestDetector(config);
    for (int i = 0; i < 100; i++) {
      detector.learn(frontend.window(i), false);
    }
    ServiceWindow flood = frontend.window(100, Map.of("GET <*> 200", 1500, "slow upstream", 40));
    double before = detector.score(flood);
    for (int i = 0; i < config.baselineWindows(); i++) {
      detector.learn(flood, true); // ten minutes of incident, reported every window
    }
    assertThat(before).isGreaterThan(config.outlierThreshold());
    assertThat(detector.score(flood)).isGreaterThan(config.outlierThreshold());
  }

  @Test
  void aLastingChangeBecomesTheNewNormal() {
    SyntheticService frontend = service(4);
    IsolationForestDetector detector = new IsolationForestDetector(config);
    for (int i = 0; i < 100; i++) {
      detector.learn(frontend.window(i), false);
    }
    frontend.template("GET <*> 200", Level.INFO, 1200).template("slow upstream", Level.WARN, 40);
    assertThat(detector.detect(frontend.window(100))).isPresent();
    int i = 101;
    while (i < 400 && detector.detect(frontend.window(i)).isPresent()) {
      detector.learn(frontend.window(i), true);
      i++;
    }
    assertThat(i).as("windows until the new level is learned").isBetween(110, 250);
  }

  @Test
  void quietServicesAreNotJudged() {
    SyntheticService cron =
        new SyntheticService("cron", 3)
            .template("job started", Level.INFO, 2)
            .template("job finished", Level.INFO, 2);
    IsolationForestDetector detector = new IsolationForestDetector(config);
    for (int i = 0; i < 50; i++) {
      detector.learn(cron.window(i), false);
    }
    assertThat(detector.detect(ServiceWindow.empty("cron", 50 * 30_000, 51 * 30_000))).isEmpty();
  }
}
