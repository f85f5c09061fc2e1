/**
 * A seeded simulator of a small web shop (nginx gateway, Node.js frontend, Spring Boot checkout and
 * inventory, Go payment, PostgreSQL, Redis) that writes one realistic log per service with one
 * injected fault, plus {@code truth.json} and {@code topology.json}; the demo, the end-to-end tests
 * and the benchmarks run on its output. Entry point: {@link dev.logrca.simulate.Simulator}.
 */
package dev.logrca.simulate;
