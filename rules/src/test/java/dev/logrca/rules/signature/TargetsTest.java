package dev.logrca.rules.signature;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetsTest {

  @ParameterizedTest(name = "{1} <- {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
        dial tcp postgres:5432: connect: connection refused | postgres
        Connection to postgres:5432 refused. Check that the hostname and port are correct | postgres
        connect() failed (111: Connection refused) while connecting to upstream, upstream: "http://10.0.0.5:8080/" | 10.0.0.5
        Can't connect to MySQL server on 'mysql.shop.svc.cluster.local' (111) | mysql.shop.svc.cluster.local
        Error: connect ECONNREFUSED 10.0.0.7:6379 | 10.0.0.7
        dial tcp: lookup payment on 10.96.0.10:53: no such host | payment
        getaddrinfo ENOTFOUND payment-api | payment-api
        java.net.UnknownHostException: inventory.internal | inventory.internal
        Out of memory: Killed process 4242 (postgres) total-vm:2048000kB | postgres
        Back-off restarting failed container payment in pod payment-5d9f8b7c6-x2x9q | payment
        Unable to acquire JDBC Connection; jdbc:postgresql://orders-db:5432/orders | orders-db
        Get "https://payment:8443/charge": x509: certificate has expired | payment
        Failed to connect to redis-master:6379 | redis-master
        FATAL:  password authentication failed for user "orders" | orders
        Access denied for user 'billing'@'10.0.0.7' (using password: YES) | billing
        Call From node1/10.0.0.1 to namenode:8020 failed on connection exception: java.net.ConnectException: Connection refused; For more details see:  http://wiki.apache.org/hadoop/ConnectionRefused | namenode
        Caused by: io.netty.channel.AbstractChannel$AnnotatedConnectException: Connection refused: redis/10.0.3.9:6379 | redis
        """)
  void theNamedPeerIsFound(String message, String peer) {
    assertThat(Targets.find(message)).isEqualTo(peer);
  }

  @Test
  void sourceLocationsAndBareNumbersAreNotPeers() {
    assertThat(Targets.find("at com.shop.Cart.add(Cart.java:42)")).isNull();
    assertThat(Targets.find("java.lang.NullPointerException")).isNull();
    assertThat(Targets.find("request for user:12345 timed out")).isNull();
    assertThat(
            Targets.find(
                "http: TLS handshake error from 10.0.2.25:41234: remote error: tls: bad certificate"))
        .isNull();
    assertThat(Targets.find("redis.cache.local:6379 timed out")).isEqualTo("redis.cache.local");
  }

  @Test
  void addressesAreRecognised() {
    assertThat(Targets.isAddress("10.0.0.5")).isTrue();
    assertThat(Targets.isAddress("fe80::1")).isTrue();
    assertThat(Targets.isAddress("postgres")).isFalse();
  }

  @Test
  void aLinkQuotedForTheReaderIsNeverThePeer() {
    assertThat(
            Targets.find(
                "java.net.ConnectException: Connection refused; For more details see:"
                    + "  http://wiki.apache.org/hadoop/ConnectionRefused"))
        .isNull();
    assertThat(Targets.find("upload failed, see https://docs.example.com/errors/42")).isNull();
    // a documentation page is known by its path too, whatever the host and the words before it
    assertThat(
            Targets.find(
                "Connection refused (https://cwiki.apache.org/confluence/display/HADOOP2/ConnectionRefused)"))
        .isNull();
    assertThat(
            Targets.find("connect failed: https://kafka.apache.org/documentation/#brokerconfigs"))
        .isNull();
    // an API path that merely contains a word like "help" further down is still a peer
    assertThat(Targets.find("Connection refused: GET http://support-api:8080/v1/tickets"))
        .isEqualTo("support-api");
  }
}
