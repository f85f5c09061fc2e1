package dev.logrca.rules.scenario;

import dev.logrca.rules.CompiledRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A set of scenario files and what running them gave: one result per scenario, the files that could
 * not be read, and every rule that fired in any of them.
 *
 * @param results one per scenario, in file order
 * @param fileErrors one {@code path:line:column: problem} per unreadable file
 */
public record ScenarioSuite(List<ScenarioResult> results, List<String> fileErrors) {
  /** Lists the shipped scenario files, one resource path a line; a test keeps it in step. */
  public static final String SHIPPED_INDEX = "dev/logrca/rules/scenarios/scenarios.txt";

  /** A scenario file's name (or resource path) and text. */
  public record SourceFile(String origin, String text) {}

  /** The scenarios shipped with the rules. */
  public static List<SourceFile> shippedFiles() {
    List<SourceFile> files = new ArrayList<>();
    for (String line : resource(SHIPPED_INDEX).lines().map(String::trim).toList()) {
      if (!line.isEmpty() && !line.startsWith("#")) {
        files.add(new SourceFile(line, resource(line)));
      }
    }
    return files;
  }

  /** The {@code *.yaml}, {@code *.yml} and {@code *.json} files directly in {@code dir}. */
  public static List<SourceFile> filesIn(Path dir) throws IOException {
    List<Path> paths;
    try (Stream<Path> list = Files.list(dir)) {
      paths =
          list.filter(p -> ScenarioReader.isScenarioFile(p.getFileName().toString()))
              .filter(Files::isRegularFile)
              .sorted()
              .toList();
    }
    List<SourceFile> files = new ArrayList<>();
    for (Path p : paths) {
      files.add(new SourceFile(p.toString(), Files.readString(p)));
    }
    return files;
  }

  /** Reads and runs every scenario of {@code files} on {@code rules}, telling {@code progress}. */
  public static ScenarioSuite run(
      CompiledRules rules, List<SourceFile> files, Consumer<ScenarioResult> progress) {
    ScenarioRunner runner = new ScenarioRunner(rules);
    List<ScenarioResult> results = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (SourceFile file : files) {
      List<Scenario> scenarios;
      try {
        scenarios = ScenarioReader.read(file.origin(), file.text());
      } catch (ScenarioFileException e) {
        errors.add(e.getMessage());
        continue;
      }
      for (Scenario scenario : scenarios) {
        ScenarioResult result = runner.run(scenario, file.origin());
        results.add(result);
        progress.accept(result);
      }
    }
    return new ScenarioSuite(List.copyOf(results), List.copyOf(errors));
  }

  /** How many scenarios failed. */
  public long failed() {
    return results.stream().filter(r -> !r.passed()).count();
  }

  /** True when every file was read and every scenario passed. */
  public boolean passed() {
    return fileErrors.isEmpty() && failed() == 0;
  }

  /** Every rule that fired in some scenario, as {@code package: name}. */
  public Set<String> fired() {
    Set<String> fired = new TreeSet<>();
    results.forEach(r -> fired.addAll(r.fired()));
    return fired;
  }

  /** The rules of {@code rules} that fired in no scenario. */
  public Set<String> uncovered(CompiledRules rules) {
    Set<String> uncovered = new TreeSet<>(rules.ruleNames());
    uncovered.removeAll(fired());
    return uncovered;
  }

  /** {@code 40 scenarios: 39 passed, 1 failed}, with unreadable files when there are some. */
  public String summary() {
    String line =
        results.size()
            + " scenarios: "
            + (results.size() - failed())
            + " passed, "
            + failed()
            + " failed";
    return fileErrors.isEmpty() ? line : line + "; " + fileErrors.size() + " files unreadable";
  }

  private static String resource(String path) {
    try (InputStream in = ScenarioSuite.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing scenario resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read scenario resource " + path, e);
    }
  }
}
