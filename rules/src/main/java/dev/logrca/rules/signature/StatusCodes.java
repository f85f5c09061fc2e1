package dev.logrca.rules.signature;

import static dev.logrca.rules.signature.Signatures.CONFIG_ERROR;
import static dev.logrca.rules.signature.Signatures.CONNECTION_LIMIT;
import static dev.logrca.rules.signature.Signatures.CRASH;
import static dev.logrca.rules.signature.Signatures.CREDENTIALS;
import static dev.logrca.rules.signature.Signatures.DISK_FULL;
import static dev.logrca.rules.signature.Signatures.NOT_READY;
import static dev.logrca.rules.signature.Signatures.OUT_OF_MEMORY;
import static dev.logrca.rules.signature.Signatures.POOL_EXHAUSTED;
import static dev.logrca.rules.signature.Signatures.REFUSED;
import static dev.logrca.rules.signature.Signatures.SHUTDOWN;
import static dev.logrca.rules.signature.Signatures.TIMEOUT;
import static dev.logrca.rules.signature.Signatures.UNAVAILABLE;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Status codes that protocols and runtimes define: gRPC codes by name, and SQLSTATE, HTTP and
 * process exit codes, whose number must be read before it means anything.
 */
final class StatusCodes {
  /** gRPC codes as Go ("code = Unavailable"), Java ("Status{code=UNAVAILABLE") and Python print. */
  static final EvidenceTable GRPC = new EvidenceTable();

  static {
    GRPC.name("\\bcode ?= ?ResourceExhausted\\b|\\bRESOURCE_EXHAUSTED\\b", POOL_EXHAUSTED);
    GRPC.name(
        "\\bcode ?= ?(?:Unauthenticated|PermissionDenied)\\b|\\bUNAUTHENTICATED\\b", CREDENTIALS);
  }

  /** Numeric codes; each pattern's first non-null group is the code. */
  static final Pattern SQLSTATE =
      Pattern.compile("SQL ?State\\W{0,4}([0-9A-Z]{5})\\b", Pattern.CASE_INSENSITIVE);

  static final Pattern EXIT_CODE =
      Pattern.compile(
          "\\bexit(?:ed)?(?: with)?[ _]?(?:code|status)\\W{0,3}(\\d{3})\\b"
              + "|\\bexitCode\\W{0,3}(\\d{3})\\b",
          Pattern.CASE_INSENSITIVE);

  static final Pattern HTTP_STATUS =
      Pattern.compile(
          "\\b(?:HTTP(?:/\\d(?:\\.\\d)?)?|status(?:[ _]?code)?|response code|code)\\W{0,3}(50[34])\\b"
              + "|\\b(50[34]) (?:Service Unavailable|Gateway Time-?out)",
          Pattern.CASE_INSENSITIVE);

  private StatusCodes() {}

  /** PostgreSQL's SQLSTATE classes (Appendix A, errcodes.txt), which JDBC drivers repeat. */
  static void addSqlState(String message, Set<String> found) {
    Matcher m = SQLSTATE.matcher(message);
    while (m.find()) {
      String code = m.group(1).toUpperCase(Locale.ROOT);
      switch (code) {
        case "53100" -> found.add(DISK_FULL);
        case "53200" -> found.add(OUT_OF_MEMORY);
        case "53300" -> found.add(CONNECTION_LIMIT);
        case "57P01", "57P02" -> found.add(SHUTDOWN);
        case "57P03" -> found.add(NOT_READY);
        case "57014" -> found.add(TIMEOUT);
        case "3D000", "53400", "F0000", "F0001" -> found.add(CONFIG_ERROR);
        default -> addSqlStateClass(code.substring(0, 2), found);
      }
    }
  }

  private static void addSqlStateClass(String sqlClass, Set<String> found) {
    switch (sqlClass) {
      case "08" -> found.add(REFUSED);
      case "28" -> found.add(CREDENTIALS);
      case "53" -> found.add(POOL_EXHAUSTED);
      default -> {
        // 42 (syntax, undefined table), 23 (constraints), 40 (rollbacks) are the application's
        // own errors, which the exception signature already carries
      }
    }
  }

  /** 137 is SIGKILL, in a container almost always the OOM killer; 143 SIGTERM; 134/139 crashes. */
  static void addExitCode(String message, Set<String> found) {
    Matcher m = EXIT_CODE.matcher(message);
    while (m.find()) {
      String code = m.group(1) != null ? m.group(1) : m.group(2);
      switch (code) {
        case "137" -> found.add(OUT_OF_MEMORY);
        case "143" -> found.add(SHUTDOWN);
        case "134", "139" -> found.add(CRASH);
        default -> {
          // other codes are the program's own, which CRASH's "exited with code" covers
        }
      }
    }
  }

  /** 503 is a callee with nothing to serve, 504 a callee too slow; 500 is the app's own error. */
  static void addHttpStatus(String message, Set<String> found) {
    Matcher m = HTTP_STATUS.matcher(message);
    while (m.find()) {
      String code = m.group(1) != null ? m.group(1) : m.group(2);
      found.add(code.equals("503") ? UNAVAILABLE : TIMEOUT);
    }
  }
}
