package dev.logrca.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Flink session cluster of separate JVMs on this machine, started from the Maven jars alone (no
 * Flink distribution): one JobManager ({@code StandaloneSessionClusterEntrypoint}) and TaskManagers
 * ({@code TaskManagerRunner}) with the JVM flags Flink's own scripts compute. Each process's id is
 * kept in {@code pids/NAME.pid} so that another JVM (scripts/cluster.sh stop) can end them.
 */
public final class LocalFlinkCluster {
  static final String JOB_MANAGER =
      "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
  static final String TASK_MANAGER = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
  private static final String BASH_JAVA_UTILS = "org.apache.flink.runtime.util.bash.BashJavaUtils";
  private static final String RESULT_PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:";

  /** What Flink's default config passes every JVM on Java 17 (Kryo and REST job submission). */
  private static final List<String> OPENS =
      List.of(
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/java.text=ALL-UNNAMED",
          "--add-opens=java.base/java.time=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

  private final ClusterConfig config;
  private final String classpath;

  /**
   * A cluster laid out by {@code config} whose JVMs run on {@code classpath} (the {@code cluster}
   * module's {@code target/flink-classpath.txt}).
   */
  public LocalFlinkCluster(ClusterConfig config, String classpath) {
    this.config = config;
    this.classpath = classpath;
  }

  /** The cluster's layout and ports. */
  public ClusterConfig config() {
    return config;
  }

  /** Starts the JobManager, with its Prometheus reporter on {@code metricsPort}. */
  public Process startJobManager(int metricsPort) throws IOException, InterruptedException {
    List<String> flags = resourceParams("GET_JM_RESOURCE_PARAMS");
    List<String> args = new ArrayList<>(List.of("--configDir", config.confDir().toString()));
    args.addAll(dynamicProperties(flags.get(1)));
    args.addAll(List.of("-D", "metrics.reporter.prom.port=" + metricsPort));
    return start("jobmanager", JOB_MANAGER, split(flags.get(0)), args);
  }

  /** Starts TaskManager {@code name}, with its Prometheus reporter on {@code metricsPort}. */
  public Process startTaskManager(String name, int metricsPort)
      throws IOException, InterruptedException {
    List<String> flags = resourceParams("GET_TM_RESOURCE_PARAMS");
    List<String> args = new ArrayList<>(List.of("--configDir", config.confDir().toString()));
    args.addAll(dynamicProperties(flags.get(1)));
    args.addAll(List.of("-D", "metrics.reporter.prom.port=" + metricsPort));
    args.addAll(List.of("-D", "taskmanager.resource-id=" + name));
    return start(name, TASK_MANAGER, split(flags.get(0)), args);
  }

  /** The process named {@code name} that this or an earlier JVM started, if it still runs. */
  public Optional<ProcessHandle> process(String name) throws IOException {
    Path pid = pidFile(name);
    if (!Files.isRegularFile(pid)) {
      return Optional.empty();
    }
    return ProcessHandle.of(Long.parseLong(Files.readString(pid).strip()))
        .filter(ProcessHandle::isAlive);
  }

  /** The names of the processes with a pid file, JobManager first. */
  public List<String> processNames() throws IOException {
    Path dir = config.home().resolve("pids");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (var files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString().replace(".pid", ""))
          .sorted(
              (a, b) -> a.equals("jobmanager") ? -1 : b.equals("jobmanager") ? 1 : a.compareTo(b))
          .toList();
    }
  }

  /**
   * Ends every process of the cluster: SIGTERM, then SIGKILL for any still alive after {@code
   * grace}. Returns the names of the processes that were running.
   */
  public List<String> stop(Duration grace) throws IOException, InterruptedException {
    List<String> stopped = new ArrayList<>();
    List<ProcessHandle> running = new ArrayList<>();
    for (String name : processNames()) {
      Optional<ProcessHandle> p = process(name);
      if (p.isPresent()) {
        p.get().destroy();
        running.add(p.get());
        stopped.add(name);
      }
      Files.deleteIfExists(pidFile(name));
    }
    long deadline = System.nanoTime() + grace.toNanos();
    for (ProcessHandle p : running) {
      long left = Math.max(0, deadline - System.nanoTime());
      try {
        p.onExit().get(left, TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
        p.destroyForcibly();
      }
    }
    return stopped;
  }

  private Process start(String name, String mainClass, List<String> jvmFlags, List<String> args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(javaBinary());
    command.addAll(jvmFlags);
    command.add("-XX:+UseSerialGC");
    command.addAll(OPENS);
    command.add("-Dlog.file=" + config.logDir().resolve(name + ".log"));
    command.add(
        "-Dlog4j.configurationFile=" + config.confDir().resolve("log4j.properties").toUri());
    command.addAll(List.of("-cp", classpath, mainClass));
    command.addAll(args);
    Path out = config.logDir().resolve(name + ".out");
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
            .start();
    Files.createDirectories(pidFile(name).getParent());
    Files.writeString(pidFile(name), Long.toString(process.pid()));
    return process;
  }

  /** The JVM flags (first) and dynamic properties (second) Flink's scripts would use. */
  private List<String> resourceParams(String which) throws IOException, InterruptedException {
    Path out = Files.createTempFile(config.home().resolve("tmp"), which, ".txt");
    Process p =
        new ProcessBuilder(
                javaBinary(),
                "-cp",
                classpath,
                BASH_JAVA_UTILS,
                which,
                "--configDir",
                config.confDir().toString())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    int exit = p.waitFor();
    List<String> results =
        Files.readAllLines(out).stream()
            .filter(l -> l.startsWith(RESULT_PREFIX))
            .map(l -> l.substring(RESULT_PREFIX.length()))
            .toList();
    if (exit != 0 || results.size() < 2) {
      throw new IOException(
          which + " failed (exit " + exit + "), its output: " + Files.readString(out));
    }
    Files.delete(out);
    return results.subList(results.size() - 2, results.size());
  }

  /** {@code -D k=v -D k2=v2} as separate arguments. */
  private static List<String> dynamicProperties(String line) {
    return split(line);
  }

  private static List<String> split(String line) {
    return Arrays.stream(line.strip().split("\\s+")).filter(s -> !s.isEmpty()).toList();
  }

  private Path pidFile(String name) {
    return config.home().resolve("pids").resolve(name + ".pid");
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static java.io.File nullDevice() {
    return new java.io.File("/dev/null");
  }
}
