package dev.logrca.rules.security;

import static dev.logrca.rules.testing.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Level;
import dev.logrca.rules.fact.Hypothesis;
import dev.logrca.rules.testing.RuleSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecurityRulesTest {
  private final RuleSession rules = new RuleSession();

  @AfterEach
  void close() {
    rules.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Get \"https://payment:8443/charge\": x509: certificate has expired or is not yet valid",
        "javax.net.ssl.SSLHandshakeException: PKIX path building failed:"
            + " unable to find valid certification path to requested target",
        "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired"
      })
  void rejectedCertificatesBlameThePeer(String message) {
    rules.log(line("checkout", 0, Level.ERROR, message), "payment");
    Hypothesis h = rules.concluded("TLS certificates are rejected");
    assertThat(h.getService()).isEqualTo("payment");
    assertThat(h.getCategory()).isEqualTo("security.certificate");
  }
}
