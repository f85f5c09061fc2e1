package dev.logrca.rules.correlate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Addresses a service's own lines reveal as its own, so that a peer named only by address resolves
 * to a service: a host or pod name that embeds an IPv4 address with dashes (EC2's {@code
 * ip-10-4-7-17}, a pod named after its address), or an address the service says it listens on.
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

  private HostAddresses() {}

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
