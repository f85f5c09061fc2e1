package dev.logrca.simulate;

import java.time.Instant;
import java.util.Objects;

/**
 * What to simulate: the fault scenario, the seed that makes a run reproducible, the event time of
 * the first line, how many simulated minutes to cover and the mean request rate.
 *
 * @param scenario the fault to inject ({@link Scenario#NONE} for a fault-free run)
 * @param seed same seed, same bytes
 * @param start event time of the first second (default 2026-11-27T10:00:00Z)
 * @param minutes simulated minutes, 1 to 1440 (default 10)
 * @param ratePerSecond mean requests per second at the gateway, above 0 and at most 20000 (default
 *     6)
 * @param shape how the fault shows itself (default {@link Shape#PLAIN})
 */
public record SimulationConfig(
    Scenario scenario, long seed, Instant start, int minutes, double ratePerSecond, Shape shape) {

  /** The default first event time. */
  public static final Instant DEFAULT_START = Instant.parse("2026-11-27T10:00:00Z");

  /** Default simulated minutes: a demo-sized run. */
  public static final int DEFAULT_MINUTES = 10;

  /** Default mean requests per second: about 25k lines in 10 minutes. */
  public static final double DEFAULT_RATE = 6.0;

  /** Validates every field. */
  public SimulationConfig {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(shape, "shape");
    shape.check(scenario);
    if (minutes < 1 || minutes > 1440) {
      throw new IllegalArgumentException("minutes must be between 1 and 1440, got " + minutes);
    }
    if (!(ratePerSecond > 0) || ratePerSecond > 20_000) {
      throw new IllegalArgumentException(
          "rate must be above 0 and at most 20000 requests per second, got " + ratePerSecond);
    }
  }

  /** A plain config: the fault as its scenario writes it. */
  public SimulationConfig(
      Scenario scenario, long seed, Instant start, int minutes, double ratePerSecond) {
    this(scenario, seed, start, minutes, ratePerSecond, Shape.PLAIN);
  }

  /** A config with the default start, minutes and rate. */
  public static SimulationConfig of(Scenario scenario, long seed) {
    return new SimulationConfig(scenario, seed, DEFAULT_START, DEFAULT_MINUTES, DEFAULT_RATE);
  }

  public SimulationConfig withMinutes(int newMinutes) {
    return new SimulationConfig(scenario, seed, start, newMinutes, ratePerSecond, shape);
  }

  public SimulationConfig withRate(double newRate) {
    return new SimulationConfig(scenario, seed, start, minutes, newRate, shape);
  }

  public SimulationConfig withStart(Instant newStart) {
    return new SimulationConfig(scenario, seed, newStart, minutes, ratePerSecond, shape);
  }

  /** This config with another shape; throws if the scenario cannot take it. */
  public SimulationConfig withShape(Shape newShape) {
    return new SimulationConfig(scenario, seed, start, minutes, ratePerSecond, newShape);
  }

  /** The event time just after the last simulated second. */
  public Instant end() {
    return start.plusSeconds(minutes * 60L);
  }
}
