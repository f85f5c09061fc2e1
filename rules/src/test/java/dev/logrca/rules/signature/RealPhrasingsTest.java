package dev.logrca.rules.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every phrasing of {@code phrasings/real-software.tsv} (what PostgreSQL, Kafka, the JVM, Go, Node,
 * the kernel, Kubernetes and others really log, each citing its project and file) carries a
 * signature that the rules turn into the phrasing's category.
 */
class RealPhrasingsTest {
  /** The signatures whose rules conclude each category (see the DRL packs). */
  private static final Map<String, Set<String>> SIGNATURES_OF =
      Map.ofEntries(
          Map.entry(
              "dependency.down",
              Set.of(
                  "refused",
                  "unavailable",
                  "shutdown",
                  "crash",
                  "not_ready",
                  "broker",
                  "crash_loop")),
          Map.entry("network.unreachable", Set.of("unreachable", "reset")),
          Map.entry("network.latency", Set.of("timeout")),
          Map.entry("resource.disk_full", Set.of("disk_full")),
          Map.entry("resource.out_of_memory", Set.of("out_of_memory")),
          Map.entry("resource.cpu_saturation", Set.of("cpu_saturation")),
          Map.entry("resource.pool_exhausted", Set.of("pool_exhausted", "connection_limit")),
          Map.entry("deploy.bad_release", Set.of("release")),
          Map.entry("config.error", Set.of("config_error", "credentials")),
          Map.entry("security.certificate", Set.of("certificate")),
          Map.entry("dns.resolution", Set.of("dns")),
          Map.entry("app.exception", Set.of("exception")));

  static Stream<Arguments> phrasings() throws IOException {
    List<Arguments> rows = new ArrayList<>();
    try (InputStream in =
            RealPhrasingsTest.class.getResourceAsStream("/phrasings/real-software.tsv");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] fields = line.split("\t");
        assertThat(fields).as("category, project, file, phrasing, checked: " + line).hasSize(5);
        rows.add(Arguments.of(fields[0], fields[1], fields[2], fields[3]));
      }
    }
    return rows.stream();
  }

  @Test
  void everyCategoryHasThirtyPhrasingsEachCitingItsProjectAndFile() throws IOException {
    Map<String, Long> perCategory =
        phrasings()
            .map(Arguments::get)
            .peek(row -> assertThat((String) row[1]).as("project of %s", row[3]).isNotBlank())
            .peek(row -> assertThat((String) row[2]).as("file of %s", row[3]).isNotBlank())
            .collect(Collectors.groupingBy(row -> (String) row[0], Collectors.counting()));
    assertThat(perCategory).containsOnlyKeys(SIGNATURES_OF.keySet());
    assertThat(perCategory.values())
        .allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(30));
  }

  @ParameterizedTest(name = "{0} <- {1}: {3}")
  @MethodSource("phrasings")
  void aRealPhrasingCarriesASignatureOfItsCategory(
      String category, String project, String file, String phrasing) {
    assertThat(SIGNATURES_OF).containsKey(category);
    assertThat(Signatures.find(phrasing))
        .as("%s (%s, %s)", phrasing, project, file)
        .containsAnyElementsOf(SIGNATURES_OF.get(category));
  }
}
