package dev.logrca.cli;

import dev.logrca.core.decode.HeaderFormat;
import dev.logrca.core.detect.session.Session;
import dev.logrca.core.detect.session.SessionDetector;
import dev.logrca.core.detect.session.SessionJudgement;
import dev.logrca.core.detect.session.SessionKeys;
import dev.logrca.core.detect.session.SessionModel;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code logrca eval anomaly}: groups a labelled log into sessions, fits the session detectors on
 * the earliest sessions without their labels, judges the later ones and scores each detector and
 * their combination against the labels.
 */
@Command(
    name = "anomaly",
    mixinStandardHelpOptions = true,
    description = {
      "Score the session anomaly detectors on a labelled log. Lines are grouped by the session"
          + " key (--session's first group, or its whole match), mined into templates and closed"
          + " by inactivity. The detectors are fitted on the first --train-share of the sessions"
          + " by start time, never seeing a label, and judge the rest.",
      "Prints precision, recall and F1 per detector and combined; the last line is the combined"
          + " one as P=0.xxx R=0.xxx F1=0.xxx."
    })
public final class EvalAnomalyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--format", paramLabel = "HEADER", description = "Header format of the log.")
  String format;

  @Option(
      names = "--session",
      paramLabel = "REGEX",
      required = true,
      description = "Session key: the first group of this pattern, or its whole match.")
  String session;

  /** Exactly one source of truth. */
  static final class Truth {
    @Option(
        names = "--labels",
        paramLabel = "FILE",
        description = "CSV with a header; key and Normal/Anomaly in its first two columns.")
    Path labels;

    @Option(
        names = "--alerts",
        description =
            "Loghub line labels: a session is an anomaly if a line's first token is not -.")
    boolean alerts;
  }

  @ArgGroup(multiplicity = "1")
  Truth truth;

  @Option(
      names = "--train-share",
      defaultValue = "0.5",
      description = "Share of the sessions, earliest first, fitted on (default ${DEFAULT-VALUE}).")
  double trainShare;

  @Option(
      names = "--idle",
      paramLabel = "DURATION",
      description =
          "Inactivity that closes a session, ISO-8601 (PT30S). Without it a key is one session"
              + " over the whole log, as the labels are per key (an HDFS block), and every"
              + " session is judged on the lines the log holds of it.")
  Duration idle;

  @Option(
      names = "--include-open",
      description =
          "With --idle: also judge sessions still active at the end of the log (within --idle"
              + " of its last line); by default they are counted and left out, as a live run"
              + " would not judge them yet.")
  boolean includeOpen;

  @Option(names = "--seed", defaultValue = "7", description = "Seed of the isolation forest.")
  long seed;

  @Parameters(paramLabel = "LOG", description = "The log file.")
  Path log;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(log)) {
      throw new ParameterException(spec.commandLine(), log + ": no such file");
    }
    if (trainShare <= 0 || trainShare >= 1) {
      throw new ParameterException(spec.commandLine(), "--train-share must be in (0, 1)");
    }
    if (idle != null && (idle.isNegative() || idle.isZero())) {
      throw new ParameterException(spec.commandLine(), "--idle must be positive");
    }
    if (idle == null && includeOpen) {
      throw new ParameterException(
          spec.commandLine(), "--include-open needs --idle: without it every session is judged");
    }
    SessionKeys keys = compileKeys();
    HeaderFormat header = format == null ? null : compileFormat();
    Map<String, Boolean> labels = truth.labels == null ? null : readLabels();

    LogSessions read =
        LogSessions.read(log, header, keys, idle == null ? LogSessions.WHOLE_LOG : idle.toMillis());
    List<Session> sessions = new ArrayList<>(read.sessions);
    if (includeOpen) {
      sessions.addAll(read.openAtEnd);
    }
    sessions.sort(Comparator.comparingLong(Session::start).thenComparing(Session::key));
    int trainCount = (int) Math.floor(trainShare * sessions.size());
    if (trainCount < 2 || trainCount == sessions.size()) {
      throw new ParameterException(
          spec.commandLine(),
          log + ": " + sessions.size() + " sessions, too few to fit on and judge; check --session");
    }
    List<Session> training = sessions.subList(0, trainCount);
    SessionModel model = SessionModel.fit(training, seed);
    report(read, sessions, training.size(), model, labels);
    return 0;
  }

  private void report(
      LogSessions read,
      List<Session> sessions,
      int trainCount,
      SessionModel model,
      Map<String, Boolean> labels) {
    Map<String, DetectionScore> scores = new LinkedHashMap<>();
    model.detectors().forEach(d -> scores.put(d.name(), DetectionScore.NONE));
    DetectionScore combined = DetectionScore.NONE;
    List<Session> judged = new ArrayList<>();
    List<Boolean> judgedLabels = new ArrayList<>();
    int unlabelled = 0;
    for (Session s : sessions.subList(trainCount, sessions.size())) {
      Boolean anomaly = labelOf(s, read, labels);
      if (anomaly == null) {
        unlabelled++;
        continue;
      }
      judged.add(s);
      judgedLabels.add(anomaly);
      SessionJudgement j = model.judge(s);
      for (SessionDetector d : model.detectors()) {
        scores.compute(d.name(), (n, sc) -> sc.plus(j.verdicts().get(n).anomalous(), anomaly));
      }
      combined = combined.plus(j.anomalous(), anomaly);
    }
    PrintWriter out = spec.commandLine().getOut();
    printSessions(out, read);
    out.printf(
        Locale.ROOT,
        "training: the first %d sessions by start time (%.0f%%), labels unused; judged: %d later"
            + " sessions with a label (%d without one skipped)%n",
        trainCount,
        100.0 * trainCount / sessions.size(),
        judged.size(),
        unlabelled);
    CeilingReport.print(out, judged, judgedLabels);
    printScores(out, scores, model, combined);
    out.flush();
  }

  /** The session's label: from the labels file, else whether its own lines raised an alert. */
  private static Boolean labelOf(Session s, LogSessions read, Map<String, Boolean> labels) {
    // not a conditional expression: its boolean branch would unbox a missing label and throw
    if (labels == null) {
      return read.alerted.contains(s.key());
    }
    return labels.get(s.key());
  }

  private static void printScores(
      PrintWriter out,
      Map<String, DetectionScore> scores,
      SessionModel model,
      DetectionScore combined) {
    out.printf(
        Locale.ROOT,
        "%-22s %6s %6s %6s %5s %5s %5s%n",
        "detector",
        "P",
        "R",
        "F1",
        "TP",
        "FP",
        "FN");
    scores.forEach((name, sc) -> printRow(out, name, sc));
    printRow(
        out, "combined (" + model.quorum() + " of " + model.detectors().size() + ")", combined);
    out.printf(
        Locale.ROOT,
        "P=%.3f R=%.3f F1=%.3f%n",
        combined.precision(),
        combined.recall(),
        combined.f1());
  }

  private void printSessions(PrintWriter out, LogSessions read) {
    out.printf(
        Locale.ROOT,
        "%s: %d lines, %d without a session key; ",
        log.getFileName(),
        read.lines,
        read.linesWithoutKey);
    if (idle == null) {
      out.printf(
          Locale.ROOT,
          "%d sessions, one per key over the whole log (no --idle)%n",
          read.sessions.size());
      return;
    }
    out.printf(
        Locale.ROOT,
        "%d sessions closed by an idle gap of %s, %d still open at the end of the log %s; %d"
            + " keys split into several sessions by the gap (each judged with the key's label)%n",
        read.sessions.size(),
        idle,
        read.openAtEnd.size(),
        includeOpen ? "(judged too: --include-open)" : "(left out)",
        read.splitKeys());
  }

  private static void printRow(PrintWriter out, String name, DetectionScore s) {
    out.printf(
        Locale.ROOT,
        "%-22s %6.3f %6.3f %6.3f %5d %5d %5d%n",
        name,
        s.precision(),
        s.recall(),
        s.f1(),
        s.truePositives(),
        s.falsePositives(),
        s.falseNegatives());
  }

  private SessionKeys compileKeys() {
    try {
      return SessionKeys.matching(session);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--session: " + e.getMessage());
    }
  }

  private HeaderFormat compileFormat() {
    try {
      return HeaderFormat.compile(format);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--format: " + e.getMessage());
    }
  }

  private Map<String, Boolean> readLabels() throws java.io.IOException {
    if (!Files.isRegularFile(truth.labels)) {
      throw new ParameterException(spec.commandLine(), truth.labels + ": no such labels file");
    }
    try {
      return SessionLabels.read(truth.labels);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
