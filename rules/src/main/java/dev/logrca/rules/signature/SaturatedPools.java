package dev.logrca.rules.signature;

import static dev.logrca.rules.signature.Signatures.POOL_EXHAUSTED;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The counters a thread or connection pool prints: a pool whose every worker or connection is busy
 * (and, for connections, has waiters) is exhausted, whatever product owns it.
 */
final class SaturatedPools {
  /**
   * Spring's and the JDK's ThreadPoolExecutor#toString: "pool size = 200, active threads = 200".
   */
  static final Pattern THREAD_POOL = Pattern.compile("pool size = (\\d+), active threads = (\\d+)");

  /** HikariCP "(total=10, active=10, idle=0, waiting=3)", Tomcat "[size:100; busy:100; idle:0". */
  static final Pattern CONNECTION_POOL =
      Pattern.compile(
          "total=(\\d+), active=(\\d+), idle=0, waiting=[1-9]|size:(\\d+); busy:(\\d+); idle:0");

  private SaturatedPools() {}

  /** A pool whose every worker or connection is busy (and, for connections, has waiters). */
  static void addSaturatedPool(String message, Set<String> found) {
    Matcher threads = THREAD_POOL.matcher(message);
    // an empty pool (a stopped executor's "pool size = 0, active threads = 0") is not a busy one
    if (threads.find()
        && threads.group(1).equals(threads.group(2))
        && !threads.group(1).equals("0")) {
      found.add(POOL_EXHAUSTED);
    }
    Matcher connections = CONNECTION_POOL.matcher(message);
    if (connections.find()) {
      String size = connections.group(1) != null ? connections.group(1) : connections.group(3);
      String busy = connections.group(2) != null ? connections.group(2) : connections.group(4);
      if (size.equals(busy) && !size.equals("0")) {
        found.add(POOL_EXHAUSTED);
      }
    }
  }
}
