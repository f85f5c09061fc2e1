package dev.logrca.core.template.loghub;

import dev.logrca.core.decode.LineReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The second pass of a parse: reads the mined file again, splits each line as the first pass did
 * and writes it as a Loghub structured CSV row with its final event id and template.
 */
public final class StructuredCsvWriter {
  private StructuredCsvWriter() {}

  /** What the second pass wrote. */
  public record Written(long rows, long evictedTemplateRows) {}

  /**
   * Writes the header and one row per line of {@code mined}'s file. A line whose template was
   * evicted keeps its event id and gets an empty template.
   *
   * @throws IOException when the file cannot be read, or no longer has the lines it had when mined
   */
  public static Written write(MinedFile mined, LineSplitter splitter, Writer out)
      throws IOException {
    CsvWriter csv = new CsvWriter(out);
    csv.write(StructuredCsv.header(splitter.columns()));
    List<String> row = new ArrayList<>(splitter.columns().size() + 3);
    long evicted = 0;
    int line = 0;
    try (LineReader reader = LineReader.open(mined.file(), 0, MinedFile.MAX_LINE_BYTES)) {
      LineReader.Line read;
      while ((read = reader.next()) != null) {
        if (line == mined.lines()) {
          throw changed(mined);
        }
        SplitLine split = splitter.split(read.text(), line);
        Optional<String> template = mined.template(line);
        if (template.isEmpty()) {
          evicted++;
        }
        row.clear();
        row.add(Integer.toString(line + 1));
        row.addAll(Arrays.asList(split.columns()));
        row.add(mined.eventId(line));
        row.add(template.orElse(""));
        csv.write(row);
        line++;
      }
    }
    if (line != mined.lines()) {
      throw changed(mined);
    }
    return new Written(line, evicted);
  }

  private static IOException changed(MinedFile mined) {
    return new IOException(
        mined.file() + ": changed while being parsed (it had " + mined.lines() + " lines)");
  }
}
