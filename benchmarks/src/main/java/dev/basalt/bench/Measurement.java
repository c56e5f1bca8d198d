package dev.basalt.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Repeated timings of one workload: warm-up rounds are dropped, then best and median are kept. */
final class Measurement {
  private final String name;
  private final String unit;
  private final long units;
  private final long bytes;
  private final List<Long> nanos = new ArrayList<>();

  /**
   * @param units operations per round (events, records)
   * @param bytes payload bytes per round (0 when not meaningful)
   */
  Measurement(String name, long units, long bytes) {
    this(name, "ev", units, bytes);
  }

  /** @param unit what one of {@code units} is called in the report ("ev", "channels") */
  Measurement(String name, String unit, long units, long bytes) {
    this.name = name;
    this.unit = unit;
    this.units = units;
    this.bytes = bytes;
  }

  void add(long elapsedNanos) {
    nanos.add(elapsedNanos);
  }

  String report() {
    List<Long> sorted = new ArrayList<>(nanos);
    sorted.sort(null);
    long best = sorted.get(0);
    long median = sorted.get(sorted.size() / 2);
    String perSecond =
        String.format(Locale.ROOT, "%,.0f / %,.0f %s/s", units * 1e9 / best, units * 1e9 / median, unit);
    String throughput =
        bytes == 0
            ? ""
            : String.format(Locale.ROOT, "  %,.1f / %,.1f MB/s", bytes * 1e9 / best / 1e6, bytes * 1e9 / median / 1e6);
    return String.format(Locale.ROOT, "%-44s %s%s  (best / median of %d rounds)", name, perSecond, throughput, nanos.size());
  }
}
