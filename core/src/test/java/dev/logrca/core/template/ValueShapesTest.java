package dev.logrca.core.template;

import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Holds each hand-written matcher to the regular expression it replaces, on every token and
 * sub-token of the Loghub corpus and on many random strings made of the characters that matter.
 */
class ValueShapesTest {
  private static final String ALPHABET =
      "0123456789abcdefxXABCDEFGKMTPikmgtbBvVsnuhrd.:-/_+%eE µ[]y";
  private static final RegexAgreement SAMPLES = new RegexAgreement(ALPHABET, 1, 200_000);

  @Test
  void uuid() {
    agree(
        "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
        ValueShapes::isUuid, "123e4567-e89b-12d3-a456-426614174000");
  }

  @Test
  void ipv4() {
    agree("/?\\d{1,3}(\\.\\d{1,3}){3}", ValueShapes::isIpv4, "/10.0.0.1", "1.2.3.4");
  }

  @Test
  void slashSocket() {
    agree(
        "/\\d{1,3}(\\.\\d{1,3}){3}:\\d{1,5}",
        ValueShapes::isSlashSocket, "/10.250.19.102:54106", "/1.2.3.4:123456");
  }

  @Test
  void mac() {
    agree(
        "[0-9a-fA-F]{2}([:-][0-9a-fA-F]{2}){5,}",
        ValueShapes::isMac, "00:1a:2B:3c:4d:5e", "00-1a-2B:3c:4d:5e:ff");
  }

  @Test
  void hex() {
    agree("0[xX][0-9a-fA-F]+|[0-9a-fA-F]{8,}", ValueShapes::isHex, "0x1F", "deadbeef", "0xg");
  }

  @Test
  void number() {
    agree("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?%?", ValueShapes::isNumber, "-1.5e-3%", "1e", "1.%");
  }

  @Test
  void duration() {
    agree(
        "[-+]?\\d+(\\.\\d+)?(ns|us|µs|ms|s|sec|secs|m|min|mins|h|hr|hrs|d)",
        ValueShapes::isDuration,
        "12ms",
        "-1.5µs",
        "3hrs",
        "1.s");
  }

  @Test
  void size() {
    agree(
        "\\d+(\\.\\d+)?\\s?([KMGTP]i?B|[KMGTPkmgt]|[kmgt]b|bytes)",
        ValueShapes::isSize,
        "4.5MB",
        "16K",
        "3\tKiB",
        "12 bytes",
        "1B");
  }

  @Test
  void version() {
    agree(
        "[vV]?\\d+(\\.\\d+)+([-+._]\\w+)*",
        ValueShapes::isVersion,
        "1.4.1",
        "v2.0",
        "2.7.1-rc1",
        "1.2_",
        "1.2__",
        "1.2.",
        "1.2-a.b+c_d",
        "V1.2.3.4a",
        "1.2-",
        "1.2a");
  }

  @Test
  void nameThenNumber() {
    agree(
        "([A-Za-z][A-Za-z0-9]*(-[A-Za-z][A-Za-z0-9]*)*\\.+"
            + "|[A-Za-z_]*_[A-Za-z_]*(-[A-Za-z][A-Za-z0-9]*)*\\.+|[A-Za-z][A-Za-z0-9]*-|\\.+)"
            + "\\d+(\\.\\d+)*",
        ValueShapes::isNameThenNumber,
        "core.2275",
        "__tcp_block_invoke.434",
        "_a.1",
        "a_b-7",
        "a_-7",
        "_-7",
        "dquot_6.5.1",
        "a_b-c.7",
        "i-fetch......0",
        "mesos-slave-07",
        "a-b-7",
        "a-b.7",
        "a-.5",
        "instruction......0",
        "jetty-6.1.26",
        "...7",
        "a1-2.",
        "x-.1");
  }

  private static void agree(String regex, Predicate<String> matcher, String... examples) {
    SAMPLES.agree(regex, matcher, examples);
  }
}
