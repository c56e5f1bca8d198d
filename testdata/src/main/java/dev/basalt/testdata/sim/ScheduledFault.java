package dev.basalt.testdata.sim;

/**
 * One fault of a schedule: at step {@code step} inject {@code fault} with a class-specific
 * {@code size} (reorg depth, number of calls affected, delay in seconds, torn events, ...).
 */
public record ScheduledFault(int step, FaultClass fault, int size) implements Comparable<ScheduledFault> {
  @Override
  public int compareTo(ScheduledFault o) {
    return step != o.step ? Integer.compare(step, o.step)
        : fault != o.fault ? fault.compareTo(o.fault) : Integer.compare(size, o.size);
  }

  /** The corpus-file form: {@code step fault size}. */
  @Override
  public String toString() {
    return step + " " + fault + " " + size;
  }

  public static ScheduledFault parse(String line) {
    String[] p = line.trim().split("\\s+");
    if (p.length != 3) {
      throw new IllegalArgumentException("expected 'step FAULT size', got: " + line);
    }
    return new ScheduledFault(Integer.parseInt(p[0]), FaultClass.valueOf(p[1]), Integer.parseInt(p[2]));
  }
}
