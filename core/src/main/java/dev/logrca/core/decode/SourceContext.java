package dev.logrca.core.decode;

import java.time.ZoneId;
import java.util.Objects;

/**
 * What a {@link LineDecoder} knows about the source its lines come from.
 *
 * @param source the file path or {@code topic/partition}; part of every event id
 * @param defaultService the service of lines that do not name one
 * @param format the source's header format, or null to recognise common shapes
 * @param zone the zone of timestamps that carry none
 * @param referenceYear the year of timestamps that carry none (syslog)
 * @param fallbackTimestamp epoch milliseconds for the first lines of a source if they have no
 *     timestamp of their own (later such lines take their predecessor's)
 */
public record SourceContext(
    String source,
    String defaultService,
    HeaderFormat format,
    ZoneId zone,
    int referenceYear,
    long fallbackTimestamp) {

  public SourceContext {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(defaultService, "defaultService");
    Objects.requireNonNull(zone, "zone");
  }
}
