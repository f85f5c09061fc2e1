package dev.logrca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class RunTimelineTest {
  private static String printed(RunTimeline timeline) {
    Locale before = Locale.getDefault();
    StringWriter text = new StringWriter();
    try {
      Locale.setDefault(Locale.ROOT);
      timeline.print(new PrintWriter(text, true));
    } finally {
      Locale.setDefault(before);
    }
    return text.toString();
  }

  @Test
  void splitsARunIntoStartUpMiningAndDrain() {
    long t0 = 1_000_000L;
    RunTimeline timeline =
        new RunTimeline(t0, t0 + 1600, t0 + 1070, t0 + 1680, t0 + 5460, t0 + 6740, t0 + 6800);

    assertThat(printed(timeline))
        .contains("cluster up, job submitted 1.60; rules built 1.07; first line mined 1.68;")
        .contains("last line mined 5.46; job finished 6.74; run returned 6.80")
        .contains("phases (s): start-up 1.68, mining 3.78, drain 1.28");
  }

  @Test
  void aPhaseThatDidNotHappenIsADash() {
    long t0 = 1_000_000L;
    // no line reached the miner: neither mining nor drain can be told
    RunTimeline timeline = new RunTimeline(t0, t0 + 1500, 0, 0, 0, t0 + 2000, t0 + 2100);

    assertThat(printed(timeline))
        .contains("rules built -")
        .contains("phases (s): start-up -, mining -, drain -");
  }
}
