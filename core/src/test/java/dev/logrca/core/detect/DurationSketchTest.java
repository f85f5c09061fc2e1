package dev.logrca.core.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.logrca.core.model.Evidence;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DurationSketchTest {
  private static SampleLine line(long ts, double millis) {
    return new SampleLine(ts, "postgres", "postgres:1", "duration: " + millis + " ms", "e" + ts);
  }

  @Test
  void quantilesAreWithinABucketOfTheTruth() {
    DurationSketch sketch = new DurationSketch();
    for (int i = 1; i <= 1000; i++) {
      sketch.add(i, line(i, i)); // 1 .. 1000 ms
    }
    assertThat(sketch.count()).isEqualTo(1000);
    // buckets are 19% apart, so a quantile is within 10% either way of its true value
    assertThat(sketch.quantile(0.5)).isCloseTo(500, within(50.0));
    assertThat(sketch.quantile(0.9)).isCloseTo(900, within(90.0));
    assertThat(sketch.quantile(0.01)).isCloseTo(10, within(1.0));
    assertThat(new DurationSketch().quantile(0.5)).isZero();
  }

  @Test
  void countsAndCitesTheLinesAboveAThreshold() {
    DurationSketch sketch = new DurationSketch();
    for (int i = 0; i < 10; i++) {
      sketch.add(2, line(1_000 + i, 2));
    }
    sketch.add(300, line(5_000, 300));
    sketch.add(250, line(4_000, 250));
    sketch.add(12, line(500, 12)); // early, but not slow

    assertThat(sketch.countAtLeast(100)).isEqualTo(2);
    assertThat(sketch.medianAtLeast(100)).isCloseTo(250, within(30.0));
    Evidence first = sketch.firstLineAtLeast(100);
    assertThat(first.timestamp()).isEqualTo(4_000);
    assertThat(sketch.firstLineAtLeast(10_000)).isNull();
    assertThat(sketch.countAtLeast(10_000)).isZero();
  }

  @Test
  void mergingGivesTheSameSketchWhateverTheOrder() {
    Random random = new Random(7);
    List<SampleLine> lines = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      double millis = Math.exp(random.nextGaussian() * 2 + 2);
      lines.add(line(random.nextInt(30_000), millis));
    }
    DurationSketch whole = new DurationSketch();
    lines.forEach(l -> whole.add(Double.parseDouble(l.message().split(" ")[1]), l));

    Collections.shuffle(lines, random);
    DurationSketch a = new DurationSketch();
    DurationSketch b = new DurationSketch();
    for (int i = 0; i < lines.size(); i++) {
      SampleLine l = lines.get(i);
      (i % 3 == 0 ? a : b).add(Double.parseDouble(l.message().split(" ")[1]), l);
    }
    b.merge(a);

    assertThat(b.count()).isEqualTo(whole.count());
    for (double q : new double[] {0.1, 0.5, 0.9, 0.99}) {
      assertThat(b.quantile(q)).isEqualTo(whole.quantile(q));
    }
    for (double t : new double[] {1, 10, 100}) {
      assertThat(b.countAtLeast(t)).isEqualTo(whole.countAtLeast(t));
      assertThat(b.firstLineAtLeast(t)).isEqualTo(whole.firstLineAtLeast(t));
    }
  }
}
