package dev.logrca.rules.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceWordsTest {
  /** Services of a system that prefixes every name, as Train-Ticket's ts-*-service do. */
  private static final List<String> PREFIXED =
      List.of(
          "ts-order-service",
          "ts-order-other-service",
          "ts-station-service",
          "ts-ticketinfo-service",
          "ts-price-service",
          "ts-consign-price-service",
          "ts-config-service",
          "ts-admin-basic-info-service");

  @Test
  void aServiceIsNamedByTheWordsOfItsNameThatAreItsOwn() {
    assertThat(
            ServiceWords.namedIn(
                "request for station service namelist denyed:"
                    + "org.springframework.web.client.HttpClientErrorException: 403 null",
                "ts-order-service",
                PREFIXED))
        .isEqualTo("ts-station-service");
    // written apart and in the plural
    assertThat(
            ServiceWords.namedIn(
                "request for ticket info service namelist denyed", "ts-travel-service", PREFIXED))
        .isEqualTo("ts-ticketinfo-service");
    assertThat(
            ServiceWords.namedIn(
                "request for getting all prices denied", "ts-admin-basic-info-service", PREFIXED))
        .isEqualTo("ts-price-service");
    assertThat(
            ServiceWords.namedIn(
                "request for getting all configs denied", "ts-admin-basic-info-service", PREFIXED))
        .isEqualTo("ts-config-service");
  }

  @Test
  void theLongestNameWinsAndTheCallerIsNeverItsOwnCallee() {
    assertThat(ServiceWords.namedIn("order other lookup failed", "ts-travel-service", PREFIXED))
        .isEqualTo("ts-order-other-service");
    assertThat(ServiceWords.namedIn("order lookup failed", "ts-order-service", PREFIXED)).isNull();
  }

  @Test
  void wordsOfClassNamesPathsAndUnknownServicesNameNobody() {
    // "paying" is not "payment", and no payment service is known
    assertThat(
            ServiceWords.namedIn(
                "request for paying denied: HttpClientErrorException: 403 null",
                "ts-inside-payment-service",
                PREFIXED))
        .isNull();
    // a logger or package name and a URL path are not prose
    assertThat(
            ServiceWords.namedIn(
                "config.service.ConfigServiceImpl GET /api/v1/configservice/configs failed",
                "ts-order-service",
                PREFIXED))
        .isNull();
  }

  @Test
  void genericWordsAndShortCoresAreNotNames() {
    List<String> plain = List.of("web", "payment-api", "orders-db", "auth");
    assertThat(ServiceWords.cores(plain))
        .containsEntry("payment-api", "payment")
        .containsEntry("orders-db", "ordersdb")
        .containsEntry("web", "web");
    // a core shorter than four letters is too likely an ordinary word
    assertThat(ServiceWords.namedIn("web request failed", "auth", plain)).isNull();
    assertThat(ServiceWords.namedIn("all payments declined", "web", plain))
        .isEqualTo("payment-api");
    // a prefix shared by fewer than three services is part of their names
    assertThat(ServiceWords.cores(List.of("ts-a-service", "ts-b-service")))
        .containsEntry("ts-a-service", "tsa");
  }
}
