package dev.logrca.core.template.loghub;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes CSV records as RFC 4180 and the Loghub files do (Python's minimal quoting): a field is
 * quoted only when it holds a comma, a double quote or a line break, and quotes inside are doubled;
 * records end with {@code \n}.
 */
public final class CsvWriter {
  private final Writer out;

  public CsvWriter(Writer out) {
    this.out = out;
  }

  /** Writes one record. */
  public void write(List<String> fields) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      writeField(fields.get(i));
    }
    out.write('\n');
  }

  /** Writes one field, quoted if it must be; the caller writes the separators. */
  void writeField(String field) throws IOException {
    if (!needsQuotes(field)) {
      out.write(field);
      return;
    }
    out.write('"');
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '"') {
        out.write('"');
      }
      out.write(c);
    }
    out.write('"');
  }

  /** True when {@code field} must be quoted to read back as itself. */
  static boolean needsQuotes(String field) {
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }
}
