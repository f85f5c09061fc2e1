package dev.logrca.rules.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one-pass matcher against the expressions run one after another, as {@code Signatures.find}
 * did before it: the same names for every line of each corpus (the phrases of the rules' tests and
 * scenarios, distinct lines of simulator runs of every scenario, of the real Train-Ticket and
 * Online Boutique runs and of Loghub), for each line alone and for each two lines joined as a
 * folded stack trace is. The generic evidence's own prefilter is held to the same standard.
 */
class SignatureMatcherDifferentialTest {

  @ParameterizedTest
  @ValueSource(strings = {"test-phrases.txt", "simulator.txt", "real-faults.txt", "loghub.txt"})
  void findsWhatEveryExpressionInTurnFinds(String corpus) throws IOException {
    List<String> lines = read(corpus);
    int matched = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Set<String> expected = eachInTurn(line);
      assertThat(Signatures.find(line)).as(line).isEqualTo(expected);
      matched += expected.isEmpty() ? 0 : 1;
      if (i > 0) {
        String joined = lines.get(i - 1) + "\n" + line;
        assertThat(Signatures.find(joined)).as(joined).isEqualTo(eachInTurn(joined));
      }
    }
    // a corpus where nothing matches would prove nothing about the prefilter
    assertThat(matched).as("lines with a signature in " + corpus).isGreaterThan(10);
  }

  @ParameterizedTest
  @ValueSource(strings = {"test-phrases.txt", "simulator.txt", "real-faults.txt", "loghub.txt"})
  void genericEvidenceFindsWhatEachOfItsExpressionsFinds(String corpus) throws IOException {
    List<String> lines = read(corpus);
    int matched = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Set<String> expected = GenericEvidence.findEachInTurn(line);
      assertThat(GenericEvidence.find(line)).as(line).isEqualTo(expected);
      matched += expected.isEmpty() ? 0 : 1;
      if (i > 0) {
        String joined = lines.get(i - 1) + "\n" + line;
        assertThat(GenericEvidence.find(joined))
            .as(joined)
            .isEqualTo(GenericEvidence.findEachInTurn(joined));
      }
    }
    assertThat(matched).as("lines with generic evidence in " + corpus).isGreaterThan(0);
  }

  /**
   * The former {@code Signatures.find}: every expression run on the whole text, with the generic
   * evidence (which runs beside the matcher) joined before the bare connect failure is judged.
   */
  private static Set<String> eachInTurn(String message) {
    Set<String> found = new TreeSet<>();
    Signatures.table()
        .forEach(
            (name, pattern) -> {
              if (pattern.matcher(message).find()) {
                found.add(name);
              }
            });
    found.addAll(GenericEvidence.findEachInTurn(message));
    Pattern connectFailed = Signatures.connectFailed();
    boolean reasonNamed =
        found.stream()
            .anyMatch(
                n ->
                    Set.of(
                            Signatures.REFUSED,
                            Signatures.TIMEOUT,
                            Signatures.UNREACHABLE,
                            Signatures.RESET,
                            Signatures.DNS,
                            Signatures.CERTIFICATE,
                            Signatures.CREDENTIALS,
                            Signatures.CONNECTION_LIMIT,
                            Signatures.NOT_READY,
                            Signatures.SHUTDOWN)
                        .contains(n));
    if (!reasonNamed && connectFailed.matcher(message).find()) {
      found.add(Signatures.REFUSED);
    }
    Signatures.dropStoppedExecutor(message, found);
    return found;
  }

  private static List<String> read(String corpus) throws IOException {
    try (InputStream in =
        SignatureMatcherDifferentialTest.class.getResourceAsStream("/signature-corpus/" + corpus)) {
      List<String> lines = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isEmpty()) {
          lines.add(line);
        }
      }
      return lines;
    }
  }
}
