package dev.logrca.core.detect.registry;

import dev.logrca.core.detect.session.Session;
import dev.logrca.core.detect.session.SessionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Sessions of a checkout flow for the session-model tests (here and in flink-jobs, through core's
 * test jar): cart, 1-3 prices, payment, and an order stored; the same seed gives the same sessions.
 */
public final class CheckoutRequests {
  private CheckoutRequests() {}

  /**
   * {@code n} requests, ids {@code idPrefix + i}, a second apart; {@code storeShare} of them store
   * their order, and each payment is retried {@code retries} times first.
   */
  public static List<Session> of(
      String idPrefix, int n, long seed, double storeShare, int retries) {
    Random random = new Random(seed);
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<SessionEvent> events = new ArrayList<>();
      long t = 1_000L * i;
      events.add(new SessionEvent(t, "cart", "cart:1", "cart loaded"));
      for (int p = 0, k = 1 + random.nextInt(3); p < k; p++) {
        events.add(new SessionEvent(t + 1 + p, "pricing", "pricing:2", "price quoted"));
      }
      for (int r = 0; r < retries; r++) {
        events.add(new SessionEvent(t + 4, "payment", "payment:5", "payment retried"));
      }
      events.add(new SessionEvent(t + 5, "payment", "payment:3", "payment authorised"));
      if (random.nextDouble() < storeShare) {
        events.add(new SessionEvent(t + 6, "order", "order:4", "order stored"));
      }
      sessions.add(Session.of(idPrefix + i, events));
    }
    return sessions;
  }
}
