package dev.logrca.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.logrca.core.model.Incident;
import dev.logrca.core.model.RootCause;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reads trimmed copies of the real-fault truth files (Train-Ticket, Online Boutique). */
class FaultTruthTest {
  private static final Path REAL = Path.of("src/test/resources/real-faults");

  @Test
  void readsATrainTicketRunWithItsAlternativeRootAndNoCategory() throws IOException {
    FaultTruth truth = FaultTruth.read(REAL.resolve("train-ticket-F05"));

    assertThat(truth.real()).isTrue();
    assertThat(truth.name()).isEqualTo("train-ticket-F05");
    ExpectedFault fault = truth.faults().get(0);
    assertThat(fault.service()).isEqualTo("ts-travel-service");
    // the caller/callee split of the truth: truth_detail.json's root_alt is accepted too
    assertThat(fault.alternate()).isEqualTo("ts-ticketinfo-service");
    assertThat(fault.isRoot("ts-ticketinfo-service")).isTrue();
    assertThat(fault.isRoot("ts-order-service")).isFalse();
    assertThat(fault.kind()).isEqualTo("F05");
    assertThat(fault.hasCategory()).isFalse();
    assertThat(fault.start()).isEqualTo(Instant.parse("2021-08-07T09:46:40.848Z"));
    assertThat(fault.end()).isEqualTo(Instant.parse("2021-08-07T11:55:58.524Z"));
  }

  @Test
  void mapsCpuContentionToCpuSaturation() throws IOException {
    ExpectedFault fault = FaultTruth.read(REAL.resolve("online-boutique")).faults().get(0);

    assertThat(fault.service()).isEqualTo("currencyservice");
    assertThat(fault.alternate()).isNull();
    assertThat(fault.category()).isEqualTo("resource.cpu_saturation");
  }

  @Test
  void anEmptyArrayIsAFaultFreeRun() throws IOException {
    FaultTruth truth = FaultTruth.read(REAL.resolve("fault-free"));

    assertThat(truth.real()).isTrue();
    assertThat(truth.faults()).isEmpty();
  }

  @Test
  void aFaultWithoutItsServiceIsAClearError() {
    assertThatThrownBy(() -> FaultTruth.read(REAL.resolve("bad")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("fault 0 needs start, service and kind");
  }

  @Test
  void theAlternativeRootCountsAndAFaultWithoutCategoryIsLeftOutOfCategoryAccuracy()
      throws IOException {
    FaultTruth truth = FaultTruth.read(REAL.resolve("train-ticket-F05"));
    long start = truth.faults().get(0).start().toEpochMilli();
    RootCause alternate =
        new RootCause("ts-ticketinfo-service", "app.exception", 0.8, "r", "s", List.of());
    Incident incident =
        new Incident("i", start + 5_000, start + 60_000, List.of("a"), List.of(alternate));
    EmbeddedRun.Result result =
        new EmbeddedRun.Result(List.of(incident), Map.of(), Map.of(), Map.of(), Duration.ZERO);
    RcaOutcome outcome = RcaOutcome.of(Path.of("x"), truth, false, result, Duration.ofMinutes(5));

    assertThat(outcome.serviceHit(1)).isTrue();
    assertThat(outcome.first().opened()).isTrue();
    assertThat(outcome.categoryHit()).isFalse();
    RcaSummary summary = new RcaSummary();
    summary.add(outcome);
    StringWriter text = new StringWriter();
    summary.print(new PrintWriter(text));
    assertThat(text.toString())
        .contains("AC@1 service 1/1 (100%)")
        .contains("incident opened in the fault window 1/1 (100%)")
        .contains("top-1 category 0/0")
        .contains("kinds with no category (scored on the service only): F05");
  }
}
