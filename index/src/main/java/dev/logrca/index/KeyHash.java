package dev.logrca.index;

/**
 * The hash Flink spreads keys over key groups with ({@code MathUtils.murmurHash}), repeated here so
 * that the index, which does not depend on Flink, routes a service to the shard the job's sink
 * subtask for that service writes. {@code flink-jobs} tests that both agree.
 */
final class KeyHash {
  private KeyHash() {}

  /** Murmur3's 32-bit finalisation of one int, made non-negative as Flink does. */
  static int murmur(int code) {
    code *= 0xcc9e2d51;
    code = Integer.rotateLeft(code, 15);
    code *= 0x1b873593;
    code = Integer.rotateLeft(code, 13);
    code = code * 5 + 0xe6546b64;
    code ^= 4;
    code ^= code >>> 16;
    code *= 0x85ebca6b;
    code ^= code >>> 13;
    code *= 0xc2b2ae35;
    code ^= code >>> 16;
    if (code >= 0) {
      return code;
    }
    return code != Integer.MIN_VALUE ? -code : 0;
  }
}
