package dev.logrca.cli;

import java.io.PrintWriter;

/**
 * When the phases of an embedded run ended, wall-clock epoch millis (0 for one that did not
 * happen): what {@code bench} shows of a run's fixed cost, start-up before the first line and the
 * drain after the last.
 *
 * @param started the run began (before the MiniCluster starts)
 * @param submitted the MiniCluster was up and the job submitted
 * @param rulesCompiled the shipped rules were built ahead (0 with an operator's rule folder)
 * @param firstLine the miner took the first line
 * @param lastLine the miner took the last line
 * @param jobEnded the job finished: windows closed, incidents final, indices committed
 * @param ended the run returned, incidents read back from the index
 */
public record RunTimeline(
    long started,
    long submitted,
    long rulesCompiled,
    long firstLine,
    long lastLine,
    long jobEnded,
    long ended) {

  /**
   * Prints each phase's end as seconds from the start, on one line, then the three parts of the run
   * a line waits through: start-up before the first line, mining, and the drain after the last.
   */
  void print(PrintWriter out) {
    out.printf(
        "  timeline (s from the start): cluster up, job submitted %s; rules built %s;"
            + " first line mined %s; last line mined %s; job finished %s; run returned %s%n",
        at(submitted), at(rulesCompiled), at(firstLine), at(lastLine), at(jobEnded), at(ended));
    out.printf(
        "  phases (s): start-up %s, mining %s, drain %s%n",
        span(started, firstLine), span(firstLine, lastLine), span(lastLine, jobEnded));
  }

  /** Seconds from {@code from} to {@code to}, or "-" when either did not happen. */
  static String span(long from, long to) {
    return from == 0 || to == 0 ? "-" : String.format("%.2f", (to - from) / 1000.0);
  }

  private String at(long time) {
    return time == 0 ? "-" : String.format("%.2f", (time - started) / 1000.0);
  }
}
