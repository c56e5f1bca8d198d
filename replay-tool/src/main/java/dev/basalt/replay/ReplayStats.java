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
 * @param journalBytes bytes the journal occupies on disk, 0 when unknown (memory journals)
 */
public record ReplayStats(
    long firstSeq,
    OptionalLong snapshotSeq,
    long events,
    long commandsCompared,
    long stateHashesChecked,
    long inputsWithoutOutputs,
    long elapsedNanos,
    long journalBytes) {

  public double eventsPerSecond() {
    return elapsedNanos == 0 ? 0 : events * 1e9 / elapsedNanos;
  }

  /**
   * One line for humans: where replay started, what was checked, throughput. MB/s is the journal's
   * size on disk over the replay time, shown only for a replay from input 0.
   */
  public String summary() {
    StringBuilder b = new StringBuilder();
    snapshotSeq.ifPresent(s -> b.append("started from snapshot at input ").append(s).append("; "));
    b.append(stateHashesChecked).append(" state hashes checked; ");
    b.append(inputsWithoutOutputs).append(" trailing inputs without recorded outputs; ");
    b.append(String.format(Locale.ROOT, "%.0f events/s", eventsPerSecond()));
    // The journal's whole size over a replay that skipped to a snapshot would overstate the rate.
    if (journalBytes > 0 && elapsedNanos > 0 && snapshotSeq.isEmpty()) {
      b.append(String.format(Locale.ROOT, ", %.1f MB/s", journalBytes * 1e3 / elapsedNanos));
    }
    b.append(String.format(Locale.ROOT, " (%.3f s)", elapsedNanos / 1e9));
    return b.toString();
  }
}
