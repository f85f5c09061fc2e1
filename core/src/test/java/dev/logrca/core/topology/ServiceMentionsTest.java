package dev.logrca.core.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.topology.ServiceMentions.Candidate;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ServiceMentionsTest {
  @Test
  void findsAddressesUrlsAndClusterNames() {
    assertThat(ServiceMentions.in("connect to postgres:5432 failed"))
        .contains(new Candidate("postgres", true), new Candidate("connect", false));
    assertThat(ServiceMentions.in("GET http://inventory:8080/items"))
        .contains(new Candidate("inventory", true))
        .doesNotContain(new Candidate("inventory", false));
    assertThat(ServiceMentions.in("GET https://payment/charge"))
        .contains(new Candidate("payment", true));
    assertThat(ServiceMentions.in("lookup cart.shop.svc.cluster.local."))
        .contains(new Candidate("cart.shop.svc.cluster.local", true), new Candidate("cart", true));
  }

  @Test
  void ignoresIpAddressesAndDottedIdentifiers() {
    assertThat(ServiceMentions.in("peer 10.0.0.7:5432 reset"))
        .extracting(Candidate::name)
        .containsExactly("peer", "reset");
    assertThat(ServiceMentions.in("at com.shop.cart.CartClient.call"))
        .extracting(Candidate::name)
        .containsExactly("at", "com.shop.cart.cartclient.call");
  }

  @Test
  void findsWhatTheFormerExpressionFound() {
    for (String message :
        new String[] {
          "abc:123456 x",
          "host:80abc",
          "host:8080.",
          "host:8080/x and -abc _d e-f.g. //cart:1 1.2.3 10.0.0.7:5432 a:",
          "GET /api/products/SKU-10029 HTTP/1.1 200 ua=Version/18.1 Safari",
          "dial tcp 10.96.0.10:53: i/o timeout; lookup postgres on cart.shop.svc:443",
          "naïve café:80 über.svc"
        }) {
      assertThat(ServiceMentions.in(message))
          .as(message)
          .containsExactlyElementsOf(formerly(message));
    }
    Random random = new Random(13);
    String alphabet = "ab.-_:/9 0Zé";
    for (int n = 0; n < 50_000; n++) {
      StringBuilder message = new StringBuilder();
      for (int i = random.nextInt(24); i > 0; i--) {
        message.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = message.toString();
      assertThat(ServiceMentions.in(text)).as(text).containsExactlyElementsOf(formerly(text));
    }
  }

  /** The expression ServiceMentions used before it read messages by hand. */
  private static final Pattern TOKEN =
      Pattern.compile(
          "(?<![A-Za-z0-9_.-])([A-Za-z0-9][A-Za-z0-9_.-]*)(?::(\\d{1,5}))?(?![A-Za-z0-9_-])");

  private static Set<Candidate> formerly(String message) {
    Set<Candidate> result = new LinkedHashSet<>();
    Matcher m = TOKEN.matcher(message);
    while (m.find()) {
      String token = m.group(1).toLowerCase(Locale.ROOT);
      int end = token.length();
      while (end > 0 && (token.charAt(end - 1) == '.' || token.charAt(end - 1) == '-')) {
        end--;
      }
      token = token.substring(0, end);
      if (token.isEmpty() || token.matches("\\d+(\\.\\d+)*")) {
        continue;
      }
      boolean urlHost = m.start() >= 2 && message.startsWith("//", m.start() - 2);
      boolean hostShaped =
          m.group(2) != null
              || urlHost
              || token.contains(".svc")
              || token.endsWith(".local")
              || token.endsWith(".internal")
              || token.endsWith(".consul");
      result.add(new Candidate(token, hostShaped));
      int dot = token.indexOf('.');
      if (dot > 0 && hostShaped) {
        result.add(new Candidate(token.substring(0, dot), true));
      }
    }
    return result;
  }
}
