package dev.logrca.rules.correlate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Addresses a service's own lines reveal as its own, so that a peer named only by address resolves
 * to a service: a host or pod name that embeds an IPv4 address with dashes (EC2's {@code
 * ip-10-4-7-17}, a pod named after its address), or an address the service says it listens on; and
 * addresses any line pairs with a name ({@code payment/10.4.7.17:8080}).
 */
final class HostAddresses {
  private static final Pattern DASHED =
      Pattern.compile("(?:^|[^0-9])(\\d{1,3})-(\\d{1,3})-(\\d{1,3})-(\\d{1,3})(?:$|[^0-9])");

  /**
   * Servers announce where they listen: Go "listening on 10.4.7.17:8080", Node "Server listening at
   * http://10.4.7.17:3000", Kafka "advertised.listeners = PLAINTEXT://10.4.7.17:9092", gRPC "Server
   * started, listening on 10.4.7.17:50051", "bound to 10.4.7.17".
   */
  private static final Pattern ANNOUNCED =
      Pattern.compile(
          "(?i)\\b(?:listening (?:on|at)|bound to|binding to|serving (?:on|at)"
              + "|advertised[ .]\\S* ?[=:]?)\\s*(?:[a-z]+://)?((?:\\d{1,3}\\.){3}\\d{1,3})\\b");

  private static final String IPV4 = "((?:\\d{1,3}\\.){3}\\d{1,3})";

  /**
   * A name printed beside its address: Java's {@code InetSocketAddress} ({@code
   * payment/10.4.7.17:8080}, as Netty, Kafka and Hadoop print peers), grpc-go's {@code {Addr:
   * "10.4.7.17:50051", ServerName: "payment:50051"}}, and {@code payment (10.4.7.17:8080)}. Group 1
   * or 4 is the name, 2 or 3 the address.
   */
  private static final Pattern PAIRED =
      Pattern.compile(
          "(?i)(?<![\\w/:.-])([a-z][\\w.-]*[a-z0-9])(?:/| \\(|\\[)"
              + IPV4
              + "(?::\\d+)?\\b|Addr: ?\""
              + IPV4
              + "(?::\\d+)?\", ?ServerName: ?\"([a-z][\\w.-]*[a-z0-9])");

  private HostAddresses() {}

  /**
   * The {@code {name, address}} pairs a line prints; a name that is an address itself or a word of
   * a path ({@code GET /v1/10.0.0.1}) is none.
   */
  static java.util.List<String[]> pairedIn(String message) {
    if (message == null || message.length() > 2_000 || !mayPair(message)) {
      return java.util.List.of();
    }
    java.util.List<String[]> pairs = new java.util.ArrayList<>();
    Matcher m = PAIRED.matcher(message);
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(4);
      String address = m.group(2) != null ? m.group(2) : m.group(3);
      if (!name.matches("[\\d.]+") && !address.startsWith("127.") && !address.equals("0.0.0.0")) {
        pairs.add(new String[] {name.toLowerCase(java.util.Locale.ROOT), address});
      }
    }
    return pairs;
  }

  /**
   * A cheap look for what {@link #PAIRED} cannot match without: a dotted IPv4 address right after a
   * slash, a bracket or " (", or the word "Addr:". Every line comes here, and a digit before a dot
   * ({@code HTTP/1.1}, {@code rt=0.004}) is in most of them.
   */
  private static boolean mayPair(String message) {
    for (int i = 1; i < message.length(); i++) {
      char before = message.charAt(i - 1);
      boolean opens =
          before == '/'
              || before == '['
              || (before == '(' && i >= 2 && message.charAt(i - 2) == ' ');
      if (opens && ipv4At(message, i)) {
        return true;
      }
    }
    for (int i = message.indexOf(':'); i >= 4; i = message.indexOf(':', i + 1)) {
      if (message.regionMatches(true, i - 4, "addr", 0, 4)) {
        return true;
      }
    }
    return false;
  }

  /** Four groups of one to three digits joined by dots, starting at {@code start}. */
  private static boolean ipv4At(String message, int start) {
    int i = start;
    for (int group = 0; group < 4; group++) {
      int digits = 0;
      while (i < message.length() && Character.isDigit(message.charAt(i)) && digits < 4) {
        i++;
        digits++;
      }
      if (digits < 1 || digits > 3) {
        return false;
      }
      if (group < 3) {
        if (i >= message.length() || message.charAt(i) != '.') {
          return false;
        }
        i++;
      }
    }
    return true;
  }

  /** The dotted IPv4 address a host name embeds with dashes, or null. */
  static String embeddedIn(String host) {
    Matcher m = DASHED.matcher(host);
    if (!m.find()) {
      return null;
    }
    return m.group(1) + "." + m.group(2) + "." + m.group(3) + "." + m.group(4);
  }

  /** A cheap look for the words {@link #ANNOUNCED} needs (first letters in either case). */
  private static boolean mayAnnounce(String message) {
    return message.contains("isten")
        || message.contains("ound to")
        || message.contains("inding to")
        || message.contains("erving")
        || message.contains("dvertised");
  }

  /** The address a line says its service listens on, or null; wildcard addresses say nothing. */
  static String announcedIn(String message) {
    if (message == null || message.length() > 2_000 || !mayAnnounce(message)) {
      return null;
    }
    Matcher m = ANNOUNCED.matcher(message);
    if (!m.find()) {
      return null;
    }
    String address = m.group(1);
    return address.equals("0.0.0.0") || address.startsWith("127.") ? null : address;
  }
}
