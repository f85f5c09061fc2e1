package dev.logrca.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Holds each hand-written matcher to the regular expression it replaces, on every token and
 * sub-token of the Loghub corpus and on many random strings made of the characters that matter.
 */
class ValueShapesTest {
  private static final String ALPHABET =
      "0123456789abcdefxXABCDEFGKMTPikmgtbBvVsnuhrd.:-/_+%eE µ[]y";
  private static final List<String> SAMPLES = samples();

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
  void nameThenNumber() {
    agree(
        "([A-Za-z][A-Za-z0-9]*(-[A-Za-z][A-Za-z0-9]*)*\\.+|[A-Za-z][A-Za-z0-9]*-|\\.+)"
            + "\\d+(\\.\\d+)*",
        ValueShapes::isNameThenNumber,
        "core.2275",
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
    Pattern pattern = Pattern.compile(regex);
    List<String> all = new ArrayList<>(List.of(examples));
    all.addAll(SAMPLES);
    int matched = 0;
    for (String sample : all) {
      boolean expected = pattern.matcher(sample).matches();
      assertThat(matcher.test(sample)).as("'%s' against %s", sample, regex).isEqualTo(expected);
      matched += expected ? 1 : 0;
    }
    assertThat(matched).as("samples the shape accepts").isGreaterThan(0);
  }

  private static List<String> samples() {
    Set<String> samples = new LinkedHashSet<>();
    for (String system : LoghubCorpus.SYSTEMS) {
      for (LoghubCorpus.Line line : LoghubCorpus.lines(system)) {
        for (String word : line.content().split("\\s+")) {
          samples.add(word);
          for (String piece : word.split("[\\s=,;()\\[\\]{}<>'\"#|!?&*@]")) {
            samples.add(piece);
            int colon = piece.indexOf(':');
            if (colon > 0) {
              samples.add(piece.substring(colon + 1));
            }
          }
        }
      }
    }
    SplittableRandom random = new SplittableRandom(42);
    List<String> seeds = new ArrayList<>(samples);
    for (int i = 0; i < 200_000; i++) {
      if (i % 2 == 0) {
        samples.add(randomString(random, 1 + random.nextInt(20)));
      } else {
        samples.add(mutate(random, seeds.get(random.nextInt(seeds.size()))));
      }
    }
    return new ArrayList<>(samples);
  }

  private static String randomString(SplittableRandom random, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return out.toString();
  }

  private static String mutate(SplittableRandom random, String seed) {
    StringBuilder out = new StringBuilder(seed);
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits; e++) {
      int at = out.length() == 0 ? 0 : random.nextInt(out.length());
      char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
      switch (random.nextInt(3)) {
        case 0 -> out.insert(at, c);
        case 1 -> {
          if (out.length() > 0) {
            out.deleteCharAt(at);
          }
        }
        default -> {
          if (out.length() > 0) {
            out.setCharAt(at, c);
          }
        }
      }
    }
    return out.toString();
  }
}
