package dev.basalt.replay;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * Counts from one replay, up to where it stopped.
 *
 * @param firstSeq the first input applied
 * @param snapshotSeq the snapshot replay started from, empty for a fresh core
 * @param events inputs applied (including trailing ones without recorded outputs)
 * @param commandsCompared commands the core emitted and found equal to the recorded ones
 * @param stateHashesChecked recorded state hashes recomputed and found equal
 * @param inputsWithoutOutputs trailing inputs with no recorded output (node killed between the
 *     input and its outputs); applied but not compared
 * @param elapsedNanos wall time of the replay loop
 */
public record ReplayStats(
    long firstSeq,
    OptionalLong snapshotSeq,
    long events,
    long commandsCompared,
    long stateHashesChecked,
    long inputsWithoutOutputs,
    long elapsedNanos) {

  public double eventsPerSecond() {
    return elapsedNanos == 0 ? 0 : events * 1e9 / elapsedNanos;
  }

  /**
   * One line for humans: where replay started, what was checked, throughput. No MB/s: Chronicle's
   * files are sparse and preallocated, so their size says nothing about the bytes replayed.
   */
  public String summary() {
    StringBuilder b = new StringBuilder();
    snapshotSeq.ifPresent(s -> b.append("started from snapshot at input ").append(s).append("; "));
    b.append(stateHashesChecked).append(" state hashes checked; ");
    b.append(inputsWithoutOutputs).append(" trailing inputs without recorded outputs; ");
    b.append(String.format(Locale.ROOT, "%.0f events/s", eventsPerSecond()));
    b.append(String.format(Locale.ROOT, " (%.3f s)", elapsedNanos / 1e9));
    return b.toString();
  }
}
