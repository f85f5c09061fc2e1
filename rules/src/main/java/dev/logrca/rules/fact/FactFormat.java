package dev.logrca.rules.fact;

import static dev.logrca.core.model.StateData.readCount;
import static dev.logrca.core.model.StateData.readEnum;
import static dev.logrca.core.model.StateData.readSortedStrings;
import static dev.logrca.core.model.StateData.readString;
import static dev.logrca.core.model.StateData.writeEnum;
import static dev.logrca.core.model.StateData.writeSortedStrings;
import static dev.logrca.core.model.StateData.writeString;

import dev.logrca.core.model.Anomaly;
import dev.logrca.core.model.AnomalyKind;
import dev.logrca.core.model.Evidence;
import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.LogRecord;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;

/**
 * The rule facts written field by field, for the correlation engine's checkpoints ({@code
 * CorrelationStateFormat}, which carries the format number). Sets are written in their sorted order
 * and read back into the same kind of set, so a restored fact folds, merges and reports as the one
 * saved.
 */
public final class FactFormat {
  private FactFormat() {}

  /** Writes a line as evidence. */
  public static void writeEvidence(EvidenceLine e, DataOutput out) throws IOException {
    out.writeLong(e.timestamp());
    writeString(e.service(), out);
    writeString(e.templateId(), out);
    writeString(e.message(), out);
    writeString(e.eventId(), out);
  }

  /** Reads what {@link #writeEvidence} wrote. */
  public static EvidenceLine readEvidence(DataInput in) throws IOException {
    return new EvidenceLine(
        in.readLong(), readString(in), readString(in), readString(in), readString(in));
  }

  private static void writeEvidenceLines(Collection<EvidenceLine> lines, DataOutput out)
      throws IOException {
    out.writeInt(lines.size());
    for (EvidenceLine e : lines) {
      writeEvidence(e, out);
    }
  }

  private static List<EvidenceLine> readEvidenceLines(DataInput in) throws IOException {
    int n = readCount(in, "evidence lines");
    List<EvidenceLine> lines = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      lines.add(readEvidence(in));
    }
    return lines;
  }

  /** Writes a log fact: the line it stands for, what it blames, and the lines folded into it. */
  public static void writeLogFact(LogFact f, DataOutput out) throws IOException {
    writeString(f.getService(), out);
    writeString(f.getHost(), out);
    out.writeLong(f.getTimestamp());
    writeEnum(f.getLevel(), out);
    writeString(f.getTemplateId(), out);
    writeString(f.getTemplate(), out);
    writeString(f.getMessage(), out);
    writeString(f.getEventId(), out);
    writeString(f.getTraceId(), out);
    out.writeBoolean(f.isNewTemplate());
    writeSortedStrings(f.getSignals(), out);
    writeString(f.getTarget(), out);
    writeString(f.getDependency(), out);
    out.writeBoolean(f.dependencyKnown);
    out.writeLong(f.getServiceAge());
    out.writeInt(f.repeats);
    out.writeLong(f.lastTimestamp);
    writeEvidenceLines(f.earliest, out);
    writeEvidenceLines(f.latest, out);
    writeSortedStrings(f.support, out);
  }

  /** Reads what {@link #writeLogFact} wrote. */
  public static LogFact readLogFact(DataInput in) throws IOException {
    String service = readString(in);
    String host = readString(in);
    long timestamp = in.readLong();
    Level level = readEnum(Level.class, in);
    String templateId = readString(in);
    String template = readString(in);
    String message = readString(in);
    String eventId = readString(in);
    String traceId = readString(in);
    boolean newTemplate = in.readBoolean();
    // the fact's own fields come from a line, so the line is rebuilt with exactly those
    LogRecord record =
        new LogRecord(
            eventId,
            null,
            0,
            timestamp,
            false,
            service,
            host,
            level,
            null,
            traceId,
            message,
            null,
            new HashMap<>(),
            null);
    LogEvent line = new LogEvent(record, templateId, template, List.of(), newTemplate);
    LogFact f =
        new LogFact(
            line,
            readSortedStrings(in),
            readString(in),
            readString(in),
            in.readBoolean(),
            in.readLong());
    f.repeats = in.readInt();
    f.lastTimestamp = in.readLong();
    f.earliest.clear();
    f.earliest.addAll(readEvidenceLines(in));
    f.latest.clear();
    f.latest.addAll(readEvidenceLines(in));
    f.support = readSortedStrings(in);
    return f;
  }

  /** Writes an anomaly fact. */
  public static void writeAnomalyFact(AnomalyFact a, DataOutput out) throws IOException {
    writeString(a.getId(), out);
    writeString(a.getService(), out);
    writeString(a.getKind(), out);
    out.writeLong(a.getTimestamp());
    out.writeLong(a.getWindowEnd());
    writeString(a.getTemplateId(), out);
    writeString(a.getTemplate(), out);
    out.writeDouble(a.getScore());
    writeEvidenceLines(a.getEvidence(), out);
  }

  /**
   * Reads what {@link #writeAnomalyFact} wrote. What a latency shift times is derived from its
   * template again, as when the fact was made.
   */
  public static AnomalyFact readAnomalyFact(DataInput in) throws IOException {
    String id = readString(in);
    String service = readString(in);
    String kind = readString(in);
    AnomalyKind known;
    try {
      known = AnomalyKind.valueOf(kind);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IOException("anomaly kind " + kind + " is unknown to this release", e);
    }
    long start = in.readLong();
    long end = in.readLong();
    String templateId = readString(in);
    String template = readString(in);
    double score = in.readDouble();
    List<Evidence> evidence = readEvidenceLines(in).stream().map(EvidenceLine::toEvidence).toList();
    // observed and expected values are not part of the fact: a rule never sees them
    return new AnomalyFact(
        new Anomaly(id, service, known, start, end, templateId, template, score, 0, 0, evidence));
  }

  /** Writes a conclusion with its evidence and supporting line ids. */
  public static void writeHypothesis(Hypothesis h, DataOutput out) throws IOException {
    writeString(h.getRule(), out);
    writeString(h.getCategory(), out);
    writeString(h.getService(), out);
    out.writeDouble(h.getConfidence());
    writeString(h.getDetail(), out);
    out.writeLong(h.getFirstSeen());
    out.writeLong(h.getLastSeen());
    writeEvidenceLines(h.evidence, out);
    writeSortedStrings(h.support, out);
  }

  /** Reads what {@link #writeHypothesis} wrote. */
  public static Hypothesis readHypothesis(DataInput in) throws IOException {
    String rule = readString(in);
    String category = readString(in);
    String service = readString(in);
    double confidence = in.readDouble();
    String detail = readString(in);
    Hypothesis h = new Hypothesis(rule, category, service, confidence, detail, in.readLong());
    h.lastSeen = in.readLong();
    h.evidence.addAll(readEvidenceLines(in));
    h.support.addAll(readSortedStrings(in));
    return h;
  }
}
