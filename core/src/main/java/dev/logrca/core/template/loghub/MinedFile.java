package dev.logrca.core.template.loghub;

import dev.logrca.core.decode.LineReader;
import dev.logrca.core.template.MinerConfig;
import dev.logrca.core.template.Template;
import dev.logrca.core.template.TemplateMiner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A log file mined once from start to end, keeping only the template id each line got. A line's
 * final template (after later merges and generalisation) is read from the miner at the end, which
 * is what a structured CSV or a score needs.
 */
public final class MinedFile {
  /** Lines longer than this are mined by their first bytes, as the streaming job reads them. */
  public static final int MAX_LINE_BYTES = 64 * 1024;

  private final Path file;
  private final TemplateMiner miner;
  private final LineTemplateIds ids;
  private final long unmatchedLines;

  private MinedFile(Path file, TemplateMiner miner, LineTemplateIds ids, long unmatchedLines) {
    this.file = file;
    this.miner = miner;
    this.ids = ids;
    this.unmatchedLines = unmatchedLines;
  }

  /** Splits every line of {@code file} with {@code splitter} and mines its content. */
  public static MinedFile mine(Path file, LineSplitter splitter, MinerConfig config)
      throws IOException {
    TemplateMiner miner = new TemplateMiner(config);
    LineTemplateIds ids = new LineTemplateIds();
    long unmatched = 0;
    try (LineReader reader = LineReader.open(file, 0, MAX_LINE_BYTES)) {
      LineReader.Line line;
      while ((line = reader.next()) != null) {
        SplitLine split = splitter.split(line.text(), ids.size());
        if (!split.matched()) {
          unmatched++;
        }
        ids.add(miner.mine(split.content()).templateId());
      }
    }
    return new MinedFile(file, miner, ids, unmatched);
  }

  public Path file() {
    return file;
  }

  /** Lines read. */
  public int lines() {
    return ids.size();
  }

  /** Lines the header format did not match (mined as a whole). */
  public long unmatchedLines() {
    return unmatchedLines;
  }

  /** Live templates at the end. */
  public int templateCount() {
    return miner.templateCount();
  }

  /** The {@code n} templates that matched most lines, most first (ties by id). */
  public List<Template> topTemplates(int n) {
    return miner.templates().stream()
        .sorted(
            Comparator.comparingLong(Template::matchCount)
                .reversed()
                .thenComparingInt(Template::id))
        .limit(n)
        .toList();
  }

  /** The final template id of line {@code line} (0-based): merged ids lead to their survivor. */
  public int templateId(int line) {
    return miner.resolve(ids.get(line));
  }

  /** The Loghub-style event id of line {@code line}: {@code E} and its final template id. */
  public String eventId(int line) {
    return "E" + templateId(line);
  }

  /**
   * The final template text of line {@code line}; empty when its template was evicted (the miner
   * keeps at most {@link MinerConfig#maxTemplates()}, least recently used out first).
   */
  public Optional<String> template(int line) {
    return miner.template(templateId(line)).map(Template::text);
  }
}
