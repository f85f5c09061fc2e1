package dev.logrca.core.topology;

import java.util.HashMap;
import java.util.Map;

/**
 * Who called whom in one trace, from the first and last time each service logged in it: a service's
 * caller is the one whose lines enclose its own most tightly (a caller logs before it calls and
 * after the answer comes back); a service no other encloses is called by the one that logged first.
 */
final class TraceCallers {
  private TraceCallers() {}

  /** Each service of the trace but its root, with its caller. */
  static Map<String, String> of(Map<String, long[]> trace) {
    Map<String, String> callers = new HashMap<>();
    Map<String, long[]> tops = new HashMap<>();
    for (Map.Entry<String, long[]> callee : trace.entrySet()) {
      String caller = encloser(trace, callee.getKey(), callee.getValue());
      if (caller == null) {
        tops.put(callee.getKey(), callee.getValue());
      } else {
        callers.put(callee.getKey(), caller);
      }
    }
    String root = root(tops);
    tops.keySet().stream().filter(top -> !top.equals(root)).forEach(top -> callers.put(top, root));
    return callers;
  }

  /** The service whose lines enclose {@code inner}'s most tightly, or null. */
  private static String encloser(Map<String, long[]> trace, String service, long[] inner) {
    String caller = null;
    long tightest = Long.MAX_VALUE;
    for (Map.Entry<String, long[]> c : trace.entrySet()) {
      long[] outer = c.getValue();
      boolean encloses =
          !c.getKey().equals(service)
              && outer[0] <= inner[0]
              && outer[1] >= inner[1]
              && outer[1] - outer[0] > inner[1] - inner[0];
      if (encloses
          && (outer[1] - outer[0] < tightest
              || (outer[1] - outer[0] == tightest && c.getKey().compareTo(caller) < 0))) {
        tightest = outer[1] - outer[0];
        caller = c.getKey();
      }
    }
    return caller;
  }

  /** The service that logged first in the trace; ties go to the smaller name. */
  private static String root(Map<String, long[]> trace) {
    String root = null;
    for (Map.Entry<String, long[]> e : trace.entrySet()) {
      long first = e.getValue()[0];
      if (root == null
          || first < trace.get(root)[0]
          || (first == trace.get(root)[0] && e.getKey().compareTo(root) < 0)) {
        root = e.getKey();
      }
    }
    return root;
  }
}
