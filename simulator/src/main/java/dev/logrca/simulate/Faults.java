package dev.logrca.simulate;

import java.util.SplittableRandom;

/** Makes the fault of a scenario, rooted in one of the scenario's services. */
final class Faults {
  private Faults() {}

  static Fault create(
      Scenario scenario, String root, long start, SystemLogs logs, SplittableRandom random) {
    return switch (scenario) {
      case NONE -> new NoFault();
      case DEPENDENCY_DOWN -> new DatastoreDown(root, start, logs, random);
      case NETWORK_LATENCY -> new SlowDependency(root, start, logs, random);
      case RESOURCE_DISK_FULL -> new DiskFull(root, start, logs, random);
      case RESOURCE_OUT_OF_MEMORY -> new OutOfMemory(root, start, logs, random);
      case DEPLOY_BAD_RELEASE -> new BadRelease(root, start, logs, random);
      case APP_EXCEPTION -> new NewException(root, start, logs, random);
      case NETWORK_UNREACHABLE -> new Unreachable(root, start, logs, random);
      case RESOURCE_POOL_EXHAUSTED -> new PoolExhausted(root, start, logs, random);
      case DNS_RESOLUTION -> new DnsFailure(root, start, logs, random);
      case SECURITY_CERTIFICATE -> new ExpiredCertificate(root, start, logs, random);
      case CONFIG_ERROR -> new BadConfig(root, start, logs, random);
      case RESOURCE_CPU_SATURATION -> new CpuSaturation(root, start, logs, random);
    };
  }
}
