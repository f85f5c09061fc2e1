package dev.logrca.core.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopologyTest {
  @TempDir Path dir;

  @Test
  void aFileOfServicesWithoutCallsIsACatalogueNotACallGraph() throws IOException {
    Path file = dir.resolve("services.json");
    Files.writeString(
        file, "{\"services\": {\"ts-order-service\": {}, \"ts-station-service\": {}}}");

    Topology catalogue = Topology.read(file);

    assertThat(catalogue.services()).containsExactly("ts-order-service", "ts-station-service");
    assertThat(catalogue.isEmpty()).isFalse();
    assertThat(catalogue.hasCalls()).isFalse();
    assertThat(new Topology().hasCalls()).isFalse();
    assertThat(catalogue.addCall("ts-order-service", "ts-station-service").hasCalls()).isTrue();
  }
}
