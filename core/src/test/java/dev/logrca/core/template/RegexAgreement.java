package dev.logrca.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Holds a hand-written matcher to the regular expression it replaces: both must accept exactly the
 * same strings among the words, pieces of words and runs of words of the Loghub corpus, and many
 * random strings and mutated real words made of the characters that matter.
 */
final class RegexAgreement {
  private final List<String> samples;

  /** Samples from the Loghub words, their pieces and runs of up to {@code maxWords} words. */
  RegexAgreement(String alphabet, int maxWords, int randomSamples) {
    this.samples = samples(alphabet, maxWords, randomSamples);
  }

  List<String> samples() {
    return samples;
  }

  /**
   * Asserts that {@code matcher} accepts what {@code regex} matches, on the samples and examples.
   */
  void agree(String regex, Predicate<String> matcher, String... examples) {
    Pattern pattern = Pattern.compile(regex);
    List<String> all = new ArrayList<>(List.of(examples));
    all.addAll(samples);
    int matched = 0;
    for (String sample : all) {
      boolean expected = pattern.matcher(sample).matches();
      assertThat(matcher.test(sample)).as("'%s' against %s", sample, regex).isEqualTo(expected);
      matched += expected ? 1 : 0;
    }
    assertThat(matched).as("samples the shape accepts").isGreaterThan(0);
  }

  private static List<String> samples(String alphabet, int maxWords, int randomSamples) {
    Set<String> samples = new LinkedHashSet<>();
    for (String system : LoghubCorpus.SYSTEMS) {
      for (LoghubCorpus.Line line : LoghubCorpus.lines(system)) {
        String[] words = line.content().split("\\s+");
        for (int w = 0; w < words.length; w++) {
          String word = words[w];
          samples.add(word);
          for (String piece : word.split("[\\s=,;()\\[\\]{}<>'\"#|!?&*@]")) {
            samples.add(piece);
            int colon = piece.indexOf(':');
            if (colon > 0) {
              samples.add(piece.substring(colon + 1));
            }
          }
          StringBuilder run = new StringBuilder(word);
          for (int next = w + 1; next < Math.min(words.length, w + maxWords); next++) {
            samples.add(run.append(' ').append(words[next]).toString());
          }
        }
      }
    }
    SplittableRandom random = new SplittableRandom(42);
    List<String> seeds = new ArrayList<>(samples);
    for (int i = 0; i < randomSamples; i++) {
      if (i % 2 == 0) {
        samples.add(randomString(random, alphabet, 1 + random.nextInt(20)));
      } else {
        samples.add(mutate(random, alphabet, seeds.get(random.nextInt(seeds.size()))));
      }
    }
    return new ArrayList<>(samples);
  }

  private static String randomString(SplittableRandom random, String alphabet, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  private static String mutate(SplittableRandom random, String alphabet, String seed) {
    StringBuilder out = new StringBuilder(seed);
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits; e++) {
      int at = out.length() == 0 ? 0 : random.nextInt(out.length());
      char c = alphabet.charAt(random.nextInt(alphabet.length()));
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
