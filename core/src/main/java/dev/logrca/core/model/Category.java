package dev.logrca.core.model;

import java.util.Arrays;

/** The root-cause categories of docs/categories.md; rules may add a finer detail. */
public enum Category {
  DEPENDENCY_DOWN("dependency.down"),
  NETWORK_UNREACHABLE("network.unreachable"),
  NETWORK_LATENCY("network.latency"),
  RESOURCE_DISK_FULL("resource.disk_full"),
  RESOURCE_OUT_OF_MEMORY("resource.out_of_memory"),
  RESOURCE_CPU_SATURATION("resource.cpu_saturation"),
  RESOURCE_POOL_EXHAUSTED("resource.pool_exhausted"),
  DEPLOY_BAD_RELEASE("deploy.bad_release"),
  CONFIG_ERROR("config.error"),
  SECURITY_CERTIFICATE("security.certificate"),
  DNS_RESOLUTION("dns.resolution"),
  APP_EXCEPTION("app.exception"),
  UNKNOWN("unknown");

  private final String id;

  Category(String id) {
    this.id = id;
  }

  /** The dotted name used in rules, JSON and the index, e.g. {@code dependency.down}. */
  public String id() {
    return id;
  }

  /** The category with dotted name {@code id}; throws for an unknown name. */
  public static Category fromId(String id) {
    return Arrays.stream(values())
        .filter(c -> c.id.equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown root-cause category: " + id));
  }

  @Override
  public String toString() {
    return id;
  }
}
