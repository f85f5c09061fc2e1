package dev.logrca.core.decode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MessageTraceIdTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Order 481492 failed: inventory call failed traceId=fc28a8ba2fc83576d4f89673c8a9eac0"
            + " | fc28a8ba2fc83576d4f89673c8a9eac0",
        "INSERT INTO payments VALUES ($1) /* payment trace_id: 4BF92F3577B34DA6A3CE929D0E0E4736 */"
            + " | 4bf92f3577b34da6a3ce929d0e0e4736",
        "[orders,5f2c9a1b3d4e6f70,1a2b3c4d5e6f7081,true] Placing order | 5f2c9a1b3d4e6f70",
        "SELECT 1 /*traceparent='00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01'*/"
            + " | 0af7651916cd43dd8448eb211c80319c"
      })
  void findsTheTraceIdALoggingPatternPutInTheMessage(String message, String traceId) {
    assertThat(MessageTraceId.find(message)).isEqualTo(traceId);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Placing order 481490 (1 items, 64.22 EUR)",
        "commit 4bf92f3577b34da6a3ce929d0e0e4736 deployed",
        "traceId=short"
      })
  void otherHexIsNotATraceId(String message) {
    assertThat(MessageTraceId.find(message)).isNull();
  }
}
