package dev.logrca.core.topology;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the names of peers in a log message: {@code postgres:5432}, {@code
 * http://inventory:8080/items}, {@code cart.shop.svc.cluster.local}, or a bare word such as {@code
 * payment}. Returns candidates in lower case; whether a candidate is a known service is decided by
 * the caller.
 */
final class ServiceMentions {
  /** A host-like token, with an optional port. */
  private static final Pattern TOKEN =
      Pattern.compile(
          "(?<![A-Za-z0-9_.-])([A-Za-z0-9][A-Za-z0-9_.-]*)(?::(\\d{1,5}))?(?![A-Za-z0-9_-])");

  private static final Pattern IP = Pattern.compile("\\d+(\\.\\d+)*");

  private ServiceMentions() {}

  /** The candidate names in {@code message}, each once, in order of appearance. */
  static Set<Candidate> in(String message) {
    Set<Candidate> result = new LinkedHashSet<>();
    if (message == null) {
      return result;
    }
    Matcher m = TOKEN.matcher(message);
    while (m.find()) {
      String token = trimDots(m.group(1).toLowerCase(Locale.ROOT));
      boolean withPort = m.group(2) != null;
      if (token.isEmpty() || IP.matcher(token).matches()) {
        continue;
      }
      boolean urlHost = m.start() >= 2 && message.startsWith("//", m.start() - 2);
      boolean hostShaped = withPort || urlHost || isClusterDns(token);
      result.add(new Candidate(token, hostShaped));
      int dot = token.indexOf('.');
      if (dot > 0 && hostShaped) {
        // cart.shop.svc.cluster.local, payment.prod:8080: the first label is the service
        result.add(new Candidate(token.substring(0, dot), true));
      }
    }
    return result;
  }

  /**
   * Kubernetes and other internal DNS shapes: {@code name.ns.svc[.cluster.local]}, {@code
   * .internal}.
   */
  private static boolean isClusterDns(String token) {
    return token.contains(".svc")
        || token.endsWith(".local")
        || token.endsWith(".internal")
        || token.endsWith(".consul");
  }

  private static String trimDots(String token) {
    int end = token.length();
    while (end > 0 && (token.charAt(end - 1) == '.' || token.charAt(end - 1) == '-')) {
      end--;
    }
    return token.substring(0, end);
  }

  /**
   * One name found in a message.
   *
   * @param name the name, lower case
   * @param hostShaped true when it was written as a network address (with a port, in a URL, as a
   *     cluster DNS name), which makes it a peer even before that peer logs anything itself
   */
  record Candidate(String name, boolean hostShaped) {}
}
