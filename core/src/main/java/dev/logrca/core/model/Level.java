package dev.logrca.core.model;

import java.util.Locale;

/** Severity of a log line, normalised from the many spellings loggers use. */
public enum Level {
  TRACE,
  DEBUG,
  INFO,
  WARN,
  ERROR,
  FATAL,
  /** The line carried no recognisable level. */
  UNKNOWN;

  /** True for WARN and worse. */
  public boolean isWarnOrWorse() {
    return this == WARN || this == ERROR || this == FATAL;
  }

  /** True for ERROR and FATAL. */
  public boolean isError() {
    return this == ERROR || this == FATAL;
  }

  /**
   * Parses a level name in any case (log4j, syslog, Go, Python, OpenTelemetry severity text), or a
   * numeric level of pino/bunyan (10..60) or syslog (0..7). Returns UNKNOWN when it is neither.
   */
  public static Level parse(String text) {
    if (text == null) {
      return UNKNOWN;
    }
    String t = text.trim();
    if (t.isEmpty()) {
      return UNKNOWN;
    }
    if (t.chars().allMatch(Character::isDigit) && t.length() <= 3) {
      return fromNumber(Integer.parseInt(t));
    }
    switch (t.toUpperCase(Locale.ROOT)) {
      case "TRACE":
      case "FINEST":
      case "FINER":
        return TRACE;
      case "DEBUG":
      case "DBG":
      case "FINE":
      case "CONFIG":
        return DEBUG;
      case "INFO":
      case "INFORMATION":
      case "INF":
      case "NOTICE":
      case "LOG":
        return INFO;
      case "WARN":
      case "WARNING":
      case "WRN":
        return WARN;
      case "ERROR":
      case "ERR":
      case "SEVERE":
      case "EXCEPTION":
        return ERROR;
      case "FATAL":
      case "CRITICAL":
      case "CRIT":
      case "ALERT":
      case "EMERG":
      case "EMERGENCY":
      case "PANIC":
        return FATAL;
      default:
        return UNKNOWN;
    }
  }

  /** pino/bunyan use 10..60; syslog uses 0 (emergency) .. 7 (debug). */
  static Level fromNumber(int n) {
    if (n >= 10) {
      if (n >= 60) return FATAL;
      if (n >= 50) return ERROR;
      if (n >= 40) return WARN;
      if (n >= 30) return INFO;
      if (n >= 20) return DEBUG;
      return TRACE;
    }
    if (n <= 2) return FATAL;
    if (n == 3) return ERROR;
    if (n == 4) return WARN;
    if (n <= 6) return INFO;
    return DEBUG;
  }
}
