package dev.logrca.core.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceNamesTest {
  @ParameterizedTest
  @CsvSource({
    "/var/log/payment.log, payment",
    "/var/log/payment.2026-11-27.log.gz, payment",
    "/var/log/payment-20261127.log, payment",
    "/var/log/payment.log.1, payment",
    "/var/log/checkout/app.log.1, checkout",
    "/var/log/checkout/app.log, checkout",
    "/srv/checkout/logs/server.log, checkout",
    "/srv/cart/output.log, cart",
    "/service/cart/log/main/current, cart",
    "/var/log/pods/shop_ts-order-service-5d9f8b7c6-x2x9q_0f1e/ts-order-service/0.log, ts-order-service",
    "/var/log/pods/shop_postgres-0_0f1e/container/0.log, postgres",
    "/var/log/containers/web-7c9b5d6f4-abcde_shop_nginx-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.log, nginx",
    "payment.json, payment",
    "stdout, stdout",
  })
  void namesTheServiceOfAFile(String path, String service) {
    assertThat(ServiceNames.fromPath(Path.of(path))).isEqualTo(service);
  }

  @ParameterizedTest
  @CsvSource({
    "ts-order-service-5d9f8b7c6-x2x9q, ts-order-service",
    "checkout-7f9c8d6b5-4zkwp, checkout",
    "postgres-0, postgres",
    "kafka-12, kafka",
    "fluent-bit-x2x9q, fluent-bit",
    "auth-proxy, auth-proxy",
    "payment, payment",
  })
  void stripsControllerSuffixesFromPodNames(String pod, String service) {
    assertThat(ServiceNames.fromPodName(pod)).isEqualTo(service);
  }
}
