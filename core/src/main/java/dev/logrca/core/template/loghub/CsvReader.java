package dev.logrca.core.template.loghub;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV records one at a time, RFC 4180: quoted fields may hold commas, doubled quotes and line
 * breaks; records end with {@code \n} or {@code \r\n}. Not thread-safe.
 */
public final class CsvReader implements Closeable {
  private final BufferedReader in;
  private final StringBuilder field = new StringBuilder();
  private long record;

  public CsvReader(Reader in) {
    this.in = in instanceof BufferedReader buffered ? buffered : new BufferedReader(in, 1 << 16);
  }

  /** The next record's fields, or null at the end of the input. */
  public List<String> next() throws IOException {
    int c = in.read();
    if (c == -1) {
      return null;
    }
    record++;
    List<String> fields = new ArrayList<>();
    while (true) {
      field.setLength(0);
      if (c == '"') {
        c = readQuoted();
      } else {
        while (c != -1 && c != ',' && c != '\n') {
          field.append((char) c);
          c = in.read();
        }
        if (c != ',' && field.length() > 0 && field.charAt(field.length() - 1) == '\r') {
          field.setLength(field.length() - 1);
        }
      }
      fields.add(field.toString());
      if (c != ',') {
        return fields;
      }
      c = in.read();
    }
  }

  /** Reads a quoted field after its opening quote; returns the character after it. */
  private int readQuoted() throws IOException {
    while (true) {
      int c = in.read();
      if (c == -1) {
        throw new IOException("record " + record + ": a quoted field is not closed");
      }
      if (c != '"') {
        field.append((char) c);
        continue;
      }
      int next = in.read();
      if (next == '"') {
        field.append('"');
        continue;
      }
      if (next == '\r') {
        next = in.read();
      }
      if (next != ',' && next != '\n' && next != -1) {
        throw new IOException("record " + record + ": text after a quoted field");
      }
      return next;
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
