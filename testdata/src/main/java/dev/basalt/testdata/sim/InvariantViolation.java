package dev.basalt.testdata.sim;

/** An invariant of the node broke during a simulated run. */
public final class InvariantViolation extends RuntimeException {
  public InvariantViolation(String message) {
    super(message);
  }
}
