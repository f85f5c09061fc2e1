package dev.logrca.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster's configuration as Flink itself reads it, and the command's usage errors. */
class ClusterCommandTest {
  @TempDir Path home;

  @Test
  void flinkReadsTheWrittenConfiguration() throws Exception {
    ClusterConfig config = new ClusterConfig(home, 16123, 18081);
    config.write();

    Configuration flink = GlobalConfiguration.loadConfiguration(config.confDir().toString());

    assertThat(flink.get(RestOptions.PORT)).isEqualTo(18081);
    assertThat(flink.get(RestartStrategyOptions.RESTART_STRATEGY)).isEqualTo("fixed-delay");
    assertThat(flink.get(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY))
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(flink.get(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT))
        .isEqualTo(Duration.ofSeconds(8));
    assertThat(flink.get(TaskManagerOptions.NUM_TASK_SLOTS)).isEqualTo(1);
    assertThat(flink.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY))
        .isEqualTo(home.resolve("checkpoints").toUri().toString());
    assertThat(flink.getString("metrics.reporter.prom.factory.class", null))
        .isEqualTo(ClusterConfig.PROMETHEUS_FACTORY);
  }

  @Test
  void aWrongCommandIsAUsageError() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    assertThat(ClusterCommand.run(new String[] {}, out, errors)).isEqualTo(2);
    assertThat(ClusterCommand.run(new String[] {"restart"}, out, errors)).isEqualTo(2);
    assertThat(ClusterCommand.run(new String[] {"submit", "no-such.jar"}, out, errors))
        .isEqualTo(2);

    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("usage: cluster.sh start | stop | status | submit")
        .contains("unknown command restart")
        .contains("submit needs the job jar first");
  }
}
