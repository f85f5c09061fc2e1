package dev.logrca.cli;

import dev.logrca.core.decode.HeaderFormat;
import dev.logrca.core.template.MinerConfig;
import dev.logrca.core.template.loghub.LineSplitter;
import dev.logrca.core.template.loghub.LoghubFolder;
import dev.logrca.core.template.loghub.LoghubScore;
import dev.logrca.core.template.loghub.MinedFile;
import dev.logrca.core.template.loghub.StructuredCsv;
import dev.logrca.core.template.loghub.StructuredLine;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code logrca eval parsing}: mines each system's raw log through its header format and scores the
 * templates against the system's ground truth with the Loghub metrics.
 */
@Command(
    name = "parsing",
    mixinStandardHelpOptions = true,
    description = {
      "Score the template miner on Loghub-style folders, one system each: the raw <name>.log and"
          + " its truth <name>.log_structured.csv. The log is split by the header format (--format,"
          + " else the entry named after the folder in a formats.json in the folder or its"
          + " parent), its Content mined, and each line's final template compared with the truth"
          + " by LineId.",
      "Prints per system GA (grouping accuracy), PA (parsing accuracy), FGA and FTA (F1 over"
          + " groups and over templates), the predicted and true group counts and the lines, then"
          + " the averages."
    })
public final class EvalParsingCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--format",
      paramLabel = "HEADER",
      description = "Header format for every folder, instead of formats.json.")
  String format;

  @Parameters(
      paramLabel = "DIR",
      arity = "1..*",
      description = "One folder per system; files among them are skipped.")
  List<Path> dirs;

  @Override
  public Integer call() throws Exception {
    // every folder is checked before the first is mined: a typo fails at once
    PrintWriter err = spec.commandLine().getErr();
    List<LoghubFolder> folders = new ArrayList<>();
    List<HeaderFormat> formats = new ArrayList<>();
    for (Path dir : dirs) {
      if (Files.isRegularFile(dir)) {
        // a shell glob over a benchmark folder also names its README and formats.json
        err.println(dir + ": skipped, a file and not a system's folder");
        continue;
      }
      LoghubFolder folder = folder(dir);
      folders.add(folder);
      formats.add(compile(folder));
    }
    if (folders.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "no folder given, only files");
    }
    err.flush();
    PrintWriter out = spec.commandLine().getOut();
    ParsingTable table = new ParsingTable(out);
    table.printHeader();
    for (int i = 0; i < folders.size(); i++) {
      LoghubFolder folder = folders.get(i);
      MinedFile mined =
          MinedFile.mine(
              folder.log(), LineSplitter.byFormat(formats.get(i)), MinerConfig.defaults());
      List<StructuredLine> truth = StructuredCsv.read(folder.truth());
      table.printRow(
          folder.system(),
          LoghubScore.of(mined, truth),
          LoghubScore.of(mined, truth, LoghubScore.TruthGroups.EVENT_ID).groupingAccuracy(),
          mined.lines());
      if (mined.unmatchedLines() > 0) {
        err.println(
            folder.system()
                + ": "
                + mined.unmatchedLines()
                + " lines did not match the header format and were mined whole");
        err.flush();
      }
    }
    table.printAverage();
    return 0;
  }

  private LoghubFolder folder(Path dir) {
    try {
      return LoghubFolder.of(dir, format);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private HeaderFormat compile(LoghubFolder folder) {
    try {
      return HeaderFormat.compile(folder.format());
    } catch (IllegalArgumentException e) {
      String source = format != null ? "--format" : folder.system() + " in formats.json";
      throw new ParameterException(spec.commandLine(), source + ": " + e.getMessage());
    }
  }
}
