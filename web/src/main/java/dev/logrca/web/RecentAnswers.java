package dev.logrca.web;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.LongAdder;

/**
 * The JSON bytes of recent answers, keyed by what was asked (parsed, so relative times are
 * resolved) and the index versions it was answered at, least recently used dropped first within a
 * byte budget. An answer is only reused while no commit has landed since: a dashboard refreshing
 * the same panels costs one search per commit, not one per viewer.
 */
final class RecentAnswers {
  /** 32 MB: thousands of pages of 50 events. */
  static final long DEFAULT_BUDGET = 32L << 20;

  private final long budget;
  private final LinkedHashMap<Key, byte[]> answers = new LinkedHashMap<>(256, 0.75f, true);
  private final Map<Key, CompletableFuture<byte[]>> inFlight = new ConcurrentHashMap<>();
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private long bytes;

  RecentAnswers(long budget) {
    this.budget = budget;
  }

  /**
   * One question at one pair of index versions.
   *
   * @param question what was asked: the route and its parsed parameters, each with value equality
   * @param eventsVersion the event index version the answer reads
   * @param incidentsVersion the incident index version the answer reads
   */
  record Key(Object question, long eventsVersion, long incidentsVersion) {}

  /** Computes an answer's bytes, or null for one not to keep (a 404). */
  @FunctionalInterface
  interface Computation {
    byte[] get() throws IOException;
  }

  /**
   * The answer to {@code key}: the one kept, the one another thread is computing now, or {@code
   * compute}'s, kept for the next time unless null. A failure reaches every thread that waited.
   */
  byte[] answer(Key key, Computation compute) throws IOException {
    byte[] kept = get(key);
    if (kept != null) {
      return kept;
    }
    CompletableFuture<byte[]> mine = new CompletableFuture<>();
    CompletableFuture<byte[]> running = inFlight.putIfAbsent(key, mine);
    if (running != null) {
      return await(running);
    }
    try {
      byte[] computed = compute.get();
      if (computed != null) {
        put(key, computed);
      }
      mine.complete(computed);
      return computed;
    } catch (Throwable t) {
      mine.completeExceptionally(t);
      throw t;
    } finally {
      inFlight.remove(key, mine);
    }
  }

  private static byte[] await(CompletableFuture<byte[]> running) throws IOException {
    try {
      return running.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted waiting for the same question's answer");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw (Error) cause;
    }
  }

  /** The answer kept for {@code key}, or null. */
  byte[] get(Key key) {
    byte[] found;
    synchronized (this) {
      found = answers.get(key);
    }
    (found == null ? misses : hits).increment();
    return found;
  }

  /** Keeps {@code answer} for {@code key}, dropping the least recently used over the budget. */
  synchronized void put(Key key, byte[] answer) {
    if (answer.length > budget) {
      return;
    }
    byte[] old = answers.put(key, answer);
    bytes += answer.length - (old == null ? 0 : old.length);
    Iterator<Map.Entry<Key, byte[]>> oldest = answers.entrySet().iterator();
    while (bytes > budget && oldest.hasNext()) {
      bytes -= oldest.next().getValue().length;
      oldest.remove();
    }
  }

  /** Prometheus lines: answers reused and answers computed. */
  void write(StringBuilder out) {
    out.append("# HELP logrca_answer_cache_total API answers reused from the cache or computed.\n");
    out.append("# TYPE logrca_answer_cache_total counter\n");
    out.append("logrca_answer_cache_total{result=\"hit\"} ").append(hits.sum()).append('\n');
    out.append("logrca_answer_cache_total{result=\"miss\"} ").append(misses.sum()).append('\n');
  }
}
