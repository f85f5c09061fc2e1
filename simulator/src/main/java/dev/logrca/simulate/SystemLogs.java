package dev.logrca.simulate;

import dev.logrca.core.topology.Topology;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The simulated shop's services, their call graph and the log each one writes. */
final class SystemLogs implements Closeable {
  /** Every service, edge first. */
  static final List<String> SERVICES =
      List.of("gateway", "frontend", "checkout", "payment", "inventory", "postgres", "redis");

  final NginxLog gateway;
  final PinoLog frontend;
  final JavaLog checkout;
  final ZapLog payment;
  final JavaLog inventory;
  final DatastoreLogs datastores;
  private final Map<String, LogSink> sinks = new LinkedHashMap<>();

  SystemLogs(Path dir) throws IOException {
    for (String service : SERVICES) {
      sinks.put(service, new LogSink(dir.resolve(service + ".log")));
    }
    gateway = new NginxLog(sinks.get("gateway"));
    frontend = new PinoLog(sinks.get("frontend"), "frontend-7c9d8-x2x9q");
    checkout = JavaLog.springBoot(sinks.get("checkout"));
    payment = new ZapLog(sinks.get("payment"));
    inventory = JavaLog.log4j(sinks.get("inventory"));
    datastores = new DatastoreLogs(sinks.get("postgres"), sinks.get("redis"));
  }

  /** Who calls whom, as the logs' trace ids reveal it. */
  static Topology topology() {
    return new Topology()
        .addCall("gateway", "frontend")
        .addCall("frontend", "checkout")
        .addCall("frontend", "inventory")
        .addCall("checkout", "inventory")
        .addCall("checkout", "payment")
        .addCall("payment", "postgres")
        .addCall("inventory", "postgres")
        .addCall("inventory", "redis");
  }

  /** Writes every line earlier than {@code time}: the simulator will produce none before it. */
  void flushBefore(long time) {
    sinks.values().forEach(sink -> sink.flushBefore(time));
  }

  List<Path> files() {
    List<Path> files = new ArrayList<>();
    sinks.values().forEach(sink -> files.add(sink.file()));
    return files;
  }

  long lines() {
    return sinks.values().stream().mapToLong(LogSink::lines).sum();
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (LogSink sink : sinks.values()) {
      try {
        sink.close();
      } catch (IOException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
