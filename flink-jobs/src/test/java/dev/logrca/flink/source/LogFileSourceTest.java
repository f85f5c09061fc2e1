package dev.logrca.flink.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LogFileSourceTest {
  @Test
  void aFileNamedTwiceIsReadOnceSoEachLineKeepsOneId() {
    LogFile payment = new LogFile("/logs/payment.log", "payment", null);
    LogFile cart = new LogFile("/logs/cart.log", "cart", null);
    // as `analyze /logs /logs/payment.log` lists it: the folder's files, then the file again
    LogFileSource source =
        new LogFileSource(
            List.of(payment, cart, new LogFile("/logs/payment.log", "payment", null)), 2);
    assertThat(source.files()).containsExactly(payment, cart);
  }
}
