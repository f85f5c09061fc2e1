package dev.logrca.core.decode;

import dev.logrca.core.model.LogRecord;
import java.util.Map;
import java.util.Optional;

/**
 * Turns each line of one source (a file or a partition) into exactly one {@link LogRecord}: JSON
 * lines, lines in the source's header format, or plain lines in common shapes. A line that cannot
 * be decoded is kept as raw text with the reason in {@code decodeError}. Its only state is the
 * previous line's timestamp, which lines without one (stack traces, continuations) inherit. Not
 * thread-safe: one decoder per source.
 */
public final class LineDecoder {
  static final String NO_FORMAT_MATCH = "does not match header format";
  static final String INVALID_UTF8 = "invalid UTF-8";

  private final SourceContext context;
  private final TimestampParser parser;
  private final PlainLineDecoder plain;
  private final JsonLineDecoder json;
  private long previousTimestamp;

  /** A decoder for the lines of {@code context}'s source. */
  public LineDecoder(SourceContext context) {
    this.context = context;
    this.parser = new TimestampParser(context.zone(), context.referenceYear());
    this.plain = new PlainLineDecoder(parser);
    this.json = new JsonLineDecoder(parser);
    this.previousTimestamp = context.fallbackTimestamp();
  }

  /**
   * The time the next line without one of its own would take: the last decoded line's, or the
   * context's fallback before any. A reader that checkpoints this with its position and starts the
   * source's next decoder from it ({@link SourceContext#fallbackTimestamp}) dates the lines after a
   * restore as an uninterrupted read would.
   */
  public long lastTimestamp() {
    return previousTimestamp;
  }

  /** Decodes line number {@code lineNo} (or partition offset) of the source. */
  public LogRecord decode(String line, long lineNo) {
    return decode(line, lineNo, LineFlags.NONE);
  }

  /** Decodes a line and records what the reader noticed about its bytes. */
  public LogRecord decode(String line, long lineNo, LineFlags flags) {
    parser.setReferenceTime(previousTimestamp);
    RecordDraft d = draft(line);
    boolean inferred = d.timestamp == null || d.arrivalTime;
    long timestamp = d.timestamp == null ? previousTimestamp : d.timestamp;
    previousTimestamp = timestamp;
    if (flags.truncated()) {
      d.attributes.put("truncated", "true");
      d.attributes.put("originalLength", Long.toString(flags.originalLength()));
    }
    if (flags.invalidUtf8()) {
      d.attributes.put("invalidUtf8", "true");
      d.error = d.error == null ? INVALID_UTF8 : d.error;
    }
    String service =
        d.service == null || d.service.isBlank() ? context.defaultService() : d.service;
    return new LogRecord(
        LogRecord.eventIdOf(context.source(), lineNo),
        context.source(),
        lineNo,
        timestamp,
        inferred,
        service,
        d.host,
        d.level,
        d.logger,
        d.traceId,
        d.message == null ? line : d.message,
        line,
        d.attributes,
        d.error);
  }

  private RecordDraft draft(String line) {
    CriLine cri = CriLine.parse(line);
    if (cri == null) {
      cri = CriLine.parseTimestamped(line);
      // kubectl's own timestamp before a line that is JSON or has a header of its own; any
      // other line that merely starts with an ISO time is an ordinary line
      if (cri != null && !hasOwnHeader(cri.message())) {
        cri = null;
      }
    }
    return cri == null ? draftOfContent(line) : draftOfCri(cri);
  }

  private boolean hasOwnHeader(String message) {
    return JsonLineDecoder.looksLikeJson(message) || parser.parseLeading(message, 0) != null;
  }

  /**
   * A container's line inside the runtime's CRI wrapper: decoded as any line, its stream kept. The
   * runtime's time is complete (nanoseconds and zone) and is the input contract's shipper time, so
   * it wins over the time the container's logger wrote, as a JSON shipper's does.
   */
  private RecordDraft draftOfCri(CriLine cri) {
    RecordDraft d = draftOfContent(cri.message());
    var runtimeTime = parser.parse(cri.time());
    if (runtimeTime.isPresent()) {
      // a line without a time of its own (a stack frame) is dated by its arrival, as the model
      // says, so that it still reads as the continuation it is
      d.arrivalTime = d.timestamp == null;
      d.timestamp = runtimeTime.getAsLong();
    }
    if (cri.stream() != null) {
      d.attributes.put("stream", cri.stream());
    }
    if (cri.partial()) {
      d.attributes.put("partial", "true");
    }
    return d;
  }

  private RecordDraft draftOfContent(String line) {
    HeaderFormat format = context.format();
    if (format != null) {
      Optional<Map<String, String>> fields = format.match(line);
      if (fields.isPresent()) {
        return FormattedLine.read(fields.get(), line, parser);
      }
      RecordDraft d = new RecordDraft();
      d.message = line;
      d.error = NO_FORMAT_MATCH;
      return d;
    }
    if (JsonLineDecoder.looksLikeJson(line)) {
      return RecordDraft.of(json.decode(line));
    }
    KubectlEventRow event = KubectlEventRow.parse(line);
    if (event != null) {
      // kubectl prints ages, not times: the row was current when the file was last written
      long written = context.fallbackTimestamp();
      if (event.ageMillis() >= 0 && TimestampParser.isPlausible(written)) {
        event.draft().timestamp = written - event.ageMillis();
      }
      return event.draft();
    }
    return RecordDraft.of(plain.decode(line), line);
  }
}
