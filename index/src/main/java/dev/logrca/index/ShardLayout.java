package dev.logrca.index;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * How a data folder's event index is split: into {@code shards} shards by the service's key group
 * among {@code keyGroups}. Kept in {@code events/shards.properties} by the first writer, so that a
 * later writer with another split is refused instead of writing a line's second copy elsewhere.
 *
 * @param shards the number of shards (the event sink's parallelism)
 * @param keyGroups the key groups services hash into (the sink's max parallelism)
 */
public record ShardLayout(int shards, int keyGroups) {
  static final String FILE = "shards.properties";

  public ShardLayout {
    if (shards < 1 || keyGroups < shards) {
      throw new IllegalArgumentException(
          "need 1 <= shards <= keyGroups, got " + shards + " and " + keyGroups);
    }
  }

  static ShardLayout of(int shards, int keyGroups) {
    return new ShardLayout(shards, keyGroups);
  }

  /** The layout kept in {@code events}, or null when none is kept yet. */
  static ShardLayout read(Path events) throws IOException {
    Properties kept = new Properties();
    try (Reader in = Files.newBufferedReader(events.resolve(FILE), StandardCharsets.UTF_8)) {
      kept.load(in);
    } catch (NoSuchFileException e) {
      return null;
    }
    try {
      return new ShardLayout(
          Integer.parseInt(kept.getProperty("shards", "")),
          Integer.parseInt(kept.getProperty("keyGroups", "")));
    } catch (IllegalArgumentException e) {
      throw new IOException(events.resolve(FILE) + " is damaged: " + kept, e);
    }
  }

  /** Refuses an index in {@code events} that keeps another layout than this one. */
  void checkAgainst(Path events) throws IOException {
    ShardLayout kept = Files.isDirectory(events) ? read(events) : null;
    if (kept != null && !kept.equals(this)) {
      throw new IllegalStateException(
          "the event index in "
              + events
              + " was written as "
              + kept.shards()
              + " shard(s) over "
              + kept.keyGroups()
              + " key groups; this job would write "
              + shards
              + " over "
              + keyGroups
              + ": lines read again would be indexed twice. Run with --parallelism "
              + kept.shards()
              + " (and the same max parallelism), or use a new data folder");
    }
  }

  /** Keeps this layout in {@code events}; writers racing here all write the same text. */
  void writeTo(Path events) throws IOException {
    Files.createDirectories(events);
    if (read(events) != null) {
      return;
    }
    Path temp = Files.createTempFile(events, FILE, ".tmp");
    try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
      out.write("# written by the first writer of this event index; see index/README.md\n");
      out.write("shards=" + shards + "\nkeyGroups=" + keyGroups + "\n");
    }
    // a reader sees the old state or the whole file, never half of it
    Files.move(temp, events.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
  }
}
