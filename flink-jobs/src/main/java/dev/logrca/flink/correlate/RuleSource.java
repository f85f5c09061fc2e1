package dev.logrca.flink.correlate;

import dev.logrca.rules.RulePack;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * Where the correlation rules come from: the shipped pack, plus the {@code *.drl} files of an
 * operator's folder when one is given.
 *
 * @param extraDir a folder of rule files that add to or override the shipped ones, or null
 */
public record RuleSource(String extraDir) implements Serializable {

  /**
   * Reads the rules. Compiling them ({@link RulePack#compile()}) throws with {@code
   * path:line:column} for each problem.
   */
  public RulePack load() throws IOException {
    RulePack shipped = RulePack.shipped();
    return extraDir == null ? shipped : RulePack.load(shipped, Path.of(extraDir));
  }
}
