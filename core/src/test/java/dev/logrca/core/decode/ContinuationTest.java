package dev.logrca.core.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.LogRecord;
import dev.logrca.core.model.LogRecordBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContinuationTest {
  private static LogRecord record(String message, boolean inferred) {
    return LogRecordBuilder.record()
        .eventId("id")
        .source("app.log")
        .line(2)
        .timestampInferred(inferred)
        .service("app")
        .message(message)
        .build();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\tat com.example.checkout.OrderService.placeOrder(OrderService.java:88)",
        "Caused by: java.net.NoRouteToHostException: No route to host",
        "\t... 42 more",
        "java.lang.IllegalStateException: Duplicate key SKU-1",
        "org.springframework.web.client.HttpServerErrorException$GatewayTimeout: 504 Gateway Timeout",
        "  File \"/app/worker.py\", line 12, in run",
        "ValueError: invalid literal for int()"
      })
  void traceLinesWithoutTimeContinueTheEventAbove(String message) {
    assertThat(Continuation.of(record(message, true))).isTrue();
    assertThat(Continuation.of(record(message, false))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET /api/cart 200 12ms", "Order 42 placed", "checkout: ready"})
  void otherLinesWithoutTimeAreEventsOfTheirOwn(String message) {
    assertThat(Continuation.of(record(message, true))).isFalse();
  }
}
