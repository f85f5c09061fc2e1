package dev.logrca.core.template;

import static dev.logrca.core.template.CharRuns.hexEnd;
import static dev.logrca.core.template.CharRuns.isWordChar;

/**
 * Hand-written matchers for network and device addresses: host and port, IPv6, URLs, hex groups,
 * and an IPv4 address inside a longer token. Each accepts exactly what the regular expression in
 * its comment accepts ({@code AddressShapesTest} holds them to it).
 */
final class AddressShapes {
  private AddressShapes() {}

  /** {@code /?(\[[0-9a-fA-F:.]+]|[\w.-]*[\d.-][\w.-]*)(/[\w.:-]+)?:\d{1,5}}. */
  static boolean isHostPort(String s) {
    int n = s.length();
    // the port's colon is the last one: only digits follow it
    int colon = s.lastIndexOf(':');
    if (colon < 0 || n - colon - 1 < 1 || n - colon - 1 > 5) {
      return false;
    }
    if (CharRuns.digitsEnd(s, colon + 1, n) != n) {
      return false;
    }
    int i = colon > 0 && s.charAt(0) == '/' ? 1 : 0;
    i = i < colon && s.charAt(i) == '[' ? bracketedEnd(s, i, colon) : hostEnd(s, i, colon);
    if (i < 0 || i == colon) {
      return i == colon;
    }
    // a path after the host: /[\w.:-]+
    if (s.charAt(i) != '/' || i + 1 == colon) {
      return false;
    }
    for (int p = i + 1; p < colon; p++) {
      char c = s.charAt(p);
      if (!isWordChar(c) && c != '.' && c != ':' && c != '-') {
        return false;
      }
    }
    return true;
  }

  /** The end of {@code \[[0-9a-fA-F:.]+]} from {@code from}, or -1. */
  private static int bracketedEnd(String s, int from, int to) {
    int i = from + 1;
    while (i < to && (ValueShapes.isHex(s.charAt(i)) || s.charAt(i) == ':' || s.charAt(i) == '.')) {
      i++;
    }
    return i > from + 1 && i < to && s.charAt(i) == ']' ? i + 1 : -1;
  }

  /** The end of {@code [\w.-]*[\d.-][\w.-]*} from {@code from}, or -1. */
  private static int hostEnd(String s, int from, int to) {
    boolean numbered = false;
    int i = from;
    for (; i < to; i++) {
      char c = s.charAt(i);
      if (c == '.' || c == '-' || ValueShapes.isDigit(c)) {
        numbered = true;
      } else if (!isWordChar(c)) {
        break;
      }
    }
    return numbered ? i : -1;
  }

  /** {@code /?\[?[0-9a-fA-F]{0,4}(:[0-9a-fA-F]{0,4}){2,7}]?(%\w+)?}. */
  static boolean isIpv6(String s) {
    int n = s.length();
    int i = 0;
    if (i < n && s.charAt(i) == '/') {
      i++;
    }
    if (i < n && s.charAt(i) == '[') {
      i++;
    }
    int end = hexEnd(s, i, n);
    if (end - i > 4) {
      return false;
    }
    i = end;
    int groups = 0;
    while (i < n && s.charAt(i) == ':') {
      end = hexEnd(s, i + 1, n);
      if (end - i - 1 > 4) {
        return false;
      }
      i = end;
      groups++;
    }
    if (groups < 2 || groups > 7) {
      return false;
    }
    if (i < n && s.charAt(i) == ']') {
      i++;
    }
    if (i == n) {
      return true;
    }
    // a zone: %eth0
    return s.charAt(i) == '%' && i + 1 < n && CharRuns.wordEnd(s, i + 1, n) == n;
  }

  /** {@code [a-zA-Z][a-zA-Z0-9+.-]*://\S*}. */
  static boolean isUrl(String s) {
    int n = s.length();
    if (n == 0 || !isLetter(s.charAt(0))) {
      return false;
    }
    int i = 1;
    while (i < n && isSchemeChar(s.charAt(i))) {
      i++;
    }
    if (!s.startsWith("://", i)) {
      return false;
    }
    for (int p = i + 3; p < n; p++) {
      if (CharRuns.isSpace(s.charAt(p))) {
        return false;
      }
    }
    return true;
  }

  /** {@code [0-9a-fA-F]+(:[0-9a-fA-F]+)+(\.[0-9a-fA-F]+)?}: a bus or device address. */
  static boolean isHexGroups(String s) {
    int n = s.length();
    int i = hexEnd(s, 0, n);
    if (i == 0) {
      return false;
    }
    int groups = 0;
    while (i < n && s.charAt(i) == ':') {
      int end = hexEnd(s, i + 1, n);
      if (end == i + 1) {
        return false;
      }
      i = end;
      groups++;
    }
    if (groups == 0 || i == n) {
      return groups > 0;
    }
    return s.charAt(i) == '.' && i + 1 < n && hexEnd(s, i + 1, n) == n;
  }

  /**
   * The end of an IPv4 address, with its port, that starts at {@code start} and stands apart from
   * the text around it, or -1: what {@code (?<![\w.])\d{1,3}(\.\d{1,3}){3}(:\d{1,5})?(?![\w.])}
   * matches from there.
   */
  static int embeddedIpv4End(String s, int start) {
    int n = s.length();
    if (!ValueShapes.isDigit(s.charAt(start)) || (start > 0 && isNamePart(s.charAt(start - 1)))) {
      return -1;
    }
    int i = start;
    for (int part = 0; part < 4; part++) {
      i = CharRuns.digits(s, part == 0 ? i : CharRuns.is(s, i, n, '.'), n, 1, 3);
      if (i < 0) {
        return -1;
      }
    }
    if (i < n && s.charAt(i) == ':') {
      int port = CharRuns.digitsEnd(s, i + 1, n);
      boolean apart = port == n || !isNamePart(s.charAt(port));
      // without its port the address still stands apart: a colon follows it
      return port - i - 1 >= 1 && port - i - 1 <= 5 && apart ? port : i;
    }
    return i < n && isNamePart(s.charAt(i)) ? -1 : i;
  }

  /**
   * A mailbox or a user at a host ({@code alice7@example.org}, {@code root@node-12}): one address,
   * however its halves vary. A hex run after the at sign is a Java object's identity hash ({@code
   * Session@6fc8dcca}), which keeps its class name.
   */
  static boolean isMailbox(String s) {
    int at = s.indexOf('@');
    int n = s.length();
    if (at <= 0 || at == n - 1 || s.indexOf('@', at + 1) >= 0) {
      return false;
    }
    boolean digitOrDot = false;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      boolean part = isWordChar(c) || c == '.' || c == '-' || (c == '+' && i < at);
      if (i != at && !part) {
        return false;
      }
      digitOrDot |= i > at && (c == '.' || ValueShapes.isDigit(c));
    }
    return digitOrDot && !ValueShapes.isHex(s.substring(at + 1)) && isLetter(s.charAt(at + 1));
  }

  /** {@code [\w.]}: what may not touch an embedded address. */
  private static boolean isNamePart(char c) {
    return isWordChar(c) || c == '.';
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isSchemeChar(char c) {
    return isLetter(c) || ValueShapes.isDigit(c) || c == '+' || c == '.' || c == '-';
  }
}
