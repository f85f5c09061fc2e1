package dev.logrca.flink.source;

import dev.logrca.core.decode.LineReader;
import dev.logrca.core.decode.ServiceNames;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A folder of log files that is followed: files that appear in it later are read too.
 *
 * @param path absolute path of the folder
 * @param headerFormat the header format of its files' lines, or null to recognise common shapes
 */
public record LogFolder(String path, String headerFormat) implements Serializable {
  /** Inside folders, files with these extensions are data or archives, not logs. */
  private static final Set<String> NOT_LOGS =
      Set.of(
          "json", "yaml", "yml", "csv", "md", "html", "png", "jpg", "pdf", "jar", "class", "zip",
          "tar", "gz", "bz2", "xz", "zst");

  /** Whether a file found inside a folder is taken for a log: not hidden, not data by extension. */
  public static boolean mayBeLog(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    return !name.startsWith(".") && !NOT_LOGS.contains(extension);
  }

  /** The log files in the folder (and below) now. */
  public List<LogFile> logFiles() throws IOException {
    return newFiles(Set.of());
  }

  /** The log files in the folder (and below) whose paths are not in {@code known}. */
  List<LogFile> newFiles(Set<String> known) throws IOException {
    List<LogFile> found = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(Path.of(path))) {
      for (Path file : walk.filter(Files::isRegularFile).filter(LogFolder::mayBeLog).toList()) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!known.contains(absolute.toString()) && !binary(absolute)) {
          found.add(
              new LogFile(absolute.toString(), ServiceNames.fromPath(absolute), headerFormat));
        }
      }
    } catch (NoSuchFileException | UncheckedIOException e) {
      // the folder (or a file in it) vanished while it was listed: the next scan sees it as it is
      return found;
    }
    found.sort((a, b) -> a.path().compareTo(b.path()));
    return found;
  }

  private static boolean binary(Path file) {
    try {
      return LineReader.looksBinary(file);
    } catch (IOException e) {
      return true; // unreadable for now (or gone): looked at again at the next scan
    }
  }
}
