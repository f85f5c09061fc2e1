package dev.logrca.core.decode;

import dev.logrca.core.decode.TimestampMatch.Shape;
import dev.logrca.core.model.Level;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a plain text line without a configured format: a leading timestamp (also in brackets,
 * klog's {@code E1127 10:00:00.123456}, or an access log's), a level among the first words, a
 * logger in the common shapes ({@code [thread] com.x.Y - msg}, {@code com.x.Y: msg}, syslog's
 * {@code host program[pid]:}), and the rest as the message. logfmt lines are read by their keys.
 * Not thread-safe (its parser is not).
 */
public final class PlainLineDecoder {
  /** How many words after the timestamp may precede the level (pid, thread, separators). */
  private static final int HEADER_WORDS = 7;

  private final TimestampParser parser;

  /** A decoder reading timestamps with {@code parser}. */
  public PlainLineDecoder(TimestampParser parser) {
    this.parser = parser;
  }

  /** Decodes one line; a line without a header comes back as its own message. */
  public PlainLine decode(String line) {
    PlainLine klog = klog(line);
    if (klog != null) {
      return klog;
    }
    PlainLine redis = redis(line);
    if (redis != null) {
      return redis;
    }
    int start = 0;
    Level priority = Level.UNKNOWN;
    if (line.startsWith("<")) {
      // an RFC 3164 priority: <facility * 8 + severity>
      int close = line.indexOf('>');
      if (close > 1 && close <= 4 && TextDigits.digitRun(line, 1) == close - 1) {
        priority = Level.parse(String.valueOf(Integer.parseInt(line.substring(1, close)) % 8));
        start = close + 1;
      }
    }
    TimestampMatch t = leadingTimestamp(line, start);
    if (t == null) {
      PlainLine structured = AccessLogLine.read(line, parser);
      if (structured == null) {
        structured = LogfmtLine.read(line, parser);
      }
      if (structured != null) {
        return structured;
      }
      return new Header(line, start, false, 0, priority).read();
    }
    int end = t.end();
    if (line.charAt(start) == '[') {
      end++;
    }
    Header header = new Header(line, end, true, t.epochMillis(), priority);
    return t.shape() == Shape.SYSLOG ? header.readSyslog() : header.read();
  }

  private TimestampMatch leadingTimestamp(String line, int start) {
    if (start >= line.length()) {
      return null;
    }
    if (line.charAt(start) == '[') {
      TimestampMatch t = parser.parseLeading(line, start + 1);
      return t != null && t.end() < line.length() && line.charAt(t.end()) == ']' ? t : null;
    }
    return parser.parseLeading(line, start);
  }

  /**
   * Redis 3 and later: {@code pid:role dd Mon yyyy hh:mm:ss.mmm L msg}, role one of {@code XCSM}
   * (sentinel, child, replica, master), L the level: {@code .} debug, {@code -} verbose, {@code *}
   * notice, {@code #} warning.
   */
  private PlainLine redis(String line) {
    int digits = TextDigits.digitRun(line, 0);
    if (digits == 0
        || line.length() < digits + 30
        || line.charAt(digits) != ':'
        || "XCSM".indexOf(line.charAt(digits + 1)) < 0
        || line.charAt(digits + 2) != ' ') {
      return null;
    }
    TimestampMatch t = parser.parseLeading(line, digits + 3);
    int mark = t == null ? -1 : t.end() + 1;
    if (mark < 0
        || mark + 1 >= line.length()
        || line.charAt(mark - 1) != ' '
        || ".-*#".indexOf(line.charAt(mark)) < 0
        || line.charAt(mark + 1) != ' ') {
      return null;
    }
    Level level =
        switch (line.charAt(mark)) {
          case '#' -> Level.WARN;
          case '*' -> Level.INFO;
          default -> Level.DEBUG;
        };
    Map<String, String> attributes = new HashMap<>();
    attributes.put("pid", line.substring(0, digits));
    attributes.put("role", String.valueOf(line.charAt(digits + 1)));
    return new PlainLine(
        true, t.epochMillis(), level, null, null, line.substring(mark + 2), attributes);
  }

  /** glog/klog: {@code Lmmdd hh:mm:ss.uuuuuu threadid file:line] msg}, L one of IWEF. */
  private PlainLine klog(String line) {
    if (line.length() < 22
        || "IWEF".indexOf(line.charAt(0)) < 0
        || TextDigits.digitRun(line, 1) != 4
        || line.charAt(5) != ' ') {
      return null;
    }
    // rewritten as "MM-dd hh:mm:ss...": same length, so positions carry over
    String dated = line.substring(1, 3) + "-" + line.substring(3);
    TimestampMatch t = parser.parseLeading(dated, 0);
    if (t == null) {
      return null;
    }
    Level level =
        switch (line.charAt(0)) {
          case 'I' -> Level.INFO;
          case 'W' -> Level.WARN;
          case 'E' -> Level.ERROR;
          default -> Level.FATAL;
        };
    String logger = null;
    String message = line.substring(t.end()).strip();
    Map<String, String> attributes = new HashMap<>();
    int close = message.indexOf("] ");
    int space = message.indexOf(' ');
    if (close > 0 && space > 0 && space < close && message.indexOf(' ', space + 1) > close) {
      attributes.put("thread", message.substring(0, space));
      logger = message.substring(space + 1, close).strip();
      message = message.substring(close + 2);
    }
    return new PlainLine(true, t.epochMillis(), level, logger, null, message, attributes);
  }

