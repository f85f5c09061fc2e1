package dev.logrca.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Holds each address matcher to the regular expression it replaces. */
class AddressShapesTest {
  private static final String ALPHABET = "0123456789abcdefABFxyz_.:-/[]%@ +\t";
  private static final RegexAgreement SAMPLES = new RegexAgreement(ALPHABET, 1, 200_000);

  @Test
  void hostPort() {
    SAMPLES.agree(
        "/?(\\[[0-9a-fA-F:.]+]|[\\w.-]*[\\d.-][\\w.-]*)(/[\\w.:-]+)?:\\d{1,5}",
        AddressShapes::isHostPort,
        "10.0.0.1:8080",
        "db-1:5432",
        "db:5432",
        "/10.0.0.1:50010",
        "[::1]:80",
        "[]:80",
        "host1/10.0.0.1:8020",
        "host1/:80",
        "host1/a:b:80",
        "/:80",
        ":80",
        "a.b:123456");
  }

  @Test
  void ipv6() {
    SAMPLES.agree(
        "/?\\[?[0-9a-fA-F]{0,4}(:[0-9a-fA-F]{0,4}){2,7}]?(%\\w+)?",
        AddressShapes::isIpv6,
        "fe80::1%eth0",
        "::1",
        "[2001:db8::1]",
        "/[::]",
        "1:2:3:4:5:6:7:8:9",
        "12345::1",
        "::1%",
        "::1]%x");
  }

  @Test
  void url() {
    SAMPLES.agree(
        "[a-zA-Z][a-zA-Z0-9+.-]*://\\S*",
        AddressShapes::isUrl,
        "http://example.com/a?b=c",
        "hdfs://nn:8020",
        "a+b-c.d://",
        "1a://x",
        "http:// x",
        "http:/x");
  }

  @Test
  void hexGroups() {
    SAMPLES.agree(
        "[0-9a-fA-F]+(:[0-9a-fA-F]+)+(\\.[0-9a-fA-F]+)?",
        AddressShapes::isHexGroups,
        "0000:00:1f.0",
        "a:b",
        "a:",
        "a:b.",
        "a:b.c.d",
        "a");
  }

  /** From every start in every sample, the same match end as the regular expression there. */
  @Test
  void embeddedIpv4() {
    Pattern pattern = Pattern.compile("(?<![\\w.])\\d{1,3}(\\.\\d{1,3}){3}(:\\d{1,5})?(?![\\w.])");
    String[] examples = {
      "BP-1-10.0.0.1-144",
      "x10.0.0.1",
      "a/10.0.0.1:50010/b",
      "1.2.3.4:123456",
      "1.2.3.4:5x",
      "1234.1.1.1",
      "1.2.3.4.5",
      "(10.0.0.1:80)",
      "1.2.3.4:"
    };
    int found = 0;
    for (String sample : concat(examples)) {
      Matcher matcher = pattern.matcher(sample).useTransparentBounds(true);
      for (int start = 0; start < sample.length(); start++) {
        matcher.region(start, sample.length());
        int expected = matcher.lookingAt() ? matcher.end() : -1;
        assertThat(AddressShapes.embeddedIpv4End(sample, start))
            .as("'%s' from %d", sample, start)
            .isEqualTo(expected);
        found += expected >= 0 ? 1 : 0;
      }
    }
    assertThat(found).isGreaterThan(0);
  }

  private static Iterable<String> concat(String[] examples) {
    List<String> all = new ArrayList<>(List.of(examples));
    for (String sample : SAMPLES.samples()) {
      if (sample.indexOf('.') >= 0 && VariableClassifier.hasDigit(sample)) {
        all.add(sample);
      }
    }
    return all;
  }
}
