package dev.logrca.cli;

import dev.logrca.core.decode.LineReader;
import dev.logrca.core.decode.ServiceNames;
import dev.logrca.flink.source.LogFile;
import dev.logrca.flink.source.LogFolder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns the paths given to {@code analyze} into the files to read, and says why any path is left
 * out: missing, unreadable, binary, or (inside a folder) not a log by its extension. Files named on
 * the command line are always read if they can be.
 */
public final class InputScan {
  private final List<LogFile> files = new ArrayList<>();
  private final List<LogFolder> folders = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private final String headerFormat;

  private InputScan(String headerFormat) {
    this.headerFormat = headerFormat;
  }

  /** Scans {@code paths}; {@code headerFormat} (or null) applies to every file. */
  public static InputScan of(List<Path> paths, String headerFormat) throws IOException {
    InputScan scan = new InputScan(headerFormat);
    for (Path path : paths) {
      scan.add(path);
    }
    return scan;
  }

  /** The files to read, in a stable order. */
  public List<LogFile> files() {
    return List.copyOf(files);
  }

  /** The folders given, which {@code --follow} watches for new files. */
  public List<LogFolder> folders() {
    return List.copyOf(folders);
  }

  /** One line per path left out, with the reason. */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  private void add(Path path) throws IOException {
    if (!Files.exists(path)) {
      problems.add(path + ": no such file or directory");
    } else if (Files.isDirectory(path)) {
      folders.add(new LogFolder(path.toAbsolutePath().normalize().toString(), headerFormat));
      try (Stream<Path> walk = Files.walk(path)) {
        for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
          if (file.getFileName().toString().startsWith(".")) {
            continue;
          }
          if (!LogFolder.mayBeLog(file)) {
            problems.add(file + ": skipped, not a log file by its extension");
          } else {
            addFile(file);
          }
        }
      }
    } else {
      addFile(path);
    }
  }

  private void addFile(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      in.read(new byte[1]);
    } catch (IOException e) {
      problems.add(file + ": cannot be read (" + e.getMessage() + ")");
      return;
    }
    try {
      if (LineReader.looksBinary(file)) {
        problems.add(file + ": skipped, binary file");
        return;
      }
    } catch (IOException e) {
      problems.add(file + ": cannot be read (" + e.getMessage() + ")");
      return;
    }
    Path absolute = file.toAbsolutePath().normalize();
    files.add(new LogFile(absolute.toString(), ServiceNames.fromPath(absolute), headerFormat));
  }
}
