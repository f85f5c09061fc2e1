package dev.logrca.cli;

import dev.logrca.core.decode.HeaderFormat;
import dev.logrca.core.decode.LineReader;
import dev.logrca.core.template.MinerConfig;
import dev.logrca.core.template.Template;
import dev.logrca.core.template.loghub.LineSplitter;
import dev.logrca.core.template.loghub.MinedFile;
import dev.logrca.core.template.loghub.StructuredCsvWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code logrca parse}: mines the templates of one log file and writes it as a Loghub structured
 * CSV, or prints what was found. Needs no Flink: two passes over the file, one int held per line.
 */
@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    description = {
      "Mine the templates of a log file. With --out, write it as a Loghub structured CSV: LineId,"
          + " the header fields, Content, EventId, EventTemplate (each line's final template);"
          + " without, print the line and template counts and the most frequent templates.",
      "Reads the file twice and keeps 4 bytes a line besides the miner, so files of any length"
          + " parse in a small heap."
    })
public final class ParseCommand implements Callable<Integer> {
  /** {@code --out} value that writes the CSV to standard output. */
  static final String STDOUT = "-";

  @Spec CommandSpec spec;

  @Option(
      names = "--format",
      paramLabel = "HEADER",
      description =
          "Header format, logparser style, e.g. '<Date> <Time> <Level> <Component>: <Content>':"
              + " its fields become CSV columns and <Content> is mined. Default: the decoders of"
              + " analyze (JSON, common header shapes), with the message as Content.")
  String format;

  @Option(
      names = "--out",
      paramLabel = "CSV",
      description = "Write the structured CSV here ('-' for standard output).")
  String out;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "10",
      description = "Templates listed in the summary (default: ${DEFAULT-VALUE}).")
  int top;

  @Parameters(paramLabel = "FILE", description = "The log file.")
  Path file;

  @Override
  public Integer call() throws IOException {
    LineSplitter splitter = splitter();
    Path csv = outputPath();
    if (top < 0) {
      throw usage("--top must not be negative, not " + top);
    }
    long started = System.nanoTime();
    MinedFile mined = MinedFile.mine(file, splitter, MinerConfig.defaults());
    PrintWriter err = spec.commandLine().getErr();
    if (out == null) {
      printSummary(spec.commandLine().getOut(), mined);
      return 0;
    }
    StructuredCsvWriter.Written written = writeCsv(mined, splitter, csv);
    double seconds = (System.nanoTime() - started) / 1e9;
    err.printf(
        Locale.ROOT,
        "parsed %d lines into %d templates in %.1f s; %d lines did not match the header format"
            + " (written with empty header fields)%s; CSV in %s%n",
        mined.lines(),
        mined.templateCount(),
        seconds,
        mined.unmatchedLines(),
        written.evictedTemplateRows() == 0
            ? ""
            : "; " + written.evictedTemplateRows() + " lines lost their template to eviction",
        csv == null ? "standard output" : csv);
    err.flush();
    return 0;
  }

  private LineSplitter splitter() {
    if (!Files.isRegularFile(file)) {
      throw usage(file + ": " + (Files.exists(file) ? "not a file" : "no such file"));
    }
    try {
      if (LineReader.looksBinary(file)) {
        throw usage(file + ": a binary or compressed file, not a log");
      }
    } catch (IOException e) {
      throw usage(file + ": cannot be read (" + e.getMessage() + ")");
    }
    if (format == null) {
      return LineSplitter.byDefaultDecoding(file.toString());
    }
    try {
      return LineSplitter.byFormat(HeaderFormat.compile(format));
    } catch (IllegalArgumentException e) {
      throw usage("--format: " + e.getMessage());
    }
  }

  /** The CSV file, null for standard output or no CSV; never the log itself. */
  private Path outputPath() {
    if (out == null || out.equals(STDOUT)) {
      return null;
    }
    Path csv = Path.of(out);
    try {
      if (Files.exists(csv) && Files.isSameFile(csv, file)) {
        throw usage("--out " + out + " is the log file itself");
      }
    } catch (IOException e) {
      throw usage("--out " + out + ": " + e.getMessage());
    }
    if (Files.isDirectory(csv)) {
      throw usage("--out " + out + " is a folder, not a file");
    }
    return csv;
  }

  private StructuredCsvWriter.Written writeCsv(MinedFile mined, LineSplitter splitter, Path csv)
      throws IOException {
    LineSplitter again = splitter.restart(file.toString());
    if (csv == null) {
      PrintWriter stdout = spec.commandLine().getOut();
      StructuredCsvWriter.Written written = StructuredCsvWriter.write(mined, again, stdout);
      stdout.flush();
      return written;
    }
    try (Writer writer =
        new BufferedWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8), 1 << 16)) {
      return StructuredCsvWriter.write(mined, again, writer);
    }
  }

  private void printSummary(PrintWriter stdout, MinedFile mined) {
    stdout.printf(
        Locale.ROOT,
        "%s: %d lines, %d templates, %d lines not matching the header format%n",
        file,
        mined.lines(),
        mined.templateCount(),
        mined.unmatchedLines());
    if (top > 0 && mined.templateCount() > 0) {
      stdout.printf(Locale.ROOT, "%n%10s %6s  %s%n", "lines", "id", "template");
      for (Template template : mined.topTemplates(top)) {
        stdout.printf(
            Locale.ROOT,
            "%10d %6s  %s%n",
            template.matchCount(),
            "E" + template.id(),
            template.text());
      }
    }
    stdout.flush();
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
