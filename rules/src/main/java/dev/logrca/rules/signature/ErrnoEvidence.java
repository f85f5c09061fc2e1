package dev.logrca.rules.signature;

import static dev.logrca.rules.signature.Signatures.DISK_FULL;
import static dev.logrca.rules.signature.Signatures.DNS;
import static dev.logrca.rules.signature.Signatures.OUT_OF_MEMORY;
import static dev.logrca.rules.signature.Signatures.POOL_EXHAUSTED;
import static dev.logrca.rules.signature.Signatures.REFUSED;
import static dev.logrca.rules.signature.Signatures.RESET;
import static dev.logrca.rules.signature.Signatures.TIMEOUT;
import static dev.logrca.rules.signature.Signatures.UNREACHABLE;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Linux errno values, by name (Linux {@code <errno.h>}, libuv's names in Node, getaddrinfo's {@code
 * EAI_*} in Node and Python) and by number as Python, MySQL and Rust print them.
 */
final class ErrnoEvidence {
  static final EvidenceTable NAMES = new EvidenceTable();

  static {
    NAMES.name("\\bE(?:DQUOT|ROFS|NOSPC)\\b", DISK_FULL);
    NAMES.name("\\bE(?:HOSTUNREACH|NETUNREACH|HOSTDOWN|NETDOWN)\\b", UNREACHABLE);
    NAMES.name("\\bECONNREFUSED\\b", REFUSED);
    NAMES.name("\\bE(?:CONNRESET|CONNABORTED|PIPE)\\b", RESET);
    NAMES.name("\\bETIMEDOUT\\b|\\bESOCKETTIMEDOUT\\b", TIMEOUT);
    NAMES.name("\\bEAI_(?:AGAIN|NONAME|NODATA|FAIL)\\b|\\bENOTFOUND\\b", DNS);
    NAMES.name("\\bE[MN]FILE\\b", POOL_EXHAUSTED);
    NAMES.name("\\bENOMEM\\b", OUT_OF_MEMORY);
  }

  /** An errno number; the first non-null group is the number. */
  static final Pattern NUMBER =
      Pattern.compile(
          "\\[Errno (-?\\d+)\\]|\\berrno[ =:(]{1,3}(-?\\d+)|\\(os error (\\d+)\\)",
          Pattern.CASE_INSENSITIVE);

  private ErrnoEvidence() {}

  /** Linux errno numbers as Python ("[Errno 28]"), MySQL ("errno: 28") and Rust print them. */
  static void addNumbers(String message, Set<String> found) {
    Matcher m = NUMBER.matcher(message);
    while (m.find()) {
      String number =
          m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
      switch (number) {
        case "28", "122", "30" -> found.add(DISK_FULL);
        case "111" -> found.add(REFUSED);
        case "113", "101", "112" -> found.add(UNREACHABLE);
        case "110" -> found.add(TIMEOUT);
        case "104", "32", "103" -> found.add(RESET);
        case "24", "23" -> found.add(POOL_EXHAUSTED);
        case "12" -> found.add(OUT_OF_MEMORY);
        // getaddrinfo: EAI_NONAME (-2), EAI_AGAIN (-3), EAI_FAIL (-4), EAI_NODATA (-5)
        case "-2", "-3", "-4", "-5" -> found.add(DNS);
        default -> {
          // other errnos (EACCES, ENOENT...) are the service's own failures
        }
      }
    }
  }
}
