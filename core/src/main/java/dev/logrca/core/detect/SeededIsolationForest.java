package dev.logrca.core.detect;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * An isolation forest (Liu, Ting and Zhou, 2008) whose every random choice comes from one seeded
 * generator: the same training vectors and seed always grow the same trees, on any thread. Smile's
 * {@code smile.anomaly.IsolationForest} grows its trees in a parallel stream from the thread-local
 * generator of {@code MathEx} and a shared Gaussian singleton, so it can only be made repeatable by
 * setting global state, and not even then across threads.
 */
final class SeededIsolationForest {
  private static final double EULER_GAMMA = 0.5772156649015329;
  private static final int MAX_SAMPLE = 256;

  private final Node[] trees;
  private final double normaliser;

  private SeededIsolationForest(Node[] trees, int sampleSize) {
    this.trees = trees;
    this.normaliser = averagePathLength(sampleSize);
  }

  /** Grows {@code treeCount} trees on {@code data} (rows are vectors of equal length). */
  static SeededIsolationForest fit(double[][] data, int treeCount, long seed) {
    if (data.length < 2) {
      throw new IllegalArgumentException("an isolation forest needs at least 2 vectors");
    }
    SplittableRandom random = new SplittableRandom(seed);
    int sampleSize = Math.min(MAX_SAMPLE, data.length);
    int maxDepth = (int) Math.ceil(Math.log(sampleSize) / Math.log(2));
    Node[] trees = new Node[treeCount];
    for (int t = 0; t < treeCount; t++) {
      trees[t] = grow(sample(data, sampleSize, random), 0, maxDepth, random);
    }
    return new SeededIsolationForest(trees, sampleSize);
  }

  /** The anomaly score in (0, 1): about 0.5 or less is ordinary, near 1 is isolated at once. */
  double score(double[] x) {
    double total = 0;
    for (Node tree : trees) {
      total += pathLength(tree, x, 0);
    }
    return Math.pow(2, -(total / trees.length) / normaliser);
  }

  private static double[][] sample(double[][] data, int size, SplittableRandom random) {
    int[] index = new int[data.length];
    for (int i = 0; i < index.length; i++) {
      index[i] = i;
    }
    double[][] sample = new double[size][];
    for (int i = 0; i < size; i++) { // a partial Fisher-Yates shuffle: sampling without repeats
      int j = i + random.nextInt(index.length - i);
      int swap = index[i];
      index[i] = index[j];
      index[j] = swap;
      sample[i] = data[index[i]];
    }
    return sample;
  }

  private static Node grow(double[][] rows, int depth, int maxDepth, SplittableRandom random) {
    if (depth >= maxDepth || rows.length <= 1) {
      return Node.leaf(rows.length);
    }
    int dims = rows[0].length;
    double[] min = new double[dims];
    double[] max = new double[dims];
    int splittable = bounds(rows, min, max);
    if (splittable == 0) {
      return Node.leaf(rows.length); // identical rows cannot be separated
    }
    // pick among the attributes that vary here, as an attribute without spread cannot split
    int pick = random.nextInt(splittable);
    int dim = -1;
    for (int d = 0; d < dims && pick >= 0; d++) {
      if (max[d] > min[d] && pick-- == 0) {
        dim = d;
      }
    }
    double split = min[dim] + random.nextDouble() * (max[dim] - min[dim]);
    int leftCount = 0;
    for (double[] row : rows) {
      if (row[dim] < split) {
        leftCount++;
      }
    }
    double[][] left = new double[leftCount][];
    double[][] right = new double[rows.length - leftCount][];
    int l = 0;
    int r = 0;
    for (double[] row : rows) {
      if (row[dim] < split) {
        left[l++] = row;
      } else {
        right[r++] = row;
      }
    }
    return Node.split(
        dim,
        split,
        min[dim],
        max[dim],
        grow(left, depth + 1, maxDepth, random),
        grow(right, depth + 1, maxDepth, random));
  }

  /** Fills per-attribute bounds; returns how many attributes vary. */
  private static int bounds(double[][] rows, double[] min, double[] max) {
    Arrays.fill(min, Double.POSITIVE_INFINITY);
    Arrays.fill(max, Double.NEGATIVE_INFINITY);
    for (double[] row : rows) {
      for (int d = 0; d < row.length; d++) {
        min[d] = Math.min(min[d], row[d]);
        max[d] = Math.max(max[d], row[d]);
      }
    }
    int varying = 0;
    for (int d = 0; d < min.length; d++) {
      if (max[d] > min[d]) {
        varying++;
      }
    }
    return varying;
  }

  private static double pathLength(Node node, double[] x, int depth) {
    if (node.isLeaf()) {
      return depth + averagePathLength(node.size);
    }
    double value = x[node.dim];
    if (escapes(node, value)) {
      return depth + 1;
    }
    return pathLength(value < node.split ? node.left : node.right, x, depth + 1);
  }

  /**
   * Whether a value beyond the node's training range is cut off from all of it by this split, had
   * the split been drawn (at the same relative position) over the range widened to include the
   * value. Plain iForest sends such a value down with the most extreme training rows, so a window
   * ten times busier than any before scores like the busiest ordinary one; this way the farther out
   * it lies, the likelier each split isolates it, and values inside the range are scored exactly as
   * in plain iForest.
   */
  private static boolean escapes(Node node, double value) {
    double width = node.high - node.low;
    double position = (node.split - node.low) / width;
    if (value > node.high) {
      return position * (value - node.low) > width;
    }
    if (value < node.low) {
      return position * (node.high - value) <= node.low - value;
    }
    return false;
  }

  /** The average path length of an unsuccessful search in a binary search tree of n items. */
  static double averagePathLength(int n) {
    if (n <= 1) {
      return 0;
    }
    if (n == 2) {
      return 1;
    }
    return 2 * (Math.log(n - 1) + EULER_GAMMA) - 2.0 * (n - 1) / n;
  }

  /** A split on one attribute, or a leaf holding {@code size} training rows. */
  private record Node(
      int dim, double split, double low, double high, Node left, Node right, int size) {
    static Node leaf(int size) {
      return new Node(-1, 0, 0, 0, null, null, size);
    }

    static Node split(int dim, double split, double low, double high, Node left, Node right) {
      return new Node(dim, split, low, high, left, right, 0);
    }

    boolean isLeaf() {
      return left == null;
    }
  }
}
