package dev.logrca.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * The event index of a data folder as shards: {@code <data>/events/shard-0 .. shard-(n-1)}, one per
 * writer of the job's event sink, each service's events and templates in the shard its name hashes
 * to ({@link #shardOf}), with the shard count kept in {@code events/shards.properties}. An index
 * written by an earlier release straight into {@code <data>/events} reads as one shard. Readers
 * open every shard together here ({@link #openReader}); writers open their own ({@link
 * #openShard}).
 */
public final class EventShards {
  /** Flink's default number of key groups (its max parallelism for up to 85 subtasks). */
  public static final int DEFAULT_KEY_GROUPS = 128;

  static final String SHARD_PREFIX = "shard-";

  private EventShards() {}

  /**
   * The folders that hold the event index of {@code dataDir} now, in shard order: {@code
   * <data>/events} itself for an index of an earlier release, else its {@code shard-n} folders
   * (none before the first writer opens).
   */
  public static List<Path> folders(Path dataDir) throws IOException {
    Path events = EventIndex.folderIn(dataDir);
    if (!Files.isDirectory(events)) {
      return List.of();
    }
    if (isSingleFolder(events)) {
      return List.of(events);
    }
    List<Path> shards = new ArrayList<>();
    try (Stream<Path> children = Files.list(events)) {
      children
          .filter(p -> shardNumber(p) >= 0 && Files.isDirectory(p))
          .sorted(Comparator.comparingInt(EventShards::shardNumber))
          .forEach(shards::add);
    }
    return shards;
  }

  /**
   * Every committed event and template document of {@code dataDir}, all shards read together;
   * throws {@link IndexNotFoundException} before any shard has a commit. Close it when done.
   */
  public static ShardedReader openReader(Path dataDir) throws IOException {
    List<DirectoryReader> readers = new ArrayList<>();
    List<Directory> directories = new ArrayList<>();
    try {
      for (Path folder : folders(dataDir)) {
        Directory directory = FSDirectory.open(folder);
        directories.add(directory);
        if (DirectoryReader.indexExists(directory)) {
          readers.add(DirectoryReader.open(directory));
        }
      }
      if (readers.isEmpty()) {
        throw new IndexNotFoundException("no event index in " + EventIndex.folderIn(dataDir));
      }
      return ShardedReader.owning(readers, directories);
    } catch (IOException | RuntimeException e) {
      IOUtils.closeWhileHandlingException(readers);
      IOUtils.closeWhileHandlingException(directories);
      throw e;
    }
  }

  /** The number of committed events over all shards (template documents left out), 0 if none. */
  public static long count(Path dataDir) throws IOException {
    try (ShardedReader reader = openReader(dataDir)) {
      return reader.numDocs() - (long) new IndexSearcher(reader).count(TemplateDocuments.all());
    } catch (IndexNotFoundException e) {
      return 0;
    }
  }

  /**
   * The shard of {@code service}'s events among {@code shards}: the subtask Flink's {@code keyBy}
   * on the service sends them to with {@code keyGroups} key groups (its max parallelism), so the
   * job's sink writes each service's documents into one shard, the same one after every restore.
   */
  public static int shardOf(String service, int shards, int keyGroups) {
    Objects.requireNonNull(service, "service");
    if (shards < 1 || keyGroups < shards) {
      throw new IllegalArgumentException(
          "need 1 <= shards <= keyGroups, got " + shards + " and " + keyGroups);
    }
    int keyGroup = KeyHash.murmur(service.hashCode()) % keyGroups;
    return keyGroup * shards / keyGroups;
  }

  /**
   * Refuses, with a message that says what to do, to write {@code dataDir}'s event index as {@code
   * shards} shards over {@code keyGroups} key groups when it was written otherwise: a line read
   * again would land in another shard than its first copy (a duplicate), and a service's templates
   * would split over two shards. Passes for a new data folder.
   */
  public static void checkWritable(Path dataDir, int shards, int keyGroups) throws IOException {
    Path events = EventIndex.folderIn(dataDir);
    if (Files.isDirectory(events) && isSingleFolder(events)) {
      if (shards != 1) {
        throw new IllegalStateException(
            events
                + " holds an event index of an earlier logrca written as one folder: it can be"
                + " appended to at parallelism 1 only; run with --parallelism 1 or use a new data"
                + " folder");
      }
      return;
    }
    ShardLayout.of(shards, keyGroups).checkAgainst(events);
  }

  /**
   * Opens (creating if needed) shard {@code shard} of {@code shards} for writing, after {@link
   * #checkWritable}; an index of an earlier release is its own shard 0 of 1.
   */
  public static EventIndex openShard(Path dataDir, int shard, int shards, int keyGroups)
      throws IOException {
    if (shard < 0 || shard >= shards) {
      throw new IllegalArgumentException("shard " + shard + " of " + shards);
    }
    checkWritable(dataDir, shards, keyGroups);
    Path events = EventIndex.folderIn(dataDir);
    if (Files.isDirectory(events) && isSingleFolder(events)) {
      return EventIndex.open(events);
    }
    ShardLayout.of(shards, keyGroups).writeTo(events);
    return EventIndex.open(events.resolve(SHARD_PREFIX + shard));
  }

  /**
   * The shard count and key groups {@code dataDir}'s event index was written with: 1 and the
   * default for a new data folder or an index of an earlier release.
   */
  public static ShardLayout layout(Path dataDir) throws IOException {
    Path events = EventIndex.folderIn(dataDir);
    ShardLayout found =
        !Files.isDirectory(events) || isSingleFolder(events) ? null : ShardLayout.read(events);
    return found == null ? ShardLayout.of(1, DEFAULT_KEY_GROUPS) : found;
  }

  /** True when {@code events} holds a Lucene commit itself (the layout of earlier releases). */
  private static boolean isSingleFolder(Path events) throws IOException {
    try (Stream<Path> children = Files.list(events)) {
      String[] names = children.map(p -> p.getFileName().toString()).toArray(String[]::new);
      return SegmentInfos.getLastCommitGeneration(names) >= 0;
    }
  }

  /** n for a folder named {@code shard-n}, else -1. */
  private static int shardNumber(Path folder) {
    String name = folder.getFileName().toString();
    if (!name.startsWith(SHARD_PREFIX) || name.length() == SHARD_PREFIX.length()) {
      return -1;
    }
    String digits = name.substring(SHARD_PREFIX.length());
    return digits.length() <= 6 && digits.chars().allMatch(Character::isDigit)
        ? Integer.parseInt(digits)
        : -1;
  }
}
