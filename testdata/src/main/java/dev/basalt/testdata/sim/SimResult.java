package dev.basalt.testdata.sim;

import dev.basalt.core.heads.SyncStatus;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** What one simulated run did: its size, the faults injected, the coverage marks hit, any failure; and what it cost. */
public record SimResult(long seed, int steps, long events, Map<FaultClass, Integer> injected, TreeMap<String, Integer> marks,
    Optional<SimFailure> failure, SyncStatus finalStatus, SimCost cost) {

  /** A result whose cost was not measured. */
  public SimResult(long seed, int steps, long events, Map<FaultClass, Integer> injected, TreeMap<String, Integer> marks,
      Optional<SimFailure> failure, SyncStatus finalStatus) {
    this(seed, steps, events, injected, marks, failure, finalStatus, SimCost.NONE);
  }

  /** Two runs are equal when they did the same; what they cost (timings) is not part of it. */
  @Override
  public boolean equals(Object o) {
    return o instanceof SimResult r && seed == r.seed && steps == r.steps && events == r.events && injected.equals(r.injected)
        && marks.equals(r.marks) && failure.equals(r.failure) && finalStatus.equals(r.finalStatus);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(seed, steps, events, injected, marks, failure, finalStatus);
  }

  public boolean passed() {
    return failure.isEmpty();
  }

  /** Why a run failed, where: the step and the number of events applied when it was seen. */
  public record SimFailure(String message, int step, long event) {
    @Override
    public String toString() {
      return message + " (step " + step + ", event " + event + ")";
    }
  }
}
