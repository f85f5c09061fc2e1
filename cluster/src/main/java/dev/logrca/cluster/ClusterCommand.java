package dev.logrca.cluster;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What {@code scripts/cluster.sh} runs: {@code start} a JobManager and TaskManagers as background
 * JVMs and wait until they registered, {@code submit} the job jar with the job's arguments, {@code
 * status}, {@code stop}. Settings come from system properties so the script can pass its
 * environment: {@code cluster.home}, {@code cluster.classpath}, {@code cluster.taskmanagers} (2),
 * {@code cluster.rest.port} (8081), {@code cluster.rpc.port} (6123), {@code cluster.metrics.port}
 * (9249: the JobManager's; TaskManager n gets this plus n).
 */
public final class ClusterCommand {
  static final String USAGE =
      "usage: cluster.sh start | stop | status | submit JOB_JAR [JOB ARGUMENTS...]";

  private ClusterCommand() {}

  public static void main(String[] args) throws Exception {
    int exit = run(args, System.out, System.err);
    if (exit != 0) {
      System.exit(exit);
    }
  }

  /** Runs one command; returns the exit code (2 for a usage error). */
  static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    if (args.length == 0) {
      err.println(USAGE);
      return 2;
    }
    ClusterConfig config =
        new ClusterConfig(
            Path.of(System.getProperty("cluster.home", "run/cluster")).toAbsolutePath(),
            Integer.getInteger("cluster.rpc.port", 6123),
            Integer.getInteger("cluster.rest.port", 8081));
    LocalFlinkCluster cluster =
        new LocalFlinkCluster(config, System.getProperty("cluster.classpath", ""));
    FlinkRest rest = new FlinkRest(config.restUrl());
    switch (args[0]) {
      case "start" -> start(cluster, rest, out);
      case "stop" -> out.println("stopped: " + cluster.stop(Duration.ofSeconds(15)));
      case "status" -> status(cluster, rest, out);
      case "submit" -> {
        if (args.length < 2 || !Files.isRegularFile(Path.of(args[1]))) {
          err.println("submit needs the job jar first; " + USAGE);
          return 2;
        }
        String jar = rest.uploadJar(Path.of(args[1]));
        List<String> jobArgs = new ArrayList<>(Arrays.asList(args).subList(2, args.length));
        out.println("job " + rest.run(jar, jobArgs) + " submitted; " + config.restUrl());
      }
      default -> {
        err.println("unknown command " + args[0] + "; " + USAGE);
        return 2;
      }
    }
    return 0;
  }

  private static void start(LocalFlinkCluster cluster, FlinkRest rest, PrintStream out)
      throws IOException, InterruptedException {
    if (cluster.process("jobmanager").isPresent()) {
      throw new IllegalStateException(
          "a cluster already runs in " + cluster.config().home() + "; stop it first");
    }
    if (System.getProperty("cluster.classpath", "").isEmpty()) {
      throw new IllegalStateException("cluster.classpath is not set");
    }
    int taskManagers = Integer.getInteger("cluster.taskmanagers", 2);
    int metrics = Integer.getInteger("cluster.metrics.port", 9249);
    cluster.config().write();
    cluster.startJobManager(metrics);
    for (int i = 1; i <= taskManagers; i++) {
      cluster.startTaskManager("taskmanager-" + i, metrics + i);
    }
    ClusterReady.await(rest, taskManagers, Duration.ofSeconds(90));
    out.println(
        "cluster up: "
            + taskManagers
            + " TaskManagers, web UI and REST at "
            + cluster.config().restUrl()
            + ", logs in "
            + cluster.config().logDir()
            + ", Prometheus metrics at http://localhost:"
            + metrics
            + "/metrics (TaskManager n: port "
            + metrics
            + "+n)");
  }

  private static void status(LocalFlinkCluster cluster, FlinkRest rest, PrintStream out)
      throws IOException, InterruptedException {
    for (String name : cluster.processNames()) {
      out.println(
          name
              + ": "
              + cluster.process(name).map(p -> "running, pid " + p.pid()).orElse("not running"));
    }
    if (cluster.process("jobmanager").isPresent()) {
      out.println("TaskManagers registered: " + rest.taskManagers().size());
      rest.jobs().forEach(j -> out.println("job " + j));
    }
  }
}
