package dev.logrca.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.conf.EventProcessingOption;
import org.kie.internal.builder.conf.ParallelRulesBuildThresholdOption;

/**
 * A set of DRL files: the shipped pack from this module's resources, optionally with an operator's
 * folder of {@code *.drl} that adds files or replaces shipped files of the same name. Immutable;
 * {@link #compile} turns it into rules or says exactly what is wrong.
 */
public final class RulePack {
  /** Lists the shipped files, one resource path a line; a test keeps it in step with the folder. */
  static final String INDEX = "dev/logrca/rules/rulepack.txt";

  private static final Pattern PACKAGE =
      Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?", Pattern.MULTILINE);
  private static final AtomicLong BUILDS = new AtomicLong();

  private final Map<String, RuleFile> files;

  /**
   * One DRL file.
   *
   * @param name its file name, which an operator's file of the same name replaces
   * @param origin where it came from (a resource path or a file path), used in error messages
   * @param drl its text
   */
  public record RuleFile(String name, String origin, String drl) {
    /** Where the file goes in the knowledge base: its package as folders, then its name. */
    String kiePath() {
      Matcher m = PACKAGE.matcher(drl);
      String folder = m.find() ? m.group(1).replace('.', '/') + "/" : "";
      return "src/main/resources/" + folder + name;
    }
  }

  private RulePack(Map<String, RuleFile> files) {
    this.files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
  }

  /** The DRL files shipped in this module. */
  public static RulePack shipped() {
    Map<String, RuleFile> files = new LinkedHashMap<>();
    for (String resource : readResource(INDEX).lines().map(String::trim).toList()) {
      if (resource.isEmpty() || resource.startsWith("#")) {
        continue;
      }
      RuleFile file = new RuleFile(fileName(resource), resource, readResource(resource));
      if (files.put(file.name(), file) != null) {
        throw new IllegalStateException("two shipped rule files are called " + file.name());
      }
    }
    return new RulePack(files);
  }

  /** {@code base} plus every {@code *.drl} directly in {@code extraDir}; same names replace. */
  public static RulePack load(RulePack base, Path extraDir) throws IOException {
    Map<String, RuleFile> files = new LinkedHashMap<>(base.files);
    List<Path> drls;
    try (Stream<Path> list = Files.list(extraDir)) {
      drls = list.filter(p -> p.getFileName().toString().endsWith(".drl")).sorted().toList();
    }
    for (Path drl : drls) {
      String name = drl.getFileName().toString();
      files.put(name, new RuleFile(name, drl.toString(), Files.readString(drl)));
    }
    return new RulePack(files);
  }

  /** The files, shipped first, in a stable order. */
  public Collection<RuleFile> files() {
    return files.values();
  }

  /** Everything a compile reads: each file's origin and text, in order. */
  String content() {
    StringBuilder all = new StringBuilder();
    for (RuleFile file : files.values()) {
      all.append(file.origin()).append('\u0000').append(file.drl()).append('\u0000');
    }
    return all.toString();
  }

  /** Compiles every file into one stream-mode knowledge base. */
  public CompiledRules compile() {
    KieServices ks = KieServices.Factory.get();
    KieFileSystem kfs = ks.newKieFileSystem();
    ReleaseId releaseId =
        ks.newReleaseId("dev.logrca", "rulepack-" + BUILDS.incrementAndGet(), "1");
    kfs.generateAndWritePomXML(releaseId);
    // Drools builds a package of more than 10 rules in parallel on a static fork-join pool. In the
    // second Flink job of one JVM (eval rca runs one per folder) that build could no longer resolve
    // the fact classes ("class not found: java.lang.Object$timestamp" once resource/ had 11 rules),
    // seemingly because the pool's threads still belong to the first job's class loader. Build on
    // the calling thread.
    KieModuleModel module = ks.newKieModuleModel();
    module.setConfigurationProperty(ParallelRulesBuildThresholdOption.PROPERTY_NAME, "-1");
    kfs.writeKModuleXML(module.toXML());
    Map<String, String> origins = new LinkedHashMap<>();
    for (RuleFile file : files.values()) {
      String path = file.kiePath();
      if (origins.put(path, file.origin()) != null) {
        throw new RuleCompilationException(
            List.of(file.origin() + ":1:0: another file already defines " + path));
      }
      kfs.write(path, file.drl());
    }
    KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
    List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
    if (!errors.isEmpty()) {
      List<String> problems = new ArrayList<>();
      for (Message error : errors) {
        String path = error.getPath() == null ? "" : error.getPath();
        String origin =
            origins.getOrDefault(path, origins.getOrDefault("src/main/resources/" + path, path));
        // Drools spreads some messages over several lines; the operator gets one line a problem
        String text = error.getText().strip().replaceAll("\\s*\\R\\s*", " ");
        problems.add(origin + ":" + error.getLine() + ":" + error.getColumn() + ": " + text);
      }
      ks.getRepository().removeKieModule(releaseId);
      throw new RuleCompilationException(problems);
    }
    KieBaseConfiguration conf = ks.newKieBaseConfiguration();
    conf.setOption(EventProcessingOption.STREAM);
    KieBase kieBase = ks.newKieContainer(releaseId).newKieBase(conf);
    ks.getRepository().removeKieModule(releaseId);
    return new CompiledRules(this, kieBase);
  }

  private static String fileName(String resource) {
    return resource.substring(resource.lastIndexOf('/') + 1);
  }

  private static String readResource(String resource) {
    try (InputStream in = RulePack.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing rule resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read rule resource " + resource, e);
    }
  }
}
