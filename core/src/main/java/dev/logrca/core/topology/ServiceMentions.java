package dev.logrca.core.topology;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the names of peers in a log message: {@code postgres:5432}, {@code
 * http://inventory:8080/items}, {@code cart.shop.svc.cluster.local}, or a bare word such as {@code
 * payment}. Returns candidates in lower case; whether a candidate is a known service is decided by
 * the caller.
 */
final class ServiceMentions {
  private ServiceMentions() {}

  /**
   * The candidate names in {@code message}, each once, in order of appearance. A token is a run of
   * {@code [A-Za-z0-9_.-]} that starts with a letter or digit and follows none of those characters;
   * a {@code :port} of one to five digits after it counts when no letter, digit, '_' or '-' follows
   * the port. This reads the message once, by hand: it was a regular expression with look-behind
   * and look-ahead, run on every line when the topology is inferred.
   */
  static Set<Candidate> in(String message) {
    Set<Candidate> result = new LinkedHashSet<>();
    if (message == null) {
      return result;
    }
    int n = message.length();
    int i = 0;
    while (i < n) {
      if (!isLetterOrDigit(message.charAt(i)) || (i > 0 && isTokenChar(message.charAt(i - 1)))) {
        i++;
        continue;
      }
      int end = i + 1;
      while (end < n && isTokenChar(message.charAt(end))) {
        end++;
      }
      int portDigits = portDigits(message, end);
      add(message, i, end, portDigits > 0, result);
      i = portDigits > 0 ? end + 1 + portDigits : end;
    }
    return result;
  }

  /** The digits of a port at {@code colon} (':' and 1-5 digits, nothing word-like after), or 0. */
  private static int portDigits(String message, int colon) {
    int n = message.length();
    if (colon >= n || message.charAt(colon) != ':') {
      return 0;
    }
    int end = colon + 1;
    while (end < n && isDigit(message.charAt(end))) {
      end++;
    }
    int digits = end - colon - 1;
    boolean wordAfter = end < n && isTokenChar(message.charAt(end)) && message.charAt(end) != '.';
    return digits >= 1 && digits <= 5 && !wordAfter ? digits : 0;
  }

  private static void add(
      String message, int start, int end, boolean withPort, Set<Candidate> result) {
    String token = trimDots(message.substring(start, end).toLowerCase(Locale.ROOT));
    if (token.isEmpty() || isIp(token)) {
      return;
    }
    boolean urlHost = start >= 2 && message.startsWith("//", start - 2);
    boolean hostShaped = withPort || urlHost || isClusterDns(token);
    result.add(new Candidate(token, hostShaped));
    int dot = token.indexOf('.');
    if (dot > 0 && hostShaped) {
      // cart.shop.svc.cluster.local, payment.prod:8080: the first label is the service
      result.add(new Candidate(token.substring(0, dot), true));
    }
  }

  /** Digits in dot-separated groups: {@code 10.0.0.7}, {@code 2024}. */
  private static boolean isIp(String token) {
    boolean digitBefore = false;
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (isDigit(c)) {
        digitBefore = true;
      } else if (c == '.' && digitBefore && i + 1 < token.length()) {
        digitBefore = false;
      } else {
        return false;
      }
    }
    return digitBefore;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isLetterOrDigit(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isTokenChar(char c) {
    return isLetterOrDigit(c) || c == '_' || c == '.' || c == '-';
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
