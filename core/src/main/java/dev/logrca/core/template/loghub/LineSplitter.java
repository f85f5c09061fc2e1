package dev.logrca.core.template.loghub;

import dev.logrca.core.decode.HeaderFormat;
import dev.logrca.core.decode.LineDecoder;
import dev.logrca.core.decode.SourceContext;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Splits raw lines into the columns of a structured CSV and the message to mine: by a header format
 * (its fields become the columns, {@code <Content>} the message) or, without one, by the decoders
 * {@code logrca analyze} uses (JSON, common header shapes), whose message is the content. Not
 * thread-safe: the default decoding carries the previous line's timestamp.
 */
public final class LineSplitter {
  private final HeaderFormat format;
  private final LineDecoder decoder;
  private final List<String> columns;
  private final int contentColumn;

  private LineSplitter(HeaderFormat format, LineDecoder decoder, List<String> columns) {
    this.format = format;
    this.decoder = decoder;
    this.columns = List.copyOf(columns);
    this.contentColumn = columns.indexOf(HeaderFormat.CONTENT);
  }

  /** Splits by {@code format}; a format without {@code <Content>} mines the whole line. */
  public static LineSplitter byFormat(HeaderFormat format) {
    List<String> columns = new ArrayList<>(format.fieldNames());
    if (!format.hasContent()) {
      columns.add(HeaderFormat.CONTENT);
    }
    return new LineSplitter(format, null, columns);
  }

  /** Splits by the default decoders; {@code source} names the file in decoded records. */
  public static LineSplitter byDefaultDecoding(String source) {
    LineDecoder decoder =
        new LineDecoder(new SourceContext(source, "-", null, ZoneOffset.UTC, 2000, 0L));
    return new LineSplitter(null, decoder, List.of(HeaderFormat.CONTENT));
  }

  /** The same splitting, started afresh (for a second pass over the file). */
  public LineSplitter restart(String source) {
    return format == null ? byDefaultDecoding(source) : this;
  }

  /** The column names, in order: the format's fields, {@code Content} among them. */
  public List<String> columns() {
    return columns;
  }

  /** Splits line {@code lineNo} (0-based) of the source. */
  public SplitLine split(String line, long lineNo) {
    String[] values = new String[columns.size()];
    if (format == null) {
      values[contentColumn] = decoder.decode(line, lineNo).message();
      return new SplitLine(values, values[contentColumn], true);
    }
    Optional<Map<String, String>> fields = format.match(line);
    if (fields.isEmpty()) {
      Arrays.fill(values, "");
      values[contentColumn] = line;
      return new SplitLine(values, line, false);
    }
    Map<String, String> matched = fields.get();
    for (int i = 0; i < values.length; i++) {
      values[i] = matched.getOrDefault(columns.get(i), "");
    }
    if (!format.hasContent()) {
      values[contentColumn] = line;
    }
    return new SplitLine(values, values[contentColumn], true);
  }
}
