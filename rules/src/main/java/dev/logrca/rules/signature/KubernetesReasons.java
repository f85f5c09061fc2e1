package dev.logrca.rules.signature;

import static dev.logrca.rules.signature.Signatures.CONFIG_ERROR;
import static dev.logrca.rules.signature.Signatures.CRASH_LOOP;
import static dev.logrca.rules.signature.Signatures.DISK_FULL;
import static dev.logrca.rules.signature.Signatures.OUT_OF_MEMORY;
import static dev.logrca.rules.signature.Signatures.PROBE_FAILED;
import static dev.logrca.rules.signature.Signatures.UNAVAILABLE;
import static dev.logrca.rules.signature.Signatures.UNSCHEDULABLE;

/**
 * Kubernetes event reasons, at the start of "reason: message" or as Reason fields, matched
 * case-sensitively as the API spells them.
 */
final class KubernetesReasons {
  static final EvidenceTable TABLE = new EvidenceTable();

  static {
    TABLE.name("\\bUnhealthy\\b(?=[^\\n]{0,40}probe)", PROBE_FAILED);
    TABLE.name("\\bFailedScheduling\\b", UNSCHEDULABLE);
    TABLE.name("\\bCreateContainerConfigError\\b|\\bInvalidImageName\\b", CONFIG_ERROR);
    TABLE.name("\\bBackOff\\b(?=[^\\n]{0,40}restarting)", CRASH_LOOP);
    TABLE.name("\\bNodeNotReady\\b", UNAVAILABLE);
    TABLE.name("\\bEvicted\\b(?=[^\\n]{0,80}low on resource: memory)", OUT_OF_MEMORY);
    // the kubelet could not free disk space by deleting images
    TABLE.name("\\bFreeDiskSpaceFailed\\b", DISK_FULL);
  }

  private KubernetesReasons() {}
}
