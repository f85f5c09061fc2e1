package dev.logrca.core.detect;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import smile.anomaly.IsolationForest;
import smile.anomaly.IsolationTree;
import smile.math.MathEx;
import smile.stat.distribution.GaussianDistribution;

/**
 * Fits Smile's {@link IsolationForest} so that the same vectors and seed always grow the same
 * forest, on any thread and after any other use of Smile: the forest is regrown from stored vectors
 * after a restore and must judge the next windows exactly as before.
 *
 * <p>Smile draws every random choice from {@link MathEx}'s thread-local generator, plus the shared
 * {@link GaussianDistribution#getInstance()} singleton (the random normal of every cut), whose
 * polar method caches every second deviate: whether a deviate costs two uniform draws or none
 * depends on what that singleton was last asked for, anywhere in the JVM. So each fit (1) runs on a
 * fresh thread of its own single-worker pool, whose generator is seeded there and dies with it, (2)
 * empties the singleton's cache first, holding a lock no other fit can interleave with, and (3)
 * grows the trees one {@code fit} call at a time, in index order: Smile grows a forest's trees in a
 * parallel stream, and the order in which even one worker runs its tasks is the JDK's business, not
 * a promise that holds across versions. Code outside this class that draws from the normal
 * singleton while a fit runs can still disturb it; in logrca nothing else does.
 */
public final class SeededForests {
  /** Held while the shared normal generator is reset and used. */
  private static final Object SHARED_NORMAL = new Object();

  /**
   * Smile ignores the rate in 3.1.1 (every tree sees all vectors, in a shuffled order) but demands
   * one in (0, 1).
   */
  private static final double SAMPLING_RATE = 0.7;

  private SeededForests() {}

  /**
   * Grows {@code trees} trees at most {@code maxDepth} deep on {@code data} (at least 2 rows of
   * equal length) from {@code seed}; {@code extensionLevel} is Smile's: 0 for axis-parallel cuts,
   * up to dimensions - 1.
   */
  public static IsolationForest fit(
      double[][] data, int trees, int maxDepth, int extensionLevel, long seed) {
    if (data.length < 2) {
      throw new IllegalArgumentException("an isolation forest needs at least 2 vectors");
    }
    ForkJoinPool pool = new ForkJoinPool(1);
    try {
      return pool.submit(() -> grow(data, trees, maxDepth, extensionLevel, seed)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while fitting an isolation forest", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("fitting an isolation forest failed", e.getCause());
    } finally {
      pool.shutdown();
    }
  }

  /**
   * The classic algorithm of Liu et al.: each of {@code trees} trees grows on its own random {@code
   * sampleSize} rows (all rows when there are fewer), which Smile 3.1.1 does not do itself; small
   * samples are what lets a tree isolate a cluster of anomalies that all rows would mask.
   */
  public static IsolationForest fitSubsampled(
      double[][] data, int trees, int sampleSize, int extensionLevel, long seed) {
    int n = Math.min(sampleSize, data.length);
    int maxDepth = (int) Math.ceil(Math.log(Math.max(2, n)) / Math.log(2));
    java.util.Random random = new java.util.Random(seed);
    IsolationTree[] grown = new IsolationTree[trees];
    for (int t = 0; t < trees; t++) {
      double[][] sample = sampleOf(data, n, random);
      grown[t] = fit(sample, 1, maxDepth, extensionLevel, random.nextLong()).trees()[0];
    }
    return new IsolationForest(n, extensionLevel, grown);
  }

  /** {@code n} distinct rows of {@code data}, by a partial Fisher-Yates shuffle of positions. */
  private static double[][] sampleOf(double[][] data, int n, java.util.Random random) {
    int[] positions = new int[data.length];
    for (int i = 0; i < positions.length; i++) {
      positions[i] = i;
    }
    double[][] sample = new double[n][];
    for (int i = 0; i < n; i++) {
      int j = i + random.nextInt(positions.length - i);
      int swap = positions[i];
      positions[i] = positions[j];
      positions[j] = swap;
      sample[i] = data[positions[i]];
    }
    return sample;
  }

  private static IsolationForest grow(
      double[][] data, int trees, int maxDepth, int extensionLevel, long seed) {
    IsolationTree[] grown = new IsolationTree[trees];
    synchronized (SHARED_NORMAL) {
      emptyNormalCache();
      MathEx.setSeed(seed);
      for (int i = 0; i < trees; i++) {
        grown[i] = IsolationForest.fit(data, 1, maxDepth, SAMPLING_RATE, extensionLevel).trees()[0];
      }
    }
    return new IsolationForest(data.length, extensionLevel, grown);
  }

  /**
   * Leaves the shared normal generator without a cached deviate. A call that hands out the cached
   * one draws nothing from this thread's generator; a call that finds none draws a fresh pair and
   * caches the second, which one more call then hands out.
   */
  private static void emptyNormalCache() {
    GaussianDistribution normal = GaussianDistribution.getInstance();
    MathEx.setSeed(0);
    double firstDraw = MathEx.random();
    MathEx.setSeed(0);
    normal.rand();
    if (MathEx.random() != firstDraw) {
      normal.rand();
    }
  }
}
