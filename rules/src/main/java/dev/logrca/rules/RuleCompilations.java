package dev.logrca.rules;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Compiles a rule pack ahead, on a thread of its own, so that building the Drools knowledge base
 * (seconds) overlaps with starting the cluster instead of holding up the correlation operator's
 * start; the operator then takes the ahead compile when its pack has the same content. Keeps the
 * last ahead compile only, which later jobs of this JVM with the same rules share (a knowledge base
 * is thread-safe; each job opens its own sessions).
 */
public final class RuleCompilations {
  private static Ahead last;

  private record Ahead(String content, CompletableFuture<CompiledRules> rules) {}

  private RuleCompilations() {}

  /**
   * Starts compiling {@code pack}, unless a compile of the same content is running or done; returns
   * that compile, which fails with the pack's {@link RuleCompilationException} if it does not
   * compile.
   */
  public static synchronized CompletableFuture<CompiledRules> startAhead(RulePack pack) {
    String content = pack.content();
    if (last != null && last.content.equals(content)) {
      return last.rules;
    }
    CompletableFuture<CompiledRules> rules = new CompletableFuture<>();
    Thread compiler =
        new Thread(
            () -> {
              try {
                rules.complete(pack.compile());
              } catch (RuntimeException | Error e) {
                rules.completeExceptionally(e);
              }
            },
            "logrca-rules-ahead");
    compiler.setDaemon(true);
    // the knowledge base may outlive the job that asked for it: resolve the fact classes through
    // the loader of this code, never through a job's class loader that closes when the job ends
    compiler.setContextClassLoader(RuleCompilations.class.getClassLoader());
    compiler.start();
    last = new Ahead(content, rules);
    return rules;
  }

  /** Drops the last ahead compile, so that the next job builds its rules again (bench runs). */
  public static synchronized void forget() {
    last = null;
  }

  /**
   * {@code pack} compiled: the ahead compile when it has the same content (waiting for it if it
   * still runs), else compiled now on this thread. A pack that does not compile throws {@link
   * RuleCompilationException} either way.
   */
  public static CompiledRules compile(RulePack pack) {
    Ahead ahead;
    synchronized (RuleCompilations.class) {
      ahead = last;
    }
    if (ahead == null || !ahead.content.equals(pack.content())) {
      return pack.compile();
    }
    try {
      return ahead.rules.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }
}
