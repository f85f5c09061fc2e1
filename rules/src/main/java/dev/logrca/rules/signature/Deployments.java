package dev.logrca.rules.signature;

import static dev.logrca.rules.signature.Signatures.CERTIFICATE;
import static dev.logrca.rules.signature.Signatures.CONFIG_ERROR;
import static dev.logrca.rules.signature.Signatures.CRASH_LOOP;
import static dev.logrca.rules.signature.Signatures.CREDENTIALS;
import static dev.logrca.rules.signature.Signatures.RELEASE;

import java.util.function.BiConsumer;

/**
 * The signatures of a change to a service and what a bad one breaks: a release or rollout, a crash
 * loop, configuration, credentials, certificates.
 */
final class Deployments {
  private Deployments() {}

  /** Hands each signature's name and regular expression to {@code add}, in the table's order. */
  static void addTo(BiConsumer<String, String> add) {
    add.accept(
        RELEASE,
        "Started \\S+ in \\d+(?:\\.\\d+)? seconds|Starting \\S+ v\\d|\\bversion[ =:]+v?\\d+\\.\\d+\\.\\d+"
            + "|deploy(?:ing|ed) (?:version|release|image)|Successfully pulled image"
            + "|(?:Started|Created) container|Scaled up replica set|rolling update|server started"
            // a rollout stops the old pods' containers as the new ones become ready
            + "|Scaled down replica set|Killing: Stopping container"
            + "|application started"
            // Elasticsearch/OpenSearch "version[8.11.1], pid[1]", Quarkus "... started in 1.093s",
            // Micronaut "Startup completed in 1234ms", Helm, kubectl rollout status, docker pull
            + "|\\bversion\\[v?\\d+\\.\\d+\\.\\d+|\\bstarted in \\d+(?:\\.\\d+)?\\s?(?:ms|s|seconds)\\b"
            + "|Startup completed in \\d+\\s?ms|has been upgraded\\. Happy Helming"
            + "|successfully rolled out|Downloaded newer image for");
    add.accept(CRASH_LOOP, "CrashLoopBackOff|Back-off restarting failed container");
    add.accept(
        CONFIG_ERROR,
        "invalid configuration|configuration (?:error|is invalid)|ConfigurationException"
            + "|missing (?:required )?(?:config|configuration|property|setting|environment"
            + " variable)|could not resolve placeholder|Failed to bind properties"
            + "|unknown (?:configuration )?(?:option|directive)|BeanCreationException"
            // PostgreSQL "unrecognized configuration parameter", "invalid value for parameter",
            // Redis "FATAL CONFIG FILE ERROR", MySQL "unknown variable 'x'", Elasticsearch
            // "unknown setting [x]", Go's flag package, Spring Boot's failure analysis
            + "|unrecognized configuration parameter|invalid value for parameter"
            + "|config(?:uration)? file error|unknown variable '|unknown setting \\["
            + "|flag provided but not defined|Failed to configure a \\w+");
    add.accept(
        CREDENTIALS,
        "password authentication failed|Access denied for user|invalid credentials|NOAUTH"
            + "|WRONGPASS|invalid api key|authentication failed");
    add.accept(
        CERTIFICATE,
        "x509:|certificate has expired|certificate is not yet valid|certificate verify failed"
            + "|signed by unknown authority|PKIX path building failed|SSLHandshakeException"
            + "|unable to find valid certification path|CERTIFICATE_VERIFY_FAILED"
            + "|tls: (?:handshake failure|bad certificate)|CERT_HAS_EXPIRED"
            + "|self[- ]signed certificate"
            // TLS alerts as Go prints them, OpenSSL's verify errors as Node and curl print them,
            // a server that cannot load its own certificate (nginx, PostgreSQL)
            + "|tls: (?:unknown certificate authority|expired certificate|certificate required)"
            + "|unable to verify the first certificate|unable to get local issuer certificate"
            + "|does not match certificate's altnames|ERR_TLS_CERT_ALTNAME_INVALID"
            + "|SSL certificate (?:problem|verify error)"
            + "|(?:could not|cannot|unable to) load (?:\\w+ )?certificate");
  }
}
