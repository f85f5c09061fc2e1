package dev.logrca.simulate;

import dev.logrca.core.model.Category;
import java.util.SplittableRandom;

/**
 * What a root service writes in the minute before a fault of one category turns into errors, in the
 * root's own log format and in the phrasing of the software that really warns about it: a WAL
 * archive that keeps failing before a disk fills, a certificate about to expire, lookups that time
 * out now and then before the resolver stops answering.
 */
abstract class Precursors {
  final String root;
  final SystemLogs logs;
  final SplittableRandom random;

  Precursors(String root, SystemLogs logs, SplittableRandom random) {
    this.root = root;
    this.logs = logs;
    this.random = random;
  }

  /** The warnings that fit {@code fault}, whose errors begin at {@code errorsFrom}. */
  static Precursors of(
      Fault fault, String root, long errorsFrom, SystemLogs logs, SplittableRandom random) {
    Category category =
        fault.truth().map(t -> Category.fromId(t.category())).orElse(Category.UNKNOWN);
    return switch (category) {
      case RESOURCE_DISK_FULL, RESOURCE_OUT_OF_MEMORY, RESOURCE_CPU_SATURATION ->
          new ResourceWarnings(category, root, logs, random);
      case RESOURCE_POOL_EXHAUSTED -> new PoolWarnings(root, logs, random);
      case NETWORK_UNREACHABLE, DNS_RESOLUTION, SECURITY_CERTIFICATE, CONFIG_ERROR ->
          new ConnectionWarnings(category, root, errorsFrom, logs, random);
      case APP_EXCEPTION -> new HandledExceptions(root, logs, random);
      case DEPLOY_BAD_RELEASE -> new ReleaseWarnings((BadRelease) fault, root, logs, random);
      default -> new OverloadWarnings(root, logs, random);
    };
  }

  /** Writes one warning at {@code at}. */
  abstract void write(long at);

  /** Whether the root may warn at {@code at}; a release warns only once it runs. */
  boolean speaksAt(long at) {
    return true;
  }

  /**
   * Whether the root already answers a little slowly: a struggling service does, one whose
   * certificate, configuration or code is about to fail does not.
   */
  boolean slows() {
    return true;
  }

  /** A Java service's log, for checkout and inventory. */
  JavaApp app() {
    return new JavaApp(logs, root, random);
  }

  /** The thread a Java service serves requests on. */
  String requestThread(JavaApp app) {
    return app.isCheckout()
        ? "http-nio-8080-exec-" + (1 + random.nextInt(10))
        : "pool-1-thread-" + (1 + random.nextInt(8));
  }

  /** A product id as the shop's requests carry them. */
  String sku() {
    return "SKU-" + (10_000 + random.nextInt(900));
  }
}
