package dev.logrca.flink.correlate;

import dev.logrca.rules.CompiledRules;
import dev.logrca.rules.RuleCompilationException;
import dev.logrca.rules.RuleCompilations;
import dev.logrca.rules.RulePack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches an operator's rule folder for changed content and compiles it on a thread of its own, so
 * that a running job picks up edited rules without a restart. A folder that does not compile is
 * reported with {@code path:line:column: message} for each problem and the rules running stay in
 * force; the same broken content is not compiled again until it changes. Not thread-safe: one
 * caller (the operator's thread) polls it.
 */
public final class RuleWatch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RuleWatch.class);

  /** What the watch tells its owner besides the log, e.g. to count in metrics. */
  public interface Listener {
    /** New rules compiled from {@code files} rule files and are about to run. */
    void reloaded(int files, int rules);

    /** The folder's content does not compile; each problem is {@code path:line:column: text}. */
    void rejected(List<String> problems);
  }

  private final RuleSource source;
  private final long intervalMillis;
  private final Listener listener;
  private final RulePack shipped = RulePack.shipped();
  private final ExecutorService compiler;
  private String runningHash;
  private String rejectedHash;
  private List<String> rejectedProblems = List.of();
  private Compilation inFlight;
  private long nextCheck = Long.MIN_VALUE;
  private boolean folderMissing;

  /** A compile of one folder content, running or done. */
  private record Compilation(String hash, int files, Future<CompiledRules> result) {}

  /**
   * @param source the shipped rules and, when it names one, the folder to watch
   * @param intervalMillis how often (processing time) the folder is read again
   * @param listener told of every reload and rejection
   */
  public RuleWatch(RuleSource source, long intervalMillis, Listener listener) {
    this.source = source;
    this.intervalMillis = intervalMillis;
    this.listener = listener;
    this.compiler =
        source.extraDir() == null
            ? null
            : Executors.newSingleThreadExecutor(
                r -> {
                  Thread t = new Thread(r, "logrca-rule-compiler");
                  t.setDaemon(true);
                  // the rules name fact classes: resolve them as the job's own code does
                  t.setContextClassLoader(RuleWatch.class.getClassLoader());
                  return t;
                });
  }

  /** Whether there is a folder to watch at all. */
  public boolean watching() {
    return compiler != null;
  }

  /**
   * Compiles the current rules, blocking. A folder that is missing or does not compile leaves the
   * shipped rules alone running (after a restart there are no older rules to keep) until it does.
   */
  public CompiledRules start() {
    if (!watching()) {
      return RuleCompilations.compile(shipped);
    }
    RulePack pack = read();
    if (pack != null) {
      String hash = hash(pack);
      try {
        CompiledRules rules = RuleCompilations.compile(pack);
        runningHash = hash;
        LOG.info("rules loaded: {} files, {} rules", pack.files().size(), rules.ruleNames().size());
        return rules;
      } catch (RuleCompilationException e) {
        reject(hash, e.problems());
      }
    }
    LOG.warn("running the shipped rules only until {} compiles", source.extraDir());
    return RuleCompilations.compile(shipped);
  }

  /**
   * Reads the folder when a check is due at processing time {@code nowMillis} and starts compiling
   * content that changed; returns the rules to run from now on when a compile succeeded since the
   * last call, else null.
   */
  public CompiledRules poll(long nowMillis) {
    if (!watching()) {
      return null;
    }
    CompiledRules done = finished();
    if (nowMillis >= nextCheck) {
      nextCheck = nowMillis + intervalMillis;
      // one compile at a time; the content is read again once it is done
      RulePack pack = inFlight == null ? read() : null;
      if (pack != null) {
        String hash = hash(pack);
        if (!hash.equals(runningHash) && !hash.equals(rejectedHash)) {
          inFlight = new Compilation(hash, pack.files().size(), compiler.submit(pack::compile));
        }
      }
    }
    return done;
  }

  /** When the next check is due, processing time; after a poll always later than its time. */
  public long nextCheck() {
    return nextCheck;
  }

  /** The problems of the last content that did not compile, empty when none did. */
  public List<String> rejectedProblems() {
    return rejectedProblems;
  }

  /** Waits until a compile that {@link #poll} started has finished (tests use it). */
  void awaitCompilation() throws InterruptedException, ExecutionException {
    if (inFlight != null) {
      try {
        inFlight.result().get();
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof RuleCompilationException)) {
          throw e;
        }
      }
    }
  }

  /** The rules of a finished compile, or null; a failed compile is reported here. */
  private CompiledRules finished() {
    if (inFlight == null || !inFlight.result().isDone()) {
      return null;
    }
    Compilation done = inFlight;
    inFlight = null;
    try {
      CompiledRules rules = done.result().get();
      runningHash = done.hash();
      LOG.info("rules reloaded: {} files, {} rules", done.files(), rules.ruleNames().size());
      listener.reloaded(done.files(), rules.ruleNames().size());
      return rules;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuleCompilationException broken) {
        reject(done.hash(), broken.problems());
        return null;
      }
      throw new IllegalStateException("compiling the rules of " + source.extraDir() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while taking compiled rules", e);
    }
  }

  private void reject(String hash, List<String> problems) {
    rejectedHash = hash;
    rejectedProblems = List.copyOf(problems);
    LOG.error(
        "the rules in {} do not compile, {} problems; the running rules stay in force",
        source.extraDir(),
        problems.size());
    problems.forEach(p -> LOG.error("{}", p));
    listener.rejected(rejectedProblems);
  }

  /** The shipped pack with the folder's files, or null (and a warning once) when it is gone. */
  private RulePack read() {
    try {
      RulePack pack = RulePack.load(shipped, Path.of(source.extraDir()));
      if (folderMissing) {
        LOG.info("rules folder {} is back", source.extraDir());
      }
      folderMissing = false;
      return pack;
    } catch (IOException e) {
      if (!folderMissing) {
        LOG.warn(
            "cannot read rules folder {} ({}); keeping the rules running", source.extraDir(), e);
      }
      folderMissing = true;
      return null;
    }
  }

  /** A hash of every file's name, origin and text: a rewrite with the same text is no change. */
  private static String hash(RulePack pack) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (RulePack.RuleFile file : pack.files()) {
        for (String part : List.of(file.name(), file.origin(), file.drl())) {
          byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
          digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
          digest.update((byte) ':');
          digest.update(bytes);
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (compiler != null) {
      compiler.shutdownNow();
      compiler.awaitTermination(10, TimeUnit.SECONDS);
    }
  }
}
