package dev.basalt.testdata.sim;

import dev.basalt.core.heads.SyncStatus;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** What one simulated run did: its size, the faults injected, the coverage marks hit, any failure. */
public record SimResult(long seed, int steps, long events, Map<FaultClass, Integer> injected, TreeMap<String, Integer> marks,
    Optional<SimFailure> failure, SyncStatus finalStatus) {

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
