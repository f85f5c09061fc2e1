package dev.logrca.rules.signature;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Evidence that needs no product's wording: exception class names, errno names and numbers, HTTP
 * statuses, gRPC codes, SQLSTATE classes, Kubernetes event reasons, exit codes and the counters a
 * saturated pool prints. It answers with the names of {@link Signatures}, which unions them in.
 */
public final class GenericEvidence {
  private static final String SQLSTATE_ENTRY = "code:sqlstate";
  private static final String ERRNO_ENTRY = "code:errno";
  private static final String EXIT_CODE_ENTRY = "code:exit";
  private static final String HTTP_STATUS_ENTRY = "code:http";
  private static final String THREAD_POOL_ENTRY = "code:thread-pool";
  private static final String CONNECTION_POOL_ENTRY = "code:connection-pool";

  private GenericEvidence() {}

  /** The signature names the generic evidence in {@code message} supports; empty for none. */
  public static Set<String> find(String message) {
    if (message == null || message.isEmpty()) {
      return new TreeSet<>();
    }
    // the literal prefilter leaves only the few expressions whose words the line holds
    return conclude(message, Compiled.MATCHER.find(message));
  }

  /** As {@link #find}, every expression run in turn: the reference the prefilter must equal. */
  static Set<String> findEachInTurn(String message) {
    if (message == null || message.isEmpty()) {
      return new TreeSet<>();
    }
    Set<String> hits = new TreeSet<>();
    Compiled.ENTRIES.forEach(
        (key, pattern) -> {
          if (pattern.matcher(message).find()) {
            hits.add(key);
          }
        });
    return conclude(message, hits);
  }

  /** The signatures of the expressions that found a match ({@code hits}, by entry key). */
  private static Set<String> conclude(String message, Set<String> hits) {
    Set<String> found = new TreeSet<>();
    for (String hit : hits) {
      String signature = Compiled.SIGNATURES.get(hit);
      if (signature != null) {
        found.add(signature);
      }
    }
    // the numeric codes need their number read before they mean anything
    if (hits.contains(SQLSTATE_ENTRY)) {
      StatusCodes.addSqlState(message, found);
    }
    if (hits.contains(ERRNO_ENTRY)) {
      ErrnoEvidence.addNumbers(message, found);
    }
    if (hits.contains(EXIT_CODE_ENTRY)) {
      StatusCodes.addExitCode(message, found);
    }
    if (hits.contains(HTTP_STATUS_ENTRY)) {
      StatusCodes.addHttpStatus(message, found);
    }
    if (hits.contains(THREAD_POOL_ENTRY) || hits.contains(CONNECTION_POOL_ENTRY)) {
      SaturatedPools.addSaturatedPool(message, found);
    }
    return found;
  }

  /**
   * Every expression of the tables and the codes in one literal-prefiltered matcher, keyed {@code
   * expression:i} or the code's entry name. Built on first use, after each table's class has filled
   * it.
   */
  private static final class Compiled {
    static final Map<String, Pattern> ENTRIES = new LinkedHashMap<>();
    static final Map<String, String> SIGNATURES = new LinkedHashMap<>();

    static {
      int i = 0;
      for (EvidenceTable table :
          List.of(
              ExceptionNames.TABLE,
              ErrnoEvidence.NAMES,
              StatusCodes.GRPC,
              KubernetesReasons.TABLE,
              EvidenceWords.TABLE)) {
        for (Map.Entry<Pattern, String> e : table.patterns().entrySet()) {
          String key = "expression:" + i++;
          ENTRIES.put(key, e.getKey());
          SIGNATURES.put(key, e.getValue());
        }
      }
      ENTRIES.put(SQLSTATE_ENTRY, StatusCodes.SQLSTATE);
      ENTRIES.put(ERRNO_ENTRY, ErrnoEvidence.NUMBER);
      ENTRIES.put(EXIT_CODE_ENTRY, StatusCodes.EXIT_CODE);
      ENTRIES.put(HTTP_STATUS_ENTRY, StatusCodes.HTTP_STATUS);
      ENTRIES.put(THREAD_POOL_ENTRY, SaturatedPools.THREAD_POOL);
      ENTRIES.put(CONNECTION_POOL_ENTRY, SaturatedPools.CONNECTION_POOL);
    }

    static final SignatureMatcher MATCHER = new SignatureMatcher(ENTRIES);
  }
}
