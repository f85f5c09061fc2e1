package dev.logrca.core.model;

/** What a detector saw. */
public enum AnomalyKind {
  /** A template never seen before in this service, after its warm-up. */
  NEW_TEMPLATE,
  /** Errors (ERROR/FATAL lines) far above the service's robust baseline. */
  ERROR_SURGE,
  /** One template far above its robust baseline. */
  TEMPLATE_SURGE,
  /** A template that was steady went (nearly) silent. */
  TEMPLATE_DROP,
  /** The service's whole window vector is an outlier (isolation forest). */
  OUTLIER,
  /** A template's lines report durations many times longer than usual. */
  LATENCY_SHIFT,
  /**
   * The service's template mix moved far from its usual mix (Jensen-Shannon), with or without any
   * error: a step gone missing from its requests, another appearing.
   */
  MIX_SHIFT,
  /**
   * Sessions (traces, requests) that the champion model flags left the usual path at this service's
   * template, with or without any error.
   */
  SESSION_DEVIATION,
  /**
   * Requests wait on the way into and out of this service, many times longer than at any other
   * service in the same window, while its own work between its lines takes as long as usual.
   */
  SLOW_HOPS,
  /**
   * Requests wait on the way into and out of this service, and its own work between its lines
   * slowed too: what a service starved of CPU looks like from its traces.
   */
  SLOW_HOPS_AND_WORK
}
