package dev.logrca.core.template.loghub;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Loghub structured CSV ({@code LineId}, header fields, {@code Content}, {@code EventId},
 * {@code EventTemplate}), as the benchmark publishes its ground truth and as {@code logrca parse}
 * writes it. Only the columns scoring needs are kept.
 */
public final class StructuredCsv {
  public static final String LINE_ID = "LineId";
  public static final String CONTENT = "Content";
  public static final String EVENT_ID = "EventId";
  public static final String EVENT_TEMPLATE = "EventTemplate";

  private StructuredCsv() {}

  /**
   * Every row of {@code file}, in file order.
   *
   * @throws IOException when the file cannot be read, lacks a column or has a row whose LineId is
   *     not a number
   */
  public static List<StructuredLine> read(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(reader, file.toString());
    }
  }

  /** Every row of a structured CSV; {@code name} says where it came from in error messages. */
  public static List<StructuredLine> read(Reader reader, String name) throws IOException {
    CsvReader csv = new CsvReader(reader);
    List<String> header = csv.next();
    if (header == null) {
      throw new IOException(name + ": empty, no CSV header");
    }
    if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
      header.set(0, header.get(0).substring(1));
    }
    int lineId = column(header, LINE_ID, name);
    int eventId = column(header, EVENT_ID, name);
    int template = column(header, EVENT_TEMPLATE, name);
    int content = header.indexOf(CONTENT);
    int needed = Math.max(Math.max(lineId, eventId), Math.max(template, content)) + 1;
    List<StructuredLine> lines = new ArrayList<>();
    List<String> row;
    for (long rowNo = 2; (row = csv.next()) != null; rowNo++) {
      if (row.size() == 1 && row.get(0).isEmpty()) {
        continue; // a blank line, as some editors leave at the end
      }
      if (row.size() < needed) {
        throw new IOException(
            name + ": row " + rowNo + " has " + row.size() + " fields, the header " + needed);
      }
      lines.add(
          new StructuredLine(
              lineId(row.get(lineId), name, rowNo),
              content < 0 ? "" : row.get(content),
              row.get(eventId),
              row.get(template)));
    }
    return lines;
  }

  private static int column(List<String> header, String column, String name) throws IOException {
    int index = header.indexOf(column);
    if (index < 0) {
      throw new IOException(name + ": no " + column + " column in the CSV header " + header);
    }
    return index;
  }

  private static long lineId(String text, String name, long rowNo) throws IOException {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new IOException(name + ": row " + rowNo + ": LineId '" + text + "' is not a number");
    }
  }

  /**
   * The header of a structured CSV whose lines were split into {@code columns} (the header fields
   * in format order, {@code Content} among them): LineId first, EventId and EventTemplate last.
   */
  public static List<String> header(List<String> columns) {
    List<String> header = new ArrayList<>(columns.size() + 3);
    header.add(LINE_ID);
    header.addAll(columns);
    header.add(EVENT_ID);
    header.add(EVENT_TEMPLATE);
    return header;
  }
}
