package dev.logrca.flink;

import dev.logrca.flink.source.kafka.KafkaSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The arguments of the job jar's main, as {@code flink run} passes them: Kafka or files, where the
 * indices go, rules, topology, parallelism. A wrong argument is an {@link IllegalArgumentException}
 * that names it.
 *
 * @param kafka where to read from Kafka, or null to read {@code paths}
 * @param paths log files and folders (when not reading Kafka)
 * @param follow keep reading the files as they grow and new files in the folders
 * @param format the header format of the files' lines, or null
 * @param data the folder of the indices, on a file system every TaskManager shares
 * @param rules a folder of extra rules, or null
 * @param topology a topology file, or null
 * @param parallelism parallelism of the per-service stages and of the Kafka readers
 * @param checkpointInterval how often state, offsets and index commits are checkpointed
 */
public record JobArguments(
    KafkaSettings kafka,
    List<String> paths,
    boolean follow,
    String format,
    String data,
    String rules,
    String topology,
    int parallelism,
    Duration checkpointInterval) {

  /** How the job jar is run; printed with every argument error. */
  public static final String USAGE =
      "usage: flink run logrca-job.jar (--kafka HOST:PORT (--topic T)... | --topic-pattern REGEX)"
          + " [--group ID] [--kafka-property K=V]... [--kafka-properties FILE] [--until-latest]"
          + " [--idleness SECONDS] | [--follow] [--format HEADER] PATH...;"
          + " [--data DIR] [--rules DIR] [--topology FILE] [--parallelism N]"
          + " [--checkpoint-interval SECONDS]";

  /** Reads {@code args}. */
  public static JobArguments parse(String[] args) {
    Parser p = new Parser();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        p.paths.add(arg);
      } else if (p.flag(arg)) {
        continue;
      } else if (i + 1 >= args.length) {
        throw new IllegalArgumentException(arg + " needs a value; " + USAGE);
      } else {
        p.option(arg, args[++i]);
      }
    }
    return p.build();
  }

  /** Collects the arguments one by one. */
  private static final class Parser {
    final List<String> paths = new ArrayList<>();
    final List<String> topics = new ArrayList<>();
    final Map<String, String> properties = new LinkedHashMap<>();
    String kafka;
    String topicPattern;
    String group = "logrca";
    boolean untilLatest;
    boolean follow;
    Duration idleness = Duration.ofSeconds(10);
    String format;
    String data = "data";
    String rules;
    String topology;
    int parallelism = 1;
    Duration checkpointInterval = Duration.ofSeconds(10);

    boolean flag(String arg) {
      switch (arg) {
        case "--until-latest" -> untilLatest = true;
        case "--follow" -> follow = true;
        default -> {
          return false;
        }
      }
      return true;
    }

    void option(String name, String value) {
      switch (name) {
        case "--kafka" -> kafka = value;
        case "--topic" -> topics.add(value);
        case "--topic-pattern" -> topicPattern = value;
        case "--group" -> group = value;
        case "--kafka-property" -> property(value);
        case "--kafka-properties" -> propertiesFile(value);
        case "--idleness" -> idleness = Duration.ofSeconds(positive(name, value));
        case "--format" -> format = value;
        case "--data" -> data = value;
        case "--rules" -> rules = value;
        case "--topology" -> topology = value;
        case "--parallelism" -> parallelism = (int) positive(name, value);
        case "--checkpoint-interval" ->
            checkpointInterval = Duration.ofSeconds(positive(name, value));
        default -> throw new IllegalArgumentException("unknown option " + name + "; " + USAGE);
      }
    }

    void property(String pair) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("--kafka-property wants KEY=VALUE, not '" + pair + "'");
      }
      properties.put(pair.substring(0, eq).strip(), pair.substring(eq + 1));
    }

    void propertiesFile(String file) {
      Properties read = new Properties();
      try (Reader in = Files.newBufferedReader(Path.of(file))) {
        read.load(in);
      } catch (IOException e) {
        throw new IllegalArgumentException("--kafka-properties " + file + ": " + e.getMessage());
      }
      read.stringPropertyNames().forEach(k -> properties.putIfAbsent(k, read.getProperty(k)));
    }

    static long positive(String name, String value) {
      try {
        long n = Long.parseLong(value);
        if (n >= 1) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below, with the option's name
      }
      throw new IllegalArgumentException(
          name + " wants a positive whole number, not '" + value + "'");
    }

    JobArguments build() {
      KafkaSettings settings = null;
      if (kafka != null) {
        if (!paths.isEmpty() || follow || format != null) {
          throw new IllegalArgumentException("read --kafka or files, not both; " + USAGE);
        }
        settings =
            new KafkaSettings(
                kafka, topics, topicPattern, group, properties, untilLatest, idleness);
      } else if (!topics.isEmpty() || topicPattern != null || !properties.isEmpty()) {
        throw new IllegalArgumentException("--topic and Kafka properties need --kafka; " + USAGE);
      } else if (paths.isEmpty()) {
        throw new IllegalArgumentException("nothing to read: give --kafka or paths; " + USAGE);
      }
      return new JobArguments(
          settings, paths, follow, format, data, rules, topology, parallelism, checkpointInterval);
    }
  }
}
