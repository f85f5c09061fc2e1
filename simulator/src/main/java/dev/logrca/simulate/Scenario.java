package dev.logrca.simulate;

import dev.logrca.core.model.Category;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The faults the simulator can inject, named by their root-cause category id, with the services
 * that may be the root; the seed picks one of them so that no single service is always to blame.
 */
public enum Scenario {
  NONE(null),
  DEPENDENCY_DOWN(Category.DEPENDENCY_DOWN, "postgres", "redis"),
  NETWORK_LATENCY(Category.NETWORK_LATENCY, "redis", "payment"),
  RESOURCE_DISK_FULL(Category.RESOURCE_DISK_FULL, "postgres", "redis"),
  RESOURCE_OUT_OF_MEMORY(Category.RESOURCE_OUT_OF_MEMORY, "inventory", "checkout"),
  DEPLOY_BAD_RELEASE(Category.DEPLOY_BAD_RELEASE, "checkout", "inventory"),
  APP_EXCEPTION(Category.APP_EXCEPTION, "payment", "inventory", "checkout"),
  NETWORK_UNREACHABLE(Category.NETWORK_UNREACHABLE, "postgres", "payment"),
  RESOURCE_POOL_EXHAUSTED(Category.RESOURCE_POOL_EXHAUSTED, "inventory", "checkout", "postgres"),
  DNS_RESOLUTION(Category.DNS_RESOLUTION, "payment", "inventory"),
  SECURITY_CERTIFICATE(Category.SECURITY_CERTIFICATE, "payment", "inventory"),
  CONFIG_ERROR(Category.CONFIG_ERROR, "payment", "inventory"),
  RESOURCE_CPU_SATURATION(Category.RESOURCE_CPU_SATURATION, "checkout", "inventory");

  private final Category category;
  private final List<String> roots;

  Scenario(Category category, String... roots) {
    this.category = category;
    this.roots = List.of(roots);
  }

  /** The name used on the command line and in truth files: the category id, or {@code none}. */
  public String id() {
    return category == null ? "none" : category.id();
  }

  /** The category of the injected fault; empty for {@link #NONE}. */
  public Optional<Category> category() {
    return Optional.ofNullable(category);
  }

  /** The services that can be the root of this fault (empty for {@link #NONE}). */
  public List<String> roots() {
    return roots;
  }

  /** The scenario named {@code id}; the exception lists the valid names. */
  public static Scenario fromId(String id) {
    return Arrays.stream(values())
        .filter(s -> s.id().equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown scenario '" + id + "'; valid: " + String.join(", ", ids())));
  }

  /** Every scenario name, in declaration order. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(Scenario::id).collect(Collectors.toList());
  }

  @Override
  public String toString() {
    return id();
  }
}