  /** The words after the timestamp, read left to right. */
  private static final class Header {
    private final String line;
    private final boolean hasTimestamp;
    private final long timestamp;
    private final Map<String, String> attributes = new HashMap<>();
    private Level level;
    private String logger;
    private String host;
    private String loggerBeforeLevel;
    private final int headerStart;
    private int cursor;
    private int messageStart;

    Header(String line, int from, boolean hasTimestamp, long timestamp, Level priority) {
      this.line = line;
      this.hasTimestamp = hasTimestamp;
      this.timestamp = timestamp;
      this.level = priority;
      this.headerStart = from;
      this.cursor = from;
      this.messageStart = from;
    }

    /** Syslog: {@code host program[pid]: msg}. */
    PlainLine readSyslog() {
      int hostStart = LineWords.skipBlanks(line, cursor);
      int hostEnd = LineWords.wordEnd(line, hostStart);
      int programStart = LineWords.skipBlanks(line, hostEnd);
      int programEnd = LineWords.wordEnd(line, programStart);
      if (hostEnd > hostStart
          && programEnd > programStart + 1
          && line.charAt(programEnd - 1) == ':') {
        host = line.substring(hostStart, hostEnd);
        String program = line.substring(programStart, programEnd - 1);
        int pid = program.lastIndexOf('[');
        if (pid > 0 && program.endsWith("]")) {
          attributes.put("pid", program.substring(pid + 1, program.length() - 1));
          program = program.substring(0, pid);
        }
        logger = program;
        cursor = messageStart = programEnd;
      }
      return read();
    }

    PlainLine read() {
      for (int word = 0; word < HEADER_WORDS && cursor < line.length(); word++) {
        cursor = LineWords.skipBlanks(line, cursor);
        if (cursor >= line.length() || !(line.charAt(cursor) == '[' ? bracket() : word())) {
          break;
        }
      }
      if (logger == null && level != Level.UNKNOWN) {
        logger = loggerBeforeLevel; // Python's "%(asctime)s - %(name)s - %(levelname)s - ..."
      }
      // a line without any header (a stack frame, say) keeps its indentation
      int from =
          hasTimestamp || messageStart != headerStart
              ? LineWords.skipSeparators(line, messageStart)
              : messageStart;
      return new PlainLine(
          hasTimestamp, timestamp, level, logger, host, line.substring(from), attributes);
    }

    /** A {@code [...]} word: the level, a thread, or a component. False to stop reading. */
    private boolean bracket() {
      int close = LineWords.closingBracket(line, cursor);
      if (close < 0) {
        return false;
      }
      String inner = line.substring(cursor + 1, close).strip();
      int after = close + 1;
      if (after < line.length() && line.charAt(after) == ':') {
        after++;
      }
      Level l = level == Level.UNKNOWN ? LineWords.levelOf(inner, true) : Level.UNKNOWN;
      if (l != Level.UNKNOWN) {
        level = l;
      } else if (!inner.isEmpty() && TextDigits.digitRun(inner, 0) == inner.length()) {
        attributes.put("pid", inner);
      } else if (!hasTimestamp && level == Level.UNKNOWN) {
        return false; // a line without a header may well start with a bracket
      } else {
        attributes.putIfAbsent(attributes.containsKey("thread") ? "component" : "thread", inner);
      }
      cursor = messageStart = after;
      return true;
    }

    /** A plain word: the level, a logger, a pid or a separator. False to stop reading. */
    private boolean word() {
      int end = LineWords.wordEnd(line, cursor);
      String word = line.substring(cursor, end);
      if (level == Level.UNKNOWN) {
        Level l = LineWords.levelOf(word, false);
        if (l != Level.UNKNOWN) {
          level = l;
          cursor = messageStart = end;
          return true;
        }
        if (!hasTimestamp) {
          return false; // without a timestamp, the level has to come first
        }
        if (LineWords.isSeparator(word)) {
          cursor = messageStart = end;
          return true;
        }
        if (TextDigits.digitRun(word, 0) == word.length()) {
          attributes.put("pid", word);
          cursor = end;
          return true;
        }
        if (LineWords.isQualifiedName(word, word.length()) && line.startsWith(" - ", end)) {
          loggerBeforeLevel = word;
          cursor = end;
          return true;
        }
        return false;
      }
      if (LineWords.isSeparator(word)) {
        cursor = messageStart = end;
        return true;
      }
      if (TextDigits.digitRun(word, 0) == word.length()
          && line.startsWith("---", LineWords.skipBlanks(line, end))) {
        attributes.putIfAbsent("pid", word); // Spring Boot prints the pid after the level
        cursor = messageStart = end;
        return true;
      }
      int colon = LineWords.skipBlanks(line, end);
      if (LineWords.isQualifiedName(word, word.length())
          && line.startsWith(": ", colon)
          && colon > end) {
        // Spring Boot pads the logger to a column: "c.e.payment.ChargeService      : msg"
        logger = word;
        messageStart = colon + 2;
        return false;
      }
      if (word.endsWith(":") && LineWords.isQualifiedName(word, word.length() - 1)) {
        logger = word.substring(0, word.length() - 1);
        messageStart = end;
      } else if (LineWords.isQualifiedName(word, word.length()) && line.startsWith(" - ", end)) {
        logger = word;
        messageStart = end + 3;
      }
      return false;
    }
  }
}
