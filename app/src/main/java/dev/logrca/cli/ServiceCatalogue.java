package dev.logrca.cli;

import dev.logrca.core.decode.HeaderFormat;
import dev.logrca.core.decode.LineDecoder;
import dev.logrca.core.decode.SourceContext;
import dev.logrca.core.model.LogRecord;
import dev.logrca.core.topology.Topology;
import dev.logrca.flink.source.LogFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The services that logged in a set of log files, as a topology without calls: a catalogue of a
 * system's services that lets a run cut to one fault know the services it has not seen log (the job
 * still infers the calls). A job that has run on a system for days knows them the same way.
 */
final class ServiceCatalogue {
  private ServiceCatalogue() {}

  /** Every service a line of {@code files} belongs to, decoded as the job decodes it. */
  static Set<String> servicesIn(Collection<LogFile> files) throws IOException {
    Set<String> services = new TreeSet<>();
    for (LogFile file : files) {
      HeaderFormat format =
          file.headerFormat() == null ? null : HeaderFormat.compile(file.headerFormat());
      LineDecoder decoder =
          new LineDecoder(
              new SourceContext(file.path(), file.service(), format, ZoneOffset.UTC, 2026, 0));
      try (BufferedReader in =
          Files.newBufferedReader(Path.of(file.path()), StandardCharsets.UTF_8)) {
        long lineNo = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          LogRecord record = decoder.decode(line, ++lineNo);
          if (record != null && record.service() != null) {
            services.add(record.service());
          }
        }
      }
    }
    return services;
  }

  /** A topology that lists {@code services} and no calls. */
  static Topology of(Set<String> services) {
    Topology catalogue = new Topology();
    services.forEach(catalogue::addService);
    return catalogue;
  }
}
