package dev.logrca.rules.signature;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the peer a failure line names: the host in {@code dial tcp postgres:5432}, {@code
 * Connection to postgres:5432 refused}, nginx's {@code upstream: "http://10.0.0.5:8080/"}, a JDBC
 * or Redis URL, Node's {@code connect ECONNREFUSED 10.0.0.5:6379}, the process of an OOM kill.
 * Patterns are tried most specific first; the first hit wins.
 */
public final class Targets {
  private static final List<Pattern> PATTERNS =
      List.of(
          // the client whose credentials a server rejects: PostgreSQL, MySQL
          p("(?:authentication failed|Access denied) for user ['\"]?([\\w.-]+)"),
          p("upstream: \"[a-z]+://\\[?([^/\\]:\"]+)"),
          p("lookup ([\\w.-]+?)(?: on [\\d.:\\[\\]]+)?: (?:no such host|server misbehaving)"),
          p("dial tcp \\[?([\\w.:-]+?)\\]?:\\d+"),
          p("Connection to ([\\w.-]+):\\d+ refused"),
          p("Can't connect to (?:MySQL|MariaDB) server on '([^':]+)"),
          p("(?:ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH|ECONNRESET|ENOTFOUND|EAI_AGAIN) ([\\w.-]+)"),
          p("UnknownHostException: ([\\w.-]+)"),
          p("Killed process \\d+ \\(([^)]+)\\)"),
          p("oom-kill:.*task=([\\w.-]+)"),
          p("System OOM encountered, victim process: ([\\w.-]+)"),
          p("(?:failed )?container \"?([\\w.-]+)\"? in pod"),
          p("jdbc:\\w+://([\\w.-]+)"),
          // Hadoop's NetUtils: "Call From a/10.0.0.1 to b:8020 failed on connection exception"
          p("\\bto ([a-z0-9][\\w.-]*):\\d{2,5} failed\\b"),
          // Java's InetSocketAddress prints "host/ip:port": Netty, Lettuce, Jedis, OkHttp
          p("\\b([a-z][\\w.-]*)/(?:\\d{1,3}\\.){3}\\d{1,3}:\\d{2,5}\\b"),
          p(
              "\\b(?:https?|grpcs?|redis|rediss|mongodb|amqps?|postgres(?:ql)?|mysql|kafka|tcp)://"
                  + "(?:[^@/\\s]+@)?\\[?([\\w.-]+)"),
          p(
              "(?:connect(?:ing)? to|connection to|calling|call to|request to|host[=:]"
                  + "|server[=:]|broker|upstream[=:]|node) ['\"]?([a-z0-9][\\w.-]*)(?::\\d+)?"),
          // a bare "word:1234" is as often an id as a peer; only addresses and dotted names count,
          // and not a client a server names ("TLS handshake error from 10.0.2.25:41234")
          p(
              "(?<!from )\\b((?:\\d{1,3}\\.){3}\\d{1,3}|[a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+):\\d{2,5}\\b"));

  /**
   * The kubelet probing a pod names the pod's own address ({@code Liveness probe failed: Get
   * "http://10.244.1.17:8080/healthz"}): the failure is the probed service's, not a peer's.
   */
  private static final Pattern PROBE = p("\\b(?:Readiness|Liveness|Startup) probe failed");

  private static final Pattern IP =
      Pattern.compile("(?:\\d{1,3}\\.){3}\\d{1,3}|[0-9a-f:]+:[0-9a-f:]*");
  private static final Pattern SOURCE_FILE =
      Pattern.compile(".*\\.(?:java|go|py|js|ts|rb|scala|kt|c|cc|cpp|rs)$");

  /**
   * A party outside the system named by its role rather than its host: "payment provider responding
   * slowly", "third-party API timed out", "SMS gateway unavailable", Stripe or Adyen as a PSP.
   */
  private static final Pattern OUTSIDE_PARTY =
      p(
          "\\b(?:third[- ]party|external (?:api|service|provider|endpoint|vendor)"
              + "|(?:payment|identity|sms|e-?mail|mail|oauth2?|oidc|sso|shipping|tax|fraud|kyc)"
              + " (?:provider|processor|vendor)|(?:sms|e-?mail|mail) gateway|psp)\\b");

  /**
   * A link a line quotes for the reader ("For more details see: http://wiki.apache.org/hadoop/...",
   * "see https://docs.example.com/errors/42"): its host is documentation, never a peer.
   */
  private static final Pattern REFERENCE_BEFORE =
      p("(?:\\bsee|details|refer to|visit|documentation|more information)\\W{0,8}$");

  private static final Pattern DOCUMENTATION_HOST =
      p("^(?:wiki|docs?|help|kb|support|developers?|manual|errors?)\\.[\\w.-]+$");

  /**
   * A link to a page for the reader, whatever its host: {@code https://cwiki.apache.org/confluence/
   * display/...}, {@code https://example.com/docs/errors#42}, a wiki, a manual, a FAQ.
   */
  private static final Pattern DOCUMENTATION_PATH =
      p(
          "(?::\\d+)?/(?:wiki|docs?|documentation|manual|help|faq|kb|guides?|confluence)(?:[/#?.]|$)");

  private Targets() {}

  private static Pattern p(String regex) {
    return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
  }

  /** The host or process the line names as the failing peer, lower case, or null. */
  public static String find(String message) {
    if (message == null || PROBE.matcher(message).find()) {
      return null;
    }
    for (Pattern pattern : PATTERNS) {
      Matcher m = pattern.matcher(message);
      while (m.find()) {
        String host = clean(m.group(1));
        if (host != null && !quotedForTheReader(message, m.start(), m.end(1), host)) {
          return host;
        }
      }
    }
    return null;
  }

  /**
   * True when the line names a party outside the system by its role, as a caller of a payment or
   * identity provider words its trouble: that party, not one of the system's own services, is what
   * the line is about.
   */
  public static boolean namesOutsideParty(String message) {
    return message != null && OUTSIDE_PARTY.matcher(message).find();
  }

  private static boolean quotedForTheReader(String message, int start, int hostEnd, String host) {
    if (DOCUMENTATION_HOST.matcher(host).matches()
        || DOCUMENTATION_PATH.matcher(message).region(hostEnd, message.length()).lookingAt()) {
      return true;
    }
    String before = message.substring(Math.max(0, start - 24), start);
    return REFERENCE_BEFORE.matcher(before).find();
  }

  /** True for an IPv4 or IPv6 literal. */
  public static boolean isAddress(String host) {
    return host != null && IP.matcher(host).matches();
  }

  private static String clean(String raw) {
    String host = raw.toLowerCase(Locale.ROOT).replaceAll("^[\\[\"']+|[\\]\"'.]+$", "");
    if (host.isEmpty() || SOURCE_FILE.matcher(host).matches() || host.matches("\\d+")) {
      return null;
    }
    return host;
  }
}
